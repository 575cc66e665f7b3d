// Routes and peering (reference §4): custom tables govern outbound, local routes, peering status and
// overlap, the return route for the container CIDR, custom tables vs CCE routes, transitive peering.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { compileTopology } from '../../src/topology/compile.js';
import {
  ask,
  build,
  onCustomTable,
  seedCrossVpc,
  seedSameVpc,
  status,
  viaMiddleVpc,
} from '../fixtures/engine/builder.js';

/** The cross-VPC seed with the return route already in place. */
function crossVpcRouted() {
  const input = seedCrossVpc();
  const demo2 = input.vpcs![1]!;
  input.vpcs = [
    input.vpcs![0]!,
    {
      ...demo2,
      routeTables: [
        {
          id: 'rtb-demo2',
          default: true,
          routes: [
            { destination: '192.168.0.0/16', type: 'peering', nextHop: 'pcx-demo' },
            { destination: '10.0.0.0/16', type: 'peering', nextHop: 'pcx-demo' },
          ],
        },
      ],
    },
  ];
  return input;
}

describe('cross-VPC', () => {
  it('reachable with routes on both sides and an ACTIVE peering', () => {
    expect(ask(build(crossVpcRouted()).compiled, { destination: 'db2' }).verdict).toBe('reachable');
  });

  it('overlay_l2 needs only the node network routed back', () => {
    const input = seedCrossVpc();
    input.clusters = [{ ...input.clusters![0]!, networkModel: 'overlay_l2' }];
    input.securityGroups = [
      input.securityGroups![0]!,
      { id: 'sg-data', rules: [{ direction: 'ingress', protocol: 'tcp', ports: '3306', remote: '192.168.10.0/24' }] },
    ];
    expect(ask(build(input).compiled, { destination: 'db2' }).verdict).toBe('reachable');
  });

  it('PENDING_ACCEPTANCE fails with a peering-accept fix', () => {
    const input = crossVpcRouted();
    input.peerings = [{ ...input.peerings![0]!, status: 'PENDING_ACCEPTANCE' }];
    const { topology, compiled } = build(input);
    const d = ask(compiled, { destination: 'db2' });
    expect(status(d, 'peering')).toBe('fail');
    expect(d.fixes).toEqual([expect.objectContaining({ kind: 'peering-accept', peering: 'pcx-demo' })]);
    expect(ask(compileTopology(applyFixes(topology, d.fixes)), { destination: 'db2' }).verdict).toBe('reachable');
  });

  it('REJECTED fails with a replan', () => {
    const input = crossVpcRouted();
    input.peerings = [{ ...input.peerings![0]!, status: 'REJECTED' }];
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(d.verdict).toBe('unreachable');
    expect(d.fixes.map((f) => f.kind)).toEqual(['replan']);
  });

  it('a missing forward route is added to the source subnet table via the peering', () => {
    const input = crossVpcRouted();
    input.vpcs = [{ ...input.vpcs![0]!, routeTables: [{ id: 'rtb-demo', default: true }] }, input.vpcs![1]!];
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(status(d, 'route-forward')).toBe('fail');
    expect(d.fixes[0]).toMatchObject({
      kind: 'route',
      vpc: 'vpc-demo',
      routeTable: 'rtb-demo',
      destination: '10.1.0.0/16',
      nextHop: 'pcx-demo',
    });
  });

  it('a custom table on the source subnet governs outbound traffic', () => {
    const input = crossVpcRouted();
    const demo = input.vpcs![0]!;
    input.vpcs = [
      {
        ...demo,
        subnets: [{ id: 'subnet-nodes', cidr: '192.168.10.0/24', routeTable: 'rtb-custom' }],
        routeTables: [...demo.routeTables!, { id: 'rtb-custom' }],
      },
      input.vpcs![1]!,
    ];
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(status(d, 'route-forward')).toBe('fail');
    expect(d.fixes[0]).toMatchObject({ routeTable: 'rtb-custom' });
  });

  it('overlapping subnets across the peering is a replan', () => {
    const input = crossVpcRouted();
    input.vpcs = [
      {
        ...input.vpcs![0]!,
        secondaryCidrs: ['10.1.0.0/16'],
        subnets: [...input.vpcs![0]!.subnets!, { id: 'subnet-x', cidr: '10.1.1.0/24' }],
      },
      input.vpcs![1]!,
    ];
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(status(d, 'planning')).toBe('fail');
    expect(d.fixes.some((f) => f.kind === 'replan' && f.reason.includes('does not take effect'))).toBe(true);
  });

  it('a vpc-router container CIDR overlapping the peer VPC fails at planning: replies cannot be routed back', () => {
    const input = crossVpcRouted();
    input.vpcs = [input.vpcs![0]!, { ...input.vpcs![1]!, secondaryCidrs: ['10.0.128.0/17'] }];
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(status(d, 'planning')).toBe('fail');
    expect(d.fixes.some((f) => f.kind === 'replan' && f.reason.includes('10.0.0.0/16'))).toBe(true);
  });

  it('no peering at all: a new peering with the routes on both sides, no replan', () => {
    const input = crossVpcRouted();
    input.peerings = [];
    input.vpcs = input.vpcs!.map((v) => ({ ...v, routeTables: undefined }));
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(status(d, 'peering')).toBe('fail');
    expect(d.fixes.map((f) => f.kind)).toEqual(['peering']);
    expect(d.fixes[0]).toMatchObject({ requesterVpc: 'vpc-demo', accepterVpc: 'vpc-demo2' });
  });

  it('transitive peering through a middle VPC is uncertain', () => {
    // The direct peering pcx-demo stays (vpc-demo2 replies over it), but vpc-demo sends over the middle VPC.
    const input = viaMiddleVpc(crossVpcRouted());
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(d.verdict).toBe('uncertain');
    expect(d.assumptions.join(' ')).toContain('vpc_peering_0009');
  });
});

