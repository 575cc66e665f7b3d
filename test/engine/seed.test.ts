// The two examples of the CCE documentation the product was seeded with (cce_10_0399).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { parseQuestion } from '../../src/question/parse.js';
import { compileTopology } from '../../src/topology/compile.js';
import { parseTopology } from '../../src/topology/load.js';
import { ask, build, seedCrossVpc, seedSameVpc, status } from '../fixtures/engine/builder.js';

describe('seed: pod in a vpc-router cluster pings an ECS that allows only the node subnet', () => {
  const { topology, compiled } = build(seedSameVpc());
  const d = ask(compiled, { destination: '192.168.10.52' });

  it('is unreachable because the ECS sees the container CIDR', () => {
    expect(d.verdict).toBe('unreachable');
    expect(d.question).toMatchObject({ protocol: 'icmp', port: null, destination: '192.168.10.52' });
    expect(d.destination.resource).toBe('ecs1');
    expect(d.source.seenAs).toEqual(['172.16.0.0/16']);
    expect(d.source.why).toContain('nonMasqueradeCidrs (192.168.0.0/16)');
    expect(status(d, 'destination-sg')).toBe('fail');
  });

  it('fixes it with icmp echo from 172.16.0.0/16 on the ECS group, nothing wider', () => {
    const primary = d.fixes.filter((f) => !f.alternative);
    expect(primary).toHaveLength(1);
    expect(primary[0]).toMatchObject({
      kind: 'security-group-rule',
      securityGroup: 'sg-ecs',
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'icmp',
      ports: '8',
      remote: '172.16.0.0/16',
      action: 'allow',
      priority: 1,
    });
    expect(primary[0]!.render.text.length).toBeGreaterThan(0);
  });

  it('offers the nonMasqueradeCidrs change only as an alternative', () => {
    const alt = d.fixes.filter((f) => f.alternative);
    expect(alt.some((f) => f.kind === 'replan' && /nonMasqueradeCIDRs/i.test(f.reason))).toBe(true);
  });

  it('is reachable once the fix is applied', () => {
    const fixed = compileTopology(
      applyFixes(
        topology,
        d.fixes.filter((f) => !f.alternative),
      ),
    );
    expect(ask(fixed, { destination: '192.168.10.52' }).verdict).toBe('reachable');
  });
});

describe('seed: cross-VPC with the VPC network model needs the container CIDR routed back', () => {
  const { topology, compiled } = build(seedCrossVpc());
  const d = ask(compiled, { destination: 'db2' });

  it('fails on the return route only', () => {
    expect(d.verdict).toBe('unreachable');
    expect(d.source.seenAs).toEqual(['10.0.0.0/16']);
    expect(status(d, 'route-forward')).toBe('pass');
    expect(status(d, 'peering')).toBe('pass');
    expect(status(d, 'destination-sg')).toBe('pass');
    expect(status(d, 'route-return')).toBe('fail');
  });

  it('adds 10.0.0.0/16 -> peering-demo in vpc-demo2', () => {
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes[0]).toMatchObject({
      kind: 'route',
      vpc: 'vpc-demo2',
      routeTable: 'rtb-demo2',
      destination: '10.0.0.0/16',
      type: 'peering',
      nextHop: 'pcx-demo',
    });
    const fixed = compileTopology(applyFixes(topology, d.fixes));
    expect(ask(fixed, { destination: 'db2' }).verdict).toBe('reachable');
  });
});

describe('fix order', () => {
  it('lists every fix to apply before any alternative, even when the blockers need several fixes', () => {
    const parsed = parseTopology(readFileSync(new URL('../../data/sample.yaml', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error('the sample topology is invalid');
    // Ping across the peering: the peer's security group and the return route both block, and the
    // nonMasqueradeCidrs change is offered as an alternative to the security group rule.
    const d = diagnose(compileTopology(parsed.topology), parseQuestion("why can't prod ping 10.1.1.20"));
    if ('flows' in d) throw new Error('expected one flow');
    expect(d.fixes.map((f) => [f.kind, f.alternative === true])).toEqual([
      ['security-group-rule', false],
      ['route', false],
      ['replan', true],
    ]);
  });
});

describe('step wording an on-call engineer reads', () => {
  const parsed = parseTopology(readFileSync(new URL('../../data/sample.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the sample topology is invalid');
  const d = diagnose(compileTopology(parsed.topology), parseQuestion('can pod in prod reach 192.168.10.52?'));
  if ('flows' in d) throw new Error('expected one flow');
  const summary = (check: string) => d.steps.find((s) => s.check === check)?.summary ?? '';

  it('does not repeat the why of the source seen (it is the diagnosis source.why)', () => {
    expect(summary('source-address')).toBe('the destination sees 172.16.0.0/16');
    expect(d.source.why).toContain('nonMasqueradeCidrs');
  });

  it('names the deciding rule without nested parentheses, with one group as the subject', () => {
    expect(summary('source-egress')).toMatch(
      /^prod-cce-node-\w+ allows icmp echo out to 192\.168\.10\.52 \(rule #\d+ of prod-cce-node-\w+: allow any to 0\.0\.0\.0\/0, priority \d+\)$/,
    );
  });
});
