// Scenarios from an audit of the engine against the reference (cce-networking.md): the cloud-service system
// routes (§4.1, §1.5), Turbo SNATIPRanges (§1.2), routes to pods of a VPC-network cluster across a peering
// (§1.7, §4.3), ACL rules on the source port (§3), the secondary-CIDR SNAT ambiguity (§1.3, §1.4), and the
// semantics that were already right, pinned so they stay right.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { compileTopology } from '../../src/topology/compile.js';
import { ask, build, seedCrossVpc, seedSameVpc, status, viaMiddleVpc } from '../fixtures/engine/builder.js';

describe('cloud-service ranges (§1.5, §4.1)', () => {
  it('pods reach 100.125.0.0/16 (DNS) by the system route 100.64.0.0/10: not "unreachable, connect it"', () => {
    const d = ask(build(seedSameVpc('vpc-router')).compiled, {
      destination: '100.125.1.250',
      protocol: 'udp',
      port: 53,
    });
    expect(status(d, 'route-forward')).toBe('pass');
    expect(d.steps.find((s) => s.check === 'route-forward')?.summary).toContain('100.64.0.0/10');
    // The service's own filters are unknown, so the honest answer is uncertain, never a replan.
    expect(d.verdict).toBe('uncertain');
    expect(d.fixes.filter((f) => f.kind === 'replan')).toHaveLength(0);
    expect(d.steps.find((s) => s.check === 'destination')?.summary).toContain('cloud-service');
  });

  it('VPC endpoints (198.19.128.0/20) are reached by their system route too', () => {
    const d = ask(build(seedSameVpc('overlay_l2')).compiled, {
      destination: '198.19.128.10',
      protocol: 'tcp',
      port: 443,
    });
    expect(status(d, 'route-forward')).toBe('pass');
    expect(d.verdict).toBe('uncertain');
  });

  it('Turbo pods to 100.125.0.0/16 name the SNATIPRanges assumption (§1.2)', () => {
    const d = ask(build(seedSameVpc('eni')).compiled, { destination: '100.125.1.250', protocol: 'udp', port: 53 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'source-address')).toBe('warn');
    expect(d.assumptions.join(' ')).toContain('SNATIPRanges');
  });

  it('Turbo pods to an ECS in the VPC carry no SNATIPRanges note', () => {
    const d = ask(build(seedSameVpc('eni')).compiled, { destination: 'ecs1', protocol: 'tcp', port: 80 });
    expect(d.assumptions.join(' ')).not.toContain('SNATIPRanges');
    expect(status(d, 'source-address')).toBe('pass');
  });
});

