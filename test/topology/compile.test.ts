// The compiled indexes: lookups by name and address, prefix containment, route tables with implied
// routes, and pre-sorted security-group rules.
import { describe, expect, it } from 'vitest';
import { mustCidr, parseIp } from '../../src/net/address.js';
import { compileTopology, PrefixIndex } from '../../src/topology/compile.js';
import { build, seedCrossVpc, seedSameVpc } from '../fixtures/engine/builder.js';

describe('PrefixIndex', () => {
  const index = new PrefixIndex<string>();
  for (const c of ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '192.168.0.0/16', '2407:c080::/32'])
    index.add(mustCidr(c), c);

  it('finds every containing prefix, most specific first', () => {
    expect(index.containing(parseIp('10.1.2.3')!).map((e) => e.value)).toEqual([
      '10.1.2.0/24',
      '10.1.0.0/16',
      '10.0.0.0/8',
    ]);
    expect(index.containing(mustCidr('10.1.0.0/20')).map((e) => e.value)).toEqual(['10.1.0.0/16', '10.0.0.0/8']);
    expect(index.containing(parseIp('2407:c080::1')!).map((e) => e.value)).toEqual(['2407:c080::/32']);
    expect(index.containing(parseIp('172.16.0.1')!)).toEqual([]);
  });

  it('finds prefixes within a range', () => {
    expect(
      index
        .within(mustCidr('10.1.0.0/16'))
        .map((e) => e.value)
        .sort(),
    ).toEqual(['10.1.0.0/16', '10.1.2.0/24']);
  });
});

describe('compileTopology', () => {
  it('indexes clusters and resources case-insensitively, resources by address', () => {
    const { compiled, topology } = build(seedSameVpc());
    expect(compiled.topology).toBe(topology);
    expect(compiled.clusters.get('prod')?.model).toBe('vpc-router');
    expect(compiled.resources.get('ecs1')?.name).toBe('ecs1');
    expect(compiled.resourcesByAddress.get('192.168.10.52')?.map((r) => r.name)).toEqual(['ecs1']);
    expect(compiled.nodesByAddress.get('192.168.10.12')?.node.node.name).toBe('n2');
  });

  it('finds the subnet containing an address and maps ipv4SubnetId too', () => {
    const input = seedSameVpc();
    input.vpcs = [
      { ...input.vpcs![0]!, subnets: [{ id: 'subnet-nodes', cidr: '192.168.10.0/24', ipv4SubnetId: 'v4-abc' }] },
    ];
    input.resources = [];
    const { compiled } = build(input);
    expect(compiled.subnetIndex.containing(parseIp('192.168.10.9')!)[0]?.value.subnet.id).toBe('subnet-nodes');
    expect(compiled.subnets.get('v4-abc')?.subnet.id).toBe('subnet-nodes');
  });

  it('implies a default table with local routes, and CCE routes for vpc-router container CIDRs', () => {
    const { compiled } = build(seedSameVpc());
    const vpc = compiled.vpcs.get('vpc-prod')!;
    const table = vpc.tables.get(vpc.defaultTableId)!;
    expect(table.implied).toBe(true);
    expect(table.routes.containing(parseIp('192.168.20.1')!)[0]?.value.origin).toBe('local');
    expect(table.routes.containing(parseIp('100.64.1.1')!)[0]?.value.origin).toBe('local');
    expect(table.routes.containing(parseIp('172.16.3.4')!)[0]?.value.type).toBe('cce');
    expect(compiled.subnets.get('subnet-nodes')?.routeTableId).toBe(vpc.defaultTableId);
  });

  it('declared tables keep their routes; subnets without a table use the default', () => {
    const { compiled } = build(seedCrossVpc());
    const vpc = compiled.vpcs.get('vpc-demo2')!;
    expect(vpc.defaultTableId).toBe('rtb-demo2');
    expect(vpc.tables.get('rtb-demo2')!.routes.containing(parseIp('192.168.1.1')!)[0]?.value.nextHop).toBe('pcx-demo');
    expect(compiled.peeringsByPair.get(['vpc-demo', 'vpc-demo2'].join('\u0000'))?.[0]?.id).toBe('pcx-demo');
  });

  it('sorts rules by priority, deny before allow at equal priority, stable otherwise', () => {
    const input = seedSameVpc();
    input.securityGroups = [
      ...input.securityGroups!,
      {
        id: 'sg-sorted',
        rules: [
          { direction: 'ingress', priority: 50, description: 'a' },
          { direction: 'ingress', priority: 5, description: 'b' },
          { direction: 'ingress', priority: 5, action: 'deny', description: 'c' },
          { direction: 'egress', description: 'd' },
          { direction: 'ingress', priority: 5, description: 'e' },
        ],
      },
    ];
    const group = build(input).compiled.securityGroups.get('sg-sorted')!;
    expect(group.ingress.map((r) => r.rule.description)).toEqual(['c', 'b', 'e', 'a']);
    expect(group.egress.map((r) => r.rule.description)).toEqual(['d']);
  });

  it('compiles an empty topology', () => {
    const compiled = compileTopology({ version: 1 });
    expect(compiled.clusterNames).toEqual([]);
    expect(compiled.resourceNames()).toEqual([]);
  });
});
