// check-plan in Chinese: the same paths move for the same causes in every language (causes are ids), and the
// terminal text and the pull-request comment are Chinese, blockers and fixes included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { checkPlan } from '../../src/plan/check.js';
import { parsePlan } from '../../src/plan/plan.js';
import { planMarkdown, planText } from '../../src/plan/render.js';
import { parseQuestion } from '../../src/question/parse.js';
import { parseTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import { untranslatedWords } from '../i18n/untranslated.js';

const DIR = join(import.meta.dirname, '../fixtures/plan');
const ZH = i18n('zh');

function topology(): Topology {
  const result = parseTopology(readFileSync(join(DIR, 'topology.yaml'), 'utf8'));
  if (!result.ok) throw new Error('fixture topology is invalid');
  return result.topology;
}

function paths() {
  return readFileSync(join(DIR, 'paths.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => ({ question: parseQuestion(line), label: line }));
}

/** Lines the renderer and the mapper write, without the route-return step's summary (checked with the engine's texts). */
function ownLines(text: string): string {
  const [own = ''] = text.split(/<details>/);
  return own
    .split('\n')
    .filter((line) => !line.includes('回程路由：'))
    .join('\n');
}

describe('check-plan in Chinese', () => {
  const plan = parsePlan(readFileSync(join(DIR, 'plan.json'), 'utf8'));
  const english = checkPlan(topology(), plan, paths());
  const chinese = checkPlan(topology(), plan, paths(), undefined, ZH);
  const names = [
    ...paths().flatMap((p) => p.label.split(/\s+/)),
    ...chinese.planned.map((p) => p.address),
    'sg-db',
    'sg-web',
    'sg-cache',
  ];

  it('moves the same paths for the same causes as in English', () => {
    const shape = (c: typeof english) =>
      c.paths.map((p) => [p.before, p.after, p.movement, p.causes, p.blocker?.check]);
    expect(shape(chinese)).toEqual(shape(english));
  });

  it('writes the terminal text and the pull-request comment in Chinese', () => {
    const text = planText(chinese, ZH);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'check-plan：7 项资源变更，检查了 5 条路径',
      '✗ 2 条出现问题 · ✓ 1 条已修复 · ? 1 条无法确定 · 1 条不变',
    ]);
    expect(text).toContain('\n出现问题：\n✗ prod -> db1 3306 (prod → db1 tcp/3306)：可以访问 → 无法访问');
    expect(text).toContain('    修复：在安全组 sg-db 中添加入方向规则');
    expect(text).toContain('或者将 huaweicloud_networking_secgroup_rule.db_from_pods 移出本次计划');
    // The mapper's notes too: what it left out, and what is known only after apply.
    expect(text).toMatch(
      /\n未评估：[\s\S]*huaweicloud_compute_instance\.bastion: check-plan 不评估 huaweicloud_compute_instance/,
    );
    expect(text).toContain('（remote_ip_prefix 要到 apply 之后才能确定）');
    expect(untranslatedWords(ownLines(text), [...names, 'remote_ip_prefix', 'apply', 'check-plan'])).toEqual([]);

    const markdown = planMarkdown(chinese, ZH);
    expect(markdown).toContain('| 路径 | 变更前 → 变更后 | 原因 | 说明 / 修复 |');
    expect(markdown).toContain(':x: **2 条路径出现问题**');
    expect(untranslatedWords(ownLines(markdown.replace(':x:', '')), [...names, 'remote_ip_prefix', 'apply'])).toEqual(
      [],
    );
    // English unchanged.
    expect(planText(english).split('\n')[0]).toBe('check-plan: 7 resource changes, 5 paths checked');
  });
});