describe('a pod of a VPC-network cluster in the peered VPC (§1.7, §4.3)', () => {
  function withOtherCluster() {
    const input = seedCrossVpc();
    // The cluster VPC routes only the peer's VPC CIDR, not the other cluster's container CIDR.
    input.clusters = [
      ...input.clusters!,
      {
        name: 'other',
        vpc: 'vpc-demo2',
        networkModel: 'vpc-router',
        nodeSubnets: ['subnet-data'],
        nodeSecurityGroups: ['sg-data'],
        containerCidrs: ['172.20.0.0/16'],
      },
    ];
    return build(input);
  }

  it('the forward route fix is the container CIDR, not the node subnet, and is verified', () => {
    const { topology, compiled } = withOtherCluster();
    const d = ask(compiled, { destination: '172.20.0.5', protocol: 'tcp', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    const forward = d.fixes.find((f) => f.kind === 'route' && f.vpc === 'vpc-demo');
    expect(forward).toMatchObject({ destination: '172.20.0.0/16', type: 'peering', nextHop: 'pcx-demo' });
    expect(d.assumptions.join(' ')).not.toContain('still fails');
    const fixed = compileTopology(
      applyFixes(
        topology,
        d.fixes.filter((f) => !f.alternative),
      ),
    );
    expect(ask(fixed, { destination: '172.20.0.5', protocol: 'tcp', port: 3306 }).verdict).toBe('reachable');
  });
});

describe('ACL rules on the source port (§3)', () => {
  function withEgress(sourcePorts: string, action: 'allow' | 'deny' = 'allow') {
    const input = seedSameVpc('vpc-router');
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
      { id: 'sg-ecs', rules: [{ direction: 'ingress', remote: '172.16.0.0/16' }] },
    ];
    input.vpcs = [
      {
        ...input.vpcs![0]!,
        subnets: input.vpcs![0]!.subnets!.map((s) => (s.id === 'subnet-nodes' ? { ...s, networkAcl: 'acl-n' } : s)),
      },
    ];
    const rules =
      action === 'allow'
        ? [{ action, protocol: 'tcp' as const, sourcePorts, destinationPorts: '80' }]
        : [
            { action, protocol: 'tcp' as const, sourcePorts, destinationPorts: '80' },
            { action: 'allow' as const, protocol: 'tcp' as const, destinationPorts: '80' },
          ];
    input.networkAcls = [{ id: 'acl-n', ingress: [{ action: 'allow' }], egress: rules }];
    return build(input).compiled;
  }

  it('an allow limited to the Linux ephemeral range 32768-60999 is not a confident "unreachable"', () => {
    const d = ask(withEgress('32768-60999'), { destination: 'ecs1', protocol: 'tcp', port: 80 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'source-acl')).toBe('warn');
    expect(d.assumptions.join(' ')).toContain('source port');
  });

  it('a deny limited to some source ports is not a confident "reachable"', () => {
    const d = ask(withEgress('40000-50000', 'deny'), { destination: 'ecs1', protocol: 'tcp', port: 80 });
    expect(d.verdict).toBe('uncertain');
  });

  it('a source-port rule covering every client port counts as matching', () => {
    const d = ask(withEgress('1024-65535'), { destination: 'ecs1', protocol: 'tcp', port: 80 });
    expect(d.verdict).toBe('reachable');
  });
});

describe('nonMasqueradeCidrs and secondary VPC CIDRs (§1.3, §1.4)', () => {
  function withSecondary(nodesInSecondary: boolean, nonMasqueradeCidrs?: string[]) {
    const input = seedSameVpc('vpc-router');
    const vpc = input.vpcs![0]!;
    input.vpcs = [
      {
        ...vpc,
        secondaryCidrs: ['21.8.0.0/16'],
        subnets: [
          ...vpc.subnets!,
          { id: 'subnet-sec', cidr: '21.8.1.0/24' },
          { id: 'subnet-sec2', cidr: '21.8.2.0/24' },
        ],
      },
    ];
    input.securityGroups = [
      ...input.securityGroups!,
      {
        id: 'sg-sec',
        rules: ['192.168.10.0/24', '21.8.2.0/24'].map((remote) => ({
          direction: 'ingress' as const,
          protocol: 'tcp' as const,
          ports: '80',
          remote,
        })),
      },
    ];
    const cluster = input.clusters![0]!;
    input.clusters = [
      {
        ...cluster,
        nodeSubnets: nodesInSecondary ? ['subnet-nodes', 'subnet-sec2'] : ['subnet-nodes'],
        nodes: undefined,
        ...(nonMasqueradeCidrs ? { nonMasqueradeCidrs } : {}),
      },
    ];
    input.resources = [
      { name: 'sec', vpc: 'vpc-prod', subnet: 'subnet-sec', addresses: ['21.8.1.5'], securityGroups: ['sg-sec'] },
    ];
    return build(input).compiled;
  }

  it('a non-RFC1918 secondary CIDR is outside the default list: the node IPs are seen', () => {
    const d = ask(withSecondary(false), { destination: 'sec', protocol: 'tcp', port: 80 });
    expect(d.source.seenAs).toEqual(['192.168.10.0/24']);
    expect(d.verdict).toBe('reachable');
  });

  it('with nodes in the secondary CIDR and no declared list, which IP is seen is uncertain', () => {
    const d = ask(withSecondary(true), { destination: 'sec', protocol: 'tcp', port: 80 });
    expect(d.verdict).toBe('uncertain');
    expect(d.assumptions.join(' ')).toContain('cce_10_0387');
  });

  it('a declared list decides: the secondary CIDR in it keeps the pod IP', () => {
    const d = ask(withSecondary(true, ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '21.8.0.0/16']), {
      destination: 'sec',
      protocol: 'tcp',
      port: 80,
    });
    expect(d.source.seenAs).toEqual(['172.16.0.0/16']);
    expect(d.verdict).toBe('unreachable');
    expect(d.fixes[0]).toMatchObject({ securityGroup: 'sg-sec', remote: '172.16.0.0/16', ports: '80' });
  });

  it('a custom list without the node subnet SNATs to the node IP', () => {
    const input = seedSameVpc('vpc-router');
    input.clusters = [{ ...input.clusters![0]!, nonMasqueradeCidrs: ['172.16.0.0/12'] }];
    const d = ask(build(input).compiled, { destination: 'ecs1', protocol: 'tcp', port: 80 });
    expect(d.source.seenAs).toEqual(['192.168.10.11-192.168.10.12']);
    expect(d.verdict).toBe('reachable');
  });
});

