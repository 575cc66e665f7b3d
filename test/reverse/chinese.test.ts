// Reverse questions and what-if reports in Chinese: the renderers' words and the engine's blockers and fixes
// both follow the language passed in; English stays as it was (the other tests pin it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { renderReverseBlocks, renderReverseSummary, renderReverseText } from '../../src/reverse/render.js';
import { answerReverse } from '../../src/reverse/reverse.js';
import { compileTopology } from '../../src/topology/compile.js';
import { parseTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import type { Change } from '../../src/whatif/change.js';
import { changesOf, evaluateWhatIf } from '../../src/whatif/evaluate.js';
import { describeChange, renderWhatIf } from '../../src/whatif/render.js';
import { untranslatedWords } from '../i18n/untranslated.js';

const ZH = i18n('zh');

function sample(): Topology {
  const result = parseTopology(readFileSync(join(import.meta.dirname, '../../data/sample.yaml'), 'utf8'));
  if (!result.ok) throw new Error('sample is not valid');
  return result.topology;
}

/** Every name and id the topology declares (and the parts of namespace/name workloads): allowed in any language. */
function namesOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) namesOf(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'name' || key === 'id' || key === 'namespace') && typeof child === 'string')
        for (const part of [child, ...child.split(/[/-]/)]) into.add(part);
      else namesOf(child, into);
    }
  return into;
}

const PROD_DB1 = { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp' as const, port: 3306 };

describe('a reverse answer in Chinese', () => {
  const topology = sample();
  const compiled = compileTopology(topology);
  const names = [...namesOf(topology)];

  it('words the question, counts, groups, blockers and fixes in Chinese', () => {
    const answer = answerReverse(
      compiled,
      { kind: 'sources', destination: 'db1', protocol: 'tcp', port: 3306, workloads: true },
      ZH,
    );
    const text = renderReverseText(answer, 'sample', ZH);
    const [question, counts] = text.split('\n');
    expect(question).toBe('哪些工作负载可以访问 db1（tcp/3306）？（拓扑 sample）');
    expect(counts).toMatch(/^可以访问 \d+ · 无法访问 \d+ · 无法确定 \d+（共 \d+ 个源端）$/);
    expect(text).toMatch(/✗ 无法访问，阻断于目的端安全组（\d+）：/);
    expect(text).toContain('修复：在安全组 sg-db1 中添加入方向规则');
    expect(text).toContain('prod 中的 ');
    expect(untranslatedWords(text, names)).toEqual([]);

    const blocks = renderReverseBlocks(answer, 'sample', ZH);
    const blockText = JSON.stringify(blocks.map((b) => ('text' in b ? b.text : b)));
    expect(blockText).toContain('见附件');
  });

  it('asks what a cluster can reach, the internet included, in Chinese', () => {
    const answer = answerReverse(compiled, { kind: 'destinations', cluster: 'prod', workload: null }, ZH);
    const summary = renderReverseSummary(answer, undefined, 50, ZH);
    expect(summary.split('\n')[0]).toBe('prod 中的容器可以访问哪些目的地址？');
    expect(summary).toContain('公网');
    expect(untranslatedWords(summary, names)).toEqual([]);
    // The English rendering of the same question is unchanged.
    const english = renderReverseSummary(
      answerReverse(compiled, { kind: 'destinations', cluster: 'prod', workload: null }),
    );
    expect(english.split('\n')[0]).toBe('What can pods in prod reach?');
    expect(english).toContain('the internet');
  });
});

describe('a what-if report in Chinese', () => {
  const topology = sample();
  const compiled = compileTopology(topology);
  const names = [...namesOf(topology)];

  it('says the change, the asked path and the watched paths in Chinese, with the blocker and fix', () => {
    const changes: Change[] = [{ op: 'remove-rule', securityGroup: 'sg-db1', index: 1 }];
    const result = evaluateWhatIf(topology, compiled, changes, [{ question: PROD_DB1 }], [], ZH);
    const text = renderWhatIf(result.changes, result.asked, result.watched, ZH);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '假设：删除安全组 sg-db1 的第 1 条规则',
      '（在拓扑的副本上评估，未做任何更改）',
      '',
      '本路径：',
    ]);
    expect(text).toContain('监控的路径：检查了 0 条：0 条出现问题，0 条无法确定，0 条已修复，0 条不变');
    expect(untranslatedWords(text, names)).toEqual([]);
    // English unchanged.
    const english = renderWhatIf(
      changes,
      evaluateWhatIf(topology, compiled, changes, [{ question: PROD_DB1 }], []).asked,
      [],
    );
    expect(english.split('\n')[0]).toBe('What if: remove rule #1 of sg-db1');
  });

  it('words every kind of change in Chinese', () => {
    const changes: Change[] = [
      {
        op: 'add-rule',
        securityGroup: 'sg-db1',
        rule: { direction: 'ingress', protocol: 'tcp', ports: '3306', remote: '172.16.0.0/16', action: 'allow' },
      } as Change,
      { op: 'remove-rule', securityGroup: 'sg-db1', ruleId: 'rule-1' } as Change,
      { op: 'remove-route', vpc: 'vpc-demo', destination: '10.1.0.0/16' } as Change,
      { op: 'add-whitelist-entry', resource: 'db1', address: '172.16.0.0/16' } as Change,
      { op: 'remove-whitelist-entry', resource: 'db1', address: '172.16.0.0/16' } as Change,
      { op: 'add-peering', peering: { id: 'pcx-2', requesterVpc: 'vpc-demo', accepterVpc: 'vpc-demo2' } } as Change,
      { op: 'remove-peering', peering: 'pcx-2' } as Change,
      ...changesOf({ kind: 'apply-fixes' }, compiled, PROD_DB1),
    ];
    const words = changes.map((change) => describeChange(change, ZH));
    expect(words[0]).toBe('在安全组 sg-db1 中添加入方向规则：允许 tcp/3306，源地址 172.16.0.0/16');
    expect(words[2]).toBe('删除 vpc-demo 的默认路由表中的路由 10.1.0.0/16');
    expect(words[3]).toBe('将 172.16.0.0/16 加入 db1 的白名单');
    for (const word of words) expect(untranslatedWords(word, [...names, 'pcx-2', 'rule-1'])).toEqual([]);
  });
});
