// Security-group semantics (reference §2.3-2.6): priority, deny before allow, binding order, remote
// groups and address groups, ICMP types, port lists, IPv6, and a seen source that is a whole set.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { TopologyInput } from '../../src/topology/schema.js';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';

type Rules = NonNullable<NonNullable<TopologyInput['securityGroups']>[number]['rules']>;

/** The seed (vpc-router, pods seen as 172.16.0.0/16) with the ECS bound to the given groups. */
function ecsWith(groups: Record<string, Rules>, extra: Partial<TopologyInput> = {}) {
  const input = seedSameVpc('vpc-router');
  input.securityGroups = [
    ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
    ...Object.entries(groups).map(([id, rules]) => ({ id, rules })),
  ];
  input.resources = [{ ...input.resources![0]!, securityGroups: Object.keys(groups) }];
  return build({ ...input, ...extra });
}

describe('one group', () => {
  it('a deny at a smaller priority number wins over an allow', () => {
    const { compiled } = ecsWith({
      'sg-a': [
        { direction: 'ingress', protocol: 'tcp', ports: '3306', remote: '172.16.0.0/16', priority: 10 },
        { direction: 'ingress', protocol: 'tcp', ports: '3306', remote: '172.16.0.0/16', action: 'deny', priority: 5 },
      ],
    });
    const d = ask(compiled, { destination: 'ecs1', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    expect(d.steps.find((s) => s.check === 'destination-sg')?.summary).toContain('rule #2 of sg-a');
    expect(d.fixes[0]).toMatchObject({ securityGroup: 'sg-a', priority: 1, ports: '3306', remote: '172.16.0.0/16' });
  });

  it('at equal priority deny is evaluated before allow', () => {
    const { compiled } = ecsWith({
      'sg-a': [
        { direction: 'ingress', protocol: 'tcp', remote: '172.16.0.0/16', priority: 5 },
        { direction: 'ingress', protocol: 'tcp', remote: '172.16.0.0/16', action: 'deny', priority: 5 },
      ],
    });
    expect(ask(compiled, { destination: 'ecs1', port: 80 }).verdict).toBe('unreachable');
  });

  it('an allow placed at priority 1 wins over a lower-priority deny (fix verified)', () => {
    const { topology, compiled } = ecsWith({
      'sg-a': [{ direction: 'ingress', protocol: 'tcp', remote: '0.0.0.0/0', action: 'deny', priority: 50 }],
    });
    const d = ask(compiled, { destination: 'ecs1', port: 80 });
    expect(d.fixes.filter((f) => f.kind === 'replan')).toHaveLength(0);
    const fixed = compileTopology(
      applyFixes(
        topology,
        d.fixes.filter((f) => !f.alternative),
      ),
    );
    expect(ask(fixed, { destination: 'ecs1', port: 80 }).verdict).toBe('reachable');
  });

  it('a priority-1 deny cannot be beaten by any allow: replan names it', () => {
    const { compiled } = ecsWith({
      'sg-a': [{ direction: 'ingress', protocol: 'tcp', ports: '80', remote: '172.16.0.0/16', action: 'deny' }],
    });
    const d = ask(compiled, { destination: 'ecs1', port: 80 });
    const replan = d.fixes.find((f) => f.kind === 'replan');
    expect(replan && replan.kind === 'replan' && replan.reason).toContain('remove or narrow rule #1 of sg-a');
  });

  it('a rule allowing only part of the container CIDR is partial: unreachable, says which part', () => {
    const { compiled } = ecsWith({ 'sg-a': [{ direction: 'ingress', remote: '172.16.0.0/17' }] });
    const d = ask(compiled, { destination: 'ecs1', port: 80 });
    expect(d.verdict).toBe('unreachable');
    expect(d.steps.find((s) => s.check === 'destination-sg')?.summary).toContain('only part');
    expect(d.steps.find((s) => s.check === 'destination-sg')?.summary).toContain('172.16.0.0/17 of 172.16.0.0/16');
  });

  it('protocol numbers, multiport lists and ICMP types match exactly', () => {
    const { compiled } = ecsWith({
      'sg-a': [
        { direction: 'ingress', protocol: 6, ports: '22,3306,8000-8080', remote: '172.16.0.0/16' },
        { direction: 'ingress', protocol: 'icmp', ports: '0', remote: '172.16.0.0/16' },
      ],
    });
    expect(ask(compiled, { destination: 'ecs1', port: 8080 }).verdict).toBe('reachable');
    expect(ask(compiled, { destination: 'ecs1', port: 3306 }).verdict).toBe('reachable');
    expect(ask(compiled, { destination: 'ecs1', port: 8081 }).verdict).toBe('unreachable');
    expect(ask(compiled, { destination: 'ecs1', port: 53, protocol: 'udp' }).verdict).toBe('unreachable');
    // ICMP type 0 (echo reply) does not allow an echo request.
    expect(ask(compiled, { destination: 'ecs1', protocol: 'icmp' }).verdict).toBe('unreachable');
  });

  it('a TCP-only rule set does not allow ping; icmp without ports allows all types', () => {
    const tcp = ecsWith({ 'sg-a': [{ direction: 'ingress', protocol: 'tcp', remote: '172.16.0.0/16' }] });
    expect(ask(tcp.compiled, { destination: 'ecs1', protocol: 'icmp' }).verdict).toBe('unreachable');
    const icmp = ecsWith({ 'sg-a': [{ direction: 'ingress', protocol: 'icmp', remote: '172.16.0.0/16' }] });
    expect(ask(icmp.compiled, { destination: 'ecs1', protocol: 'icmp' }).verdict).toBe('reachable');
  });

  it('address groups match by CIDR and by range, all of the source', () => {
    const groups = (addresses: string[]) =>
      ecsWith(
        { 'sg-a': [{ direction: 'ingress', remote: { addressGroup: 'ag-pods' } }] },
        { addressGroups: [{ id: 'ag-pods', addresses }] },
      ).compiled;
    expect(ask(groups(['172.16.0.0/16']), { destination: 'ecs1', port: 80 }).verdict).toBe('reachable');
    expect(ask(groups(['172.16.0.0-172.16.255.255']), { destination: 'ecs1', port: 80 }).verdict).toBe('reachable');
    expect(ask(groups(['172.16.0.0-172.16.200.255']), { destination: 'ecs1', port: 80 }).verdict).toBe('unreachable');
  });
});

describe('remote security groups (§2.5)', () => {
  it('overlay nodes are members of the node group: a remote-group rule matches', () => {
    const input = seedSameVpc('overlay_l2');
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
      { id: 'sg-ecs', rules: [{ direction: 'ingress', remote: { securityGroup: 'sg-node' } }] },
    ];
    expect(ask(build(input).compiled, { destination: 'ecs1', port: 80 }).verdict).toBe('reachable');
  });

  it('vpc-router pod IPs are not members: uncertain, names the assumption, still proposes the CIDR rule', () => {
    const { compiled } = ecsWith({ 'sg-a': [{ direction: 'ingress', remote: { securityGroup: 'sg-node' } }] });
    const d = ask(compiled, { destination: 'ecs1', port: 80 });
    expect(d.verdict).toBe('uncertain');
    expect(d.assumptions.join(' ')).toContain('cce_faq_00265');
    expect(d.fixes[0]).toMatchObject({ kind: 'security-group-rule', remote: '172.16.0.0/16' });
  });

  it('eni pods are members of their pod group, but not after securityGroups replaces it', () => {
    const input = seedSameVpc('eni');
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
      { id: 'sg-other', rules: [{ direction: 'egress' }] },
      { id: 'sg-ecs', rules: [{ direction: 'ingress', remote: { securityGroup: 'sg-eni' } }] },
    ];
    input.clusters = [{ ...input.clusters![0]!, workloads: [{ name: 'a/b', securityGroups: ['sg-other'] }] }];
    const { compiled } = build(input);
    expect(ask(compiled, { destination: 'ecs1', port: 80 }).verdict).toBe('reachable');
    expect(ask(compiled, { destination: 'ecs1', port: 80, workload: 'a/b' }).verdict).toBe('unreachable');
  });
});