describe('transitive peering without a direct peering (§4.2)', () => {
  it('routes in every hop: uncertain (assumed not reachable), not a confident "no peering"', () => {
    const input = viaMiddleVpc(seedCrossVpc());
    input.vpcs = input.vpcs!.map((v) =>
      v.id === 'vpc-demo2'
        ? {
            ...v,
            routeTables: [
              {
                id: 'rtb-demo2',
                default: true,
                routes: [{ destination: '10.0.0.0/16', type: 'peering', nextHop: 'pcx-bc' }],
              },
            ],
          }
        : v,
    );
    input.peerings = input.peerings!.filter((p) => p.id !== 'pcx-demo');
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'peering')).toBe('warn');
    expect(status(d, 'route-return')).toBe('warn');
    expect(d.assumptions.join(' ')).toContain('vpc_peering_0009');
    // The way out of the ambiguity is offered, as an alternative (no change is required by the docs).
    expect(d.fixes.map((f) => [f.kind, f.alternative])).toEqual([['peering', true]]);
  });
});

describe('IPv6 from a VPC-network cluster (§1.2)', () => {
  it('vpc-router pods have no IPv6 address: no source, replan', () => {
    const input = seedSameVpc('vpc-router');
    input.vpcs = [
      {
        ...input.vpcs![0]!,
        subnets: input.vpcs![0]!.subnets!.map((s) => ({
          ...s,
          ipv6Cidr: `2407:c080:1200:${s.id === 'subnet-nodes' ? 10 : 20}::/64`,
        })),
      },
    ];
    input.securityGroups = [
      ...input.securityGroups!,
      { id: 'sg-v6', rules: [{ direction: 'ingress', ethertype: 'IPv6' }] },
    ];
    input.resources = [
      {
        name: 'v6',
        vpc: 'vpc-prod',
        subnet: 'subnet-data',
        addresses: ['2407:c080:1200:20::5'],
        securityGroups: ['sg-v6'],
      },
    ];
    const d = ask(build(input).compiled, { destination: 'v6', protocol: 'tcp', port: 80 });
    expect(status(d, 'source-address')).toBe('fail');
    expect(d.source.why).toContain('IPv6');
    expect(d.fixes.map((f) => f.kind)).toEqual(['replan']);
  });
});

