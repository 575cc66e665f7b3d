// A what-if change that cannot apply, or a change file that is not one, is explained in the asker's language:
// the located lines of `reachbot whatif --change FILE --lang zh` and the thread reply to a Chinese "what if".
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { parseTopology } from '../../src/topology/load.js';
import { applyChange } from '../../src/whatif/apply.js';
import { ChangeError, parseChanges } from '../../src/whatif/change.js';
import { runIn, workspace } from '../cli/harness.js';
import { untranslatedWords } from './untranslated.js';

const ZH = i18n('zh');

function topology() {
  const parsed = parseTopology(
    [
      'version: 1',
      'vpcs:',
      '  - id: vpc-a',
      '    cidr: 10.0.0.0/16',
      '    subnets: [{ id: s-1, cidr: 10.0.1.0/24 }]',
      '    routeTables: [{ id: rtb-1, default: true, routes: [{ destination: 10.9.0.0/16, type: vpn }] }]',
      'securityGroups:',
      '  - id: sg-db',
      '    rules: [{ direction: ingress, protocol: tcp, ports: "3306", remote: 10.0.0.0/8 }]',
      'resources:',
      '  - { name: db1, vpc: vpc-a, subnet: s-1, addresses: [10.0.1.5], securityGroups: [sg-db] }',
    ].join('\n'),
  );
  if (!parsed.ok) throw new Error('fixture');
  return parsed.topology;
}

function problem(change: Parameters<typeof applyChange>[1]): ChangeError {
  try {
    applyChange(topology(), change);
  } catch (error) {
    if (error instanceof ChangeError) return error;
    throw error;
  }
  throw new Error('expected a ChangeError');
}

describe('what-if errors in Chinese', () => {
  it('says in Chinese what a change names that the topology does not have, English unchanged', () => {
    const cases = [
      problem({ op: 'remove-rule', securityGroup: 'sg-dbb', index: 1 }),
      problem({ op: 'remove-rule', securityGroup: 'sg-db', index: 9 }),
      problem({ op: 'remove-rule', securityGroup: 'sg-db', ruleId: 'r-1' }),
      problem({ op: 'remove-route', routeTable: 'rtb-1', destination: '10.8.0.0/16' }),
      problem({ op: 'remove-whitelist-entry', resource: 'db1', address: '10.0.0.1' }),
      problem({ op: 'set-peering', peering: 'pcx-1', status: 'DELETED' }),
    ];
    const zh = cases.map((c) => c.describe(ZH));
    expect(zh).toEqual([
      'change: change: 未知的安全组“sg-dbb”（已定义：sg-db）',
      'change: change: sg-db 只有 1 条规则，没有第 9 条',
      'change: change: sg-db 中没有 ID 为“r-1”的规则',
      'change: change: 路由表 rtb-1 中没有去往 10.8.0.0/16 的路由（现有：10.9.0.0/16）',
      'change: change: db1 的白名单分组 default 中没有 10.0.0.1',
      'change: change: 未知的对等连接“pcx-1”',
    ]);
    expect(cases[1]!.message).toBe('change: change: sg-db has 1 rule; there is no rule #9');
    for (const text of zh) expect(untranslatedWords(text, ['change', 'default'])).toEqual([]);
  });

  it('locates the problems of a change file in Chinese, with --lang zh', async () => {
    const { dir, store } = await workspace();
    await writeFile(
      join(dir, 'topology.yaml'),
      'version: 1\nvpcs: [{ id: vpc-a, cidr: 10.0.0.0/16, subnets: [{ id: s-1, cidr: 10.0.1.0/24 }] }]\n',
    );
    await writeFile(
      join(dir, 'bad.yaml'),
      'changes:\n  - op: frobnicate\n  - op: remove-route\n    destination: 10.0.0.0/8\n',
    );
    const run = await runIn(dir, { REACHBOT_STORE: store }, [
      'whatif',
      '--topology',
      'topology.yaml',
      '--change',
      'bad.yaml',
      '--lang',
      'zh',
      'vpc-a -> 10.0.1.5 tcp/22',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:2: changes\[0\]\.op: op 必须是 add-rule、.*之一/);
    expect(run.stderr).toContain('请给出 routeTable，或给出 vpc 以使用该 VPC 的默认路由表');
    expect(() => parseChanges('changes:\n  - op: frobnicate\n', 'c.yaml')).toThrow(
      /^c\.yaml:2: changes\[0\]\.op: op must be one of add-rule/,
    );
  });
});
