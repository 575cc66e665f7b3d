// What-if: the change format (validated, located), the sentences, applying on a copy (the input is never
// modified), and how paths move.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuestionError } from '../../src/question/errors.js';
import { compileTopology } from '../../src/topology/compile.js';
import { parseTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import { applyChanges } from '../../src/whatif/apply.js';
import { ChangeError, parseChanges } from '../../src/whatif/change.js';
import { movementOf } from '../../src/whatif/compare.js';
import { changesOf, evaluateWhatIf } from '../../src/whatif/evaluate.js';
import { parseWhatIf } from '../../src/whatif/phrase.js';

function sample(): Topology {
  const result = parseTopology(readFileSync(join(import.meta.dirname, '../../data/sample.yaml'), 'utf8'));
  if (!result.ok) throw new Error('sample is not valid');
  return result.topology;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const NODE_EXPORTER = {
  cluster: 'prod',
  workload: 'monitoring/node-exporter',
  destination: 'db1',
  protocol: 'tcp' as const,
  port: 3306,
};
const PROD_DB1 = { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp' as const, port: 3306 };

describe('the change format', () => {
  it('reads every op, normalizing bodies with the topology schema, each located by line', () => {
    const changes = parseChanges(
      `changes:
  - op: add-rule
    securityGroup: sg-db1
    rule: { direction: ingress, protocol: tcp, ports: 3306, remote: 172.16.0.0/16 }
  - { op: remove-rule, securityGroup: sg-db1, index: 2 }
  - op: add-route
    routeTable: rtb-demo2
    route: { destination: 172.16.0.0/16, type: peering, nextHop: pcx-demo }
  - { op: remove-route, vpc: vpc-demo2, destination: 192.168.0.0/16 }
  - { op: add-whitelist-entry, resource: redis-main, address: 172.16.0.0/16 }
  - { op: set-peering, peering: pcx-demo, status: REJECTED }
`,
      'change.yaml',
    );
    expect(changes.map((c) => c.op)).toEqual([
      'add-rule',
      'remove-rule',
      'add-route',
      'remove-route',
      'add-whitelist-entry',
      'set-peering',
    ]);
    expect(changes[0]).toMatchObject({ rule: { ports: '3306' }, at: 'change.yaml:2' });
    expect(changes[3]?.at).toBe('change.yaml:9');
  });

  it('rejects an unknown op, a missing key and a bad CIDR, each with its line', () => {
    const bad = `changes:
  - { op: add-rule, securityGroup: sg-db1, rule: { direction: ingress, remote: 172.16.0.0/33 } }
  - { op: remove-rule, securityGroup: sg-db1 }
  - { op: paint-it-red }
`;
    let caught: unknown;
    try {
      parseChanges(bad, 'c.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ChangeError);
    const message = (caught as ChangeError).message;
    expect(message).toMatch(/^c\.yaml:3: changes\[1\]: name the rule by exactly one of index, ruleId or rule/m);
    expect(message).toMatch(/^c\.yaml:4: changes\[2\]\.op: .*add-rule/m);
    const cidr = () =>
      parseChanges('- { op: add-rule, securityGroup: s, rule: { direction: ingress, remote: 10.0.0.0/33 } }', 'x.yaml');
    expect(cidr).toThrow(/x\.yaml:1: \[0\]\.rule\.remote/);
  });

  it('refuses a whitelist entry or a route destination that is not an address or CIDR, with its line', () => {
    // Taken as they were, a whitelist entry "version" reached the compile and failed there as a plain Error.
    const bad = `changes:
  - { op: add-whitelist-entry, resource: redis-main, address: version }
  - { op: remove-route, routeTable: rtb-demo2, destination: 10.0.0.0/33 }
`;
    expect(() => parseChanges(bad, 'c.yaml')).toThrow(ChangeError);
    expect(() => parseChanges(bad, 'c.yaml')).toThrow(/^c\.yaml:2: changes\[0\]\.address: /m);
    expect(() => parseChanges(bad, 'c.yaml')).toThrow(/^c\.yaml:3: changes\[1\]\.destination: /m);
    // An address is read as the topology reads it: a bare IP is the /32 a whitelist holds, so removing
    // "172.16.0.7" finds the entry added as "172.16.0.7/32".
    const changes = parseChanges(`- { op: add-whitelist-entry, resource: redis-main, address: 172.16.0.7/32 }
- { op: remove-whitelist-entry, resource: redis-main, address: 172.16.0.7 }`);
    expect(changes.map((c) => (c.op === 'remove-whitelist-entry' ? c.address : ''))).toEqual(['', '172.16.0.7/32']);
    const redis = applyChanges(sample(), changes).resources?.find((r) => r.name === 'redis-main');
    expect(redis?.whitelist?.groups?.flatMap((g) => g.addresses)).not.toContain('172.16.0.7/32');
  });

  it('names unknown objects with the closest known ones', () => {
    expect(() =>
      applyChanges(sample(), [{ op: 'remove-rule', securityGroup: 'sg-db', index: 1, at: 'c.yaml:2' }]),
    ).toThrow(/c\.yaml:2: unknown security group "sg-db" \(known: sg-db1/);
    expect(() => applyChanges(sample(), [{ op: 'remove-rule', securityGroup: 'sg-db1', index: 9 }])).toThrow(
      /there is no rule #9/,
    );
    expect(() =>
      applyChanges(sample(), [{ op: 'remove-route', routeTable: 'rtb-demo2', destination: '10.0.0.0/16' }]),
    ).toThrow(/has no route to 10\.0\.0\.0\/16 \(it has 192\.168\.0\.0\/16\)/);
  });
});

describe('applying changes', () => {
  it('returns a new topology and never modifies the input', () => {
    const topology = deepFreeze(sample());
    const before = JSON.stringify(topology);
    const after = applyChanges(topology, [
      { op: 'remove-rule', securityGroup: 'sg-db1', index: 1 },
      { op: 'remove-route', routeTable: 'rtb-demo2', destination: '192.168.0.0/16' },
      { op: 'add-whitelist-entry', resource: 'redis-main', address: '172.16.0.0/16' },
      { op: 'set-peering', peering: 'pcx-demo', status: 'REJECTED' },
    ]);
    expect(JSON.stringify(topology)).toBe(before);
    expect(after.securityGroups?.find((g) => g.id === 'sg-db1')?.rules).toHaveLength(1);
    expect(after.peerings?.[0]?.status).toBe('REJECTED');
  });

  it('a removed rule breaks the path it allowed; the fixes of an answer make it reachable', () => {
    const topology = sample();
    const compiled = compileTopology(topology);
    const removal = evaluateWhatIf(
      topology,
      compiled,
      [{ op: 'remove-rule', securityGroup: 'sg-db1', index: 1 }],
      [{ question: NODE_EXPORTER }],
      [{ question: PROD_DB1, label: 'prod to db1' }],
    );
    expect(removal.asked[0]).toMatchObject({ before: 'reachable', after: 'unreachable', movement: 'breaks' });
    expect(removal.asked[0]?.blocker?.check).toBe('destination-sg');
    expect(removal.watched[0]).toMatchObject({ before: 'unreachable', after: 'unreachable', movement: 'same' });

    const fixes = changesOf({ kind: 'apply-fixes' }, compiled, PROD_DB1);
    const fixed = evaluateWhatIf(topology, compiled, fixes, [{ question: PROD_DB1 }], []);
    expect(fixed.asked[0]).toMatchObject({ before: 'unreachable', after: 'reachable', movement: 'fixed' });
  });

  it('classifies movements', () => {
    expect(movementOf('reachable', 'unreachable')).toBe('breaks');
    expect(movementOf('uncertain', 'unreachable')).toBe('breaks');
    expect(movementOf('unreachable', 'uncertain')).toBe('fixed');
    expect(movementOf('reachable', 'uncertain')).toBe('uncertain');
    expect(movementOf('reachable', 'reachable')).toBe('same');
  });
});

describe('what-if sentences', () => {
  it.each([
    ['what if I remove rule #3 of sg-db1', { op: 'remove-rule', securityGroup: 'sg-db1', index: 3 }],
    [
      'What if we delete the route 10.0.0.0/16 in rtb-demo2?',
      { op: 'remove-route', routeTable: 'rtb-demo2', destination: '10.0.0.0/16' },
    ],
    [
      'what if I add an ingress rule to sg-db1 allowing tcp/3306 from 172.16.0.0/16',
      {
        op: 'add-rule',
        securityGroup: 'sg-db1',
        rule: { direction: 'ingress', protocol: 'tcp', ports: '3306', remote: '172.16.0.0/16' },
      },
    ],
    [
      'what if I add a rule to sg-app allowing ping to 10.0.0.0/8',
      { op: 'add-rule', rule: { direction: 'egress', protocol: 'icmp' } },
    ],
    [
      'what if I add the route 172.16.0.0/16 via peering pcx-demo in rtb-demo2',
      {
        op: 'add-route',
        routeTable: 'rtb-demo2',
        route: { destination: '172.16.0.0/16', type: 'peering', nextHop: 'pcx-demo' },
      },
    ],
    [
      'what if I add 172.16.0.0/16 to the whitelist of redis-main',
      { op: 'add-whitelist-entry', resource: 'redis-main', address: '172.16.0.0/16' },
    ],
    ['what if I reject peering pcx-demo', { op: 'set-peering', peering: 'pcx-demo', status: 'REJECTED' }],
    ['what if I delete peering pcx-demo', { op: 'remove-peering', peering: 'pcx-demo' }],
    ['如果删除 sg-db1 的第 3 条规则', { op: 'remove-rule', securityGroup: 'sg-db1', index: 3 }],
    [
      '如果我删除rtb-demo2中到10.0.0.0/16的路由',
      { op: 'remove-route', routeTable: 'rtb-demo2', destination: '10.0.0.0/16' },
    ],
    [
      '如果把 172.16.0.0/16 加到 redis-main 的白名单',
      { op: 'add-whitelist-entry', resource: 'redis-main', address: '172.16.0.0/16' },
    ],
    ['假如把 192.168.10.0/24 从 redis-main 的白名单删除', { op: 'remove-whitelist-entry', resource: 'redis-main' }],
    ['如果接受对等连接 pcx-demo', { op: 'set-peering', peering: 'pcx-demo', status: 'ACTIVE' }],
  ])('%s', (text, expected) => {
    const parsed = parseWhatIf(text);
    expect(parsed?.kind).toBe('changes');
    expect(parsed?.kind === 'changes' ? parsed.changes[0] : undefined).toMatchObject(expected);
  });

  it('"apply the fixes" in English and Chinese; other text is not a what-if', () => {
    expect(parseWhatIf('what if I apply the fixes?')).toEqual({ kind: 'apply-fixes' });
    expect(parseWhatIf('如果应用修复')).toEqual({ kind: 'apply-fixes' });
    expect(parseWhatIf('can prod reach db1')).toBeNull();
    expect(() => parseWhatIf('what if I paint sg-db1 red')).toThrow(QuestionError);
    expect(() => parseWhatIf('what if I add a rule to sg-db1 allowing tcp/3306 from 10.0.0.0/33')).toThrow(
      QuestionError,
    );
  });
});