describe('several groups (§2.4)', () => {
  it('agreeing groups give a certain answer', () => {
    const { compiled } = ecsWith({
      'sg-a': [{ direction: 'ingress', protocol: 'tcp', ports: '22', remote: '0.0.0.0/0' }],
      'sg-b': [{ direction: 'ingress', protocol: 'tcp', ports: '80', remote: '172.16.0.0/16' }],
    });
    expect(ask(compiled, { destination: 'ecs1', port: 80 }).verdict).toBe('reachable');
  });

  it('a deny in an earlier group vs an allow in a later one is uncertain', () => {
    const { compiled } = ecsWith({
      'sg-a': [{ direction: 'ingress', protocol: 'tcp', remote: '172.16.0.0/16', action: 'deny', priority: 50 }],
      'sg-b': [{ direction: 'ingress', protocol: 'tcp', remote: '172.16.0.0/16', priority: 1 }],
    });
    const d = ask(compiled, { destination: 'ecs1', port: 80 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'destination-sg')).toBe('warn');
    expect(d.assumptions.join(' ')).toContain('binding order');
  });

  it('an allow in an earlier group vs a higher-priority deny in a later one is uncertain, not reachable', () => {
    // Binding order lets sg-a's allow decide; merged by priority, sg-b's priority-1 deny decides first.
    const { compiled } = ecsWith({
      'sg-a': [{ direction: 'ingress', protocol: 'tcp', remote: '172.16.0.0/16', priority: 50 }],
      'sg-b': [{ direction: 'ingress', protocol: 'tcp', remote: '172.16.0.0/16', action: 'deny', priority: 1 }],
    });
    const d = ask(compiled, { destination: 'ecs1', port: 80 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'destination-sg')).toBe('warn');
  });
});