describe('same VPC, vpc-router', () => {
  it('a destination subnet on a custom table without the container CIDR is uncertain (§4.3)', () => {
    const input = onCustomTable(seedSameVpc('vpc-router'), 'subnet-data', 'rtb-data');
    input.securityGroups = [...input.securityGroups!, { id: 'sg-open', rules: [{ direction: 'ingress' }] }];
    input.resources = [
      ...input.resources!,
      { name: 'db', vpc: 'vpc-prod', subnet: 'subnet-data', addresses: ['192.168.20.5'], securityGroups: ['sg-open'] },
    ];
    const d = ask(build(input).compiled, { destination: 'db', port: 3306 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'route-return')).toBe('warn');
    expect(d.assumptions.join(' ')).toContain('cce_10_0283');
  });

  it('a route in the destination table sending the container CIDR elsewhere breaks the replies', () => {
    const input = seedSameVpc('vpc-router');
    const vpc = input.vpcs![0]!;
    input.vpcs = [
      {
        ...vpc,
        subnets: vpc.subnets!.map((s) => (s.id === 'subnet-data' ? { ...s, routeTable: 'rtb-data' } : s)),
        routeTables: [
          { id: 'rtb-main', default: true },
          { id: 'rtb-data', routes: [{ destination: '172.16.0.0/16', type: 'vip', nextHop: '192.168.20.9' }] },
        ],
      },
    ];
    input.securityGroups = [...input.securityGroups!, { id: 'sg-open', rules: [{ direction: 'ingress' }] }];
    input.resources = [
      ...input.resources!,
      { name: 'db', vpc: 'vpc-prod', subnet: 'subnet-data', addresses: ['192.168.20.5'], securityGroups: ['sg-open'] },
    ];
    const d = ask(build(input).compiled, { destination: 'db', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'route-return')).toBe('fail');
  });

  it('the default table carries the CCE routes back to the pods', () => {
    const input = seedSameVpc('vpc-router');
    input.securityGroups = [...input.securityGroups!, { id: 'sg-open', rules: [{ direction: 'ingress' }] }];
    input.resources = [
      { name: 'db', vpc: 'vpc-prod', subnet: 'subnet-data', addresses: ['192.168.20.5'], securityGroups: ['sg-open'] },
    ];
    const d = ask(build(input).compiled, { destination: 'db', port: 3306 });
    expect(d.verdict).toBe('reachable');
    expect(status(d, 'route-return')).toBe('pass');
  });
});

describe('the forward route beyond the VPC, to the internet and to other pods', () => {
  it('an address beyond a declared route (a VPN) is uncertain, not unreachable', () => {
    const input = seedSameVpc('overlay_l2');
    input.vpcs = [
      {
        ...input.vpcs![0]!,
        routeTables: [
          { id: 'rtb-main', default: true, routes: [{ destination: '10.50.0.0/16', type: 'vpn', nextHop: 'vpn-1' }] },
        ],
      },
    ];
    const d = ask(build(input).compiled, { destination: '10.50.1.1', port: 443 });
    expect(status(d, 'route-forward')).toBe('warn');
    expect(d.verdict).toBe('uncertain');
  });

  it('nodes with an EIP reach the internet without a route to a NAT gateway', () => {
    const input = seedSameVpc('overlay_l2');
    const prod = input.clusters![0]!;
    input.clusters = [
      {
        ...prod,
        nodes: [
          { name: 'n1', ip: '192.168.10.11', eip: '203.0.113.11' },
          { name: 'n2', ip: '192.168.10.12', eip: '203.0.113.12' },
        ],
      },
    ];
    const d = ask(build(input).compiled, { destination: '8.8.8.8', port: 443 });
    expect(status(d, 'route-forward')).toBe('pass');
    expect(status(d, 'internet-egress')).toBe('pass');
  });

  it("pods of another cluster in the VPC, from a subnet on a custom table: uncertain (CCE's routes may be missing)", () => {
    const input = onCustomTable(seedSameVpc('vpc-router'), 'subnet-nodes', 'rtb-nodes');
    const prod = input.clusters![0]!;
    input.clusters = [
      prod,
      { ...prod, name: 'other', nodeSubnets: ['subnet-data'], nodes: [], containerCidrs: ['172.20.0.0/16'] },
    ];
    const d = ask(build(input).compiled, { destination: '172.20.0.5', port: 80 });
    expect(status(d, 'route-forward')).toBe('warn');
  });
});