describe('semantics that were already right', () => {
  it('an ICMP rule for type 0 (echo reply) does not allow ping; the fix is type 8 only', () => {
    const input = seedSameVpc('vpc-router');
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
      { id: 'sg-ecs', rules: [{ direction: 'ingress', protocol: 'icmp', ports: '0', remote: '172.16.0.0/16' }] },
    ];
    const d = ask(build(input).compiled, { destination: 'ecs1', protocol: 'icmp' });
    expect(d.verdict).toBe('unreachable');
    expect(d.fixes[0]).toMatchObject({ protocol: 'icmp', ports: '8', remote: '172.16.0.0/16' });
  });

  it('protocol number 6 is tcp', () => {
    const input = seedSameVpc('vpc-router');
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
      { id: 'sg-ecs', rules: [{ direction: 'ingress', protocol: 6, ports: '80', remote: '172.16.0.0/16' }] },
    ];
    expect(ask(build(input).compiled, { destination: 'ecs1', protocol: 'tcp', port: 80 }).verdict).toBe('reachable');
  });

  it('a whitelist entry covering only half of the container CIDR fails for the rest', () => {
    const input = seedSameVpc('vpc-router');
    input.resources = [
      {
        ...input.resources![0]!,
        securityGroups: [],
        whitelist: { groups: [{ name: 'g1', addresses: ['172.16.0.0/17'] }] },
      },
    ];
    const d = ask(build(input).compiled, { destination: 'ecs1', protocol: 'tcp', port: 6379 });
    expect(status(d, 'whitelist')).toBe('fail');
    expect(d.steps.find((s) => s.check === 'whitelist')?.summary).toContain('172.16.128.0/17');
  });

  it('an enabled whitelist with no groups lets everything through (DCS doc, §5)', () => {
    const input = seedSameVpc('vpc-router');
    input.resources = [{ ...input.resources![0]!, securityGroups: [], whitelist: { enabled: true } }];
    const d = ask(build(input).compiled, { destination: 'ecs1', protocol: 'tcp', port: 6379 });
    expect(status(d, 'whitelist')).toBe('pass');
  });

  it('eni: container subnet == node subnet gets the same-subnet ACL preset', () => {
    const input = seedSameVpc('eni');
    input.clusters = [{ ...input.clusters![0]!, containerSubnets: ['subnet-nodes'] }];
    input.vpcs = [
      {
        ...input.vpcs![0]!,
        subnets: input.vpcs![0]!.subnets!.map((s) => (s.id === 'subnet-nodes' ? { ...s, networkAcl: 'acl-n' } : s)),
      },
    ];
    input.networkAcls = [{ id: 'acl-n', ingress: [], egress: [] }];
    const d = ask(build(input).compiled, { destination: 'ecs1', protocol: 'tcp', port: 80 });
    expect(status(d, 'source-acl')).toBe('pass');
    expect(status(d, 'destination-acl')).toBe('pass');
    expect(d.verdict).toBe('reachable');
  });

  it('eni: a remote-group rule on the ENI group matches pods that keep it as an additional group', () => {
    const input = seedSameVpc('eni');
    input.securityGroups = [
      ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
      { id: 'sg-custom', rules: [{ direction: 'egress', protocol: 'tcp', ports: '443' }] },
      { id: 'sg-ecs', rules: [{ direction: 'ingress', remote: { securityGroup: 'sg-eni' } }] },
    ];
    input.clusters = [
      {
        ...input.clusters![0]!,
        workloads: [
          { name: 'pay/api', securityGroups: ['sg-custom'], additionalSecurityGroups: ['sg-eni'] },
          { name: 'pay/only', securityGroups: ['sg-custom'] },
        ],
      },
    ];
    const { compiled } = build(input);
    expect(ask(compiled, { destination: 'ecs1', workload: 'pay/api', protocol: 'tcp', port: 80 }).verdict).toBe(
      'reachable',
    );
    // Replaced groups: the pod is no member of sg-eni, and sg-custom allows only 443 out.
    const only = ask(compiled, { destination: 'ecs1', workload: 'pay/only', protocol: 'tcp', port: 80 });
    expect(only.verdict).toBe('unreachable');
    expect(status(only, 'source-egress')).toBe('fail');
    expect(status(only, 'destination-sg')).toBe('fail');
  });

  it('overlay_l2: a bridge overlapping only the container CIDR does not matter (the node IP is seen)', () => {
    const input = seedSameVpc('overlay_l2');
    input.clusters = [{ ...input.clusters![0]!, containerCidrs: ['172.17.0.0/16'] }];
    input.resources = [{ ...input.resources![0]!, hostBridges: ['172.17.0.0/16'] }];
    const d = ask(build(input).compiled, { destination: 'ecs1', protocol: 'tcp', port: 80 });
    expect(status(d, 'host-bridge')).toBe('pass');
  });
});