describe('several source groups (§2.4)', () => {
  it('an allow in an earlier node group vs a higher-priority deny in a later one is uncertain at source-egress', () => {
    const input = seedSameVpc('overlay_l2');
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
      { id: 'sg-ecs', rules: [{ direction: 'ingress' }] },
      { id: 'sg-out-a', rules: [{ direction: 'egress', protocol: 'tcp', priority: 50 }] },
      { id: 'sg-out-b', rules: [{ direction: 'egress', protocol: 'tcp', action: 'deny', priority: 1 }] },
    ];
    input.clusters = [{ ...input.clusters![0]!, nodeSecurityGroups: ['sg-out-a', 'sg-out-b'] }];
    const d = ask(build(input).compiled, { destination: 'ecs1', port: 3306 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'source-egress')).toBe('warn');
  });
});

describe('IPv6', () => {
  it('an eni pod with an IPv6 container subnet needs an IPv6 rule; icmpv6 for ping', () => {
    const input = seedSameVpc('eni');
    const vpc = input.vpcs![0]!;
    input.vpcs = [
      {
        ...vpc,
        subnets: vpc.subnets!.map((s) =>
          s.id === 'subnet-pods'
            ? { ...s, ipv6Cidr: '2407:c080:1200:30::/64' }
            : s.id === 'subnet-nodes'
              ? { ...s, ipv6Cidr: '2407:c080:1200:10::/64' }
              : s,
        ),
      },
    ];
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs' && g.id !== 'sg-eni'),
      { id: 'sg-eni', rules: [{ direction: 'egress', ethertype: 'IPv6' }] },
      { id: 'sg-ecs', rules: [{ direction: 'ingress', ethertype: 'IPv4' }] },
    ];
    input.resources = [{ ...input.resources![0]!, addresses: ['192.168.10.52', '2407:c080:1200:10::52'] }];
    const { topology, compiled } = build(input);
    const d = ask(compiled, { destination: '2407:c080:1200:10::52', protocol: 'icmp' });
    expect(d.verdict).toBe('unreachable');
    expect(d.source.seenAs).toEqual(['2407:c080:1200:30::/64']);
    expect(d.fixes[0]).toMatchObject({
      ethertype: 'IPv6',
      protocol: 'icmpv6',
      ports: '128',
      remote: '2407:c080:1200:30::/64',
    });
    const fixed = compileTopology(
      applyFixes(
        topology,
        d.fixes.filter((f) => !f.alternative),
      ),
    );
    expect(ask(fixed, { destination: '2407:c080:1200:10::52', protocol: 'icmp' }).verdict).toBe('reachable');
  });
});

describe('a destination declared without security groups', () => {
  it('is not filtered by any, and the answer says that it assumed so', () => {
    const { compiled } = ecsWith({});
    const d = ask(compiled, { destination: 'ecs1', port: 3306 });
    expect(status(d, 'destination-sg')).toBe('skip');
    expect(d.assumptions).toContain('ecs1 declares no security groups; none are assumed to filter it');
  });
});
