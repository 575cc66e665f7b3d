// When the way needs new infrastructure (no NAT gateway for an internet path, no peering between two VPCs), the
// answer offers it as one concrete fix (NAT gateway + EIP + SNAT rules; peering + the routes on both sides) that,
// applied, makes the flow reachable, in every network model. A replan stays only where nothing can be done in place.
import { describe, expect, it } from 'vitest';
import type { Fix } from '../../src/engine/diagnosis.js';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { patchCompiled } from '../../src/engine/fixes/patch.js';
import { compileTopology } from '../../src/topology/compile.js';
import { ask, build, seedCrossVpc, seedSameVpc, status } from '../fixtures/engine/builder.js';

const MODELS = ['overlay_l2', 'vpc-router', 'eni'] as const;

function primary(fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => f.kind !== 'replan' && !f.alternative);
}

/** vpc-demo (the cluster) and vpc-demo2 (db2) with no peering and no routes; db2 admits anyone on 3306. */
function crossVpcNoPeering(model: (typeof MODELS)[number]) {
  const input = seedCrossVpc();
  const [demo, demo2] = input.vpcs!;
  input.vpcs = [
    {
      ...demo!,
      routeTables: undefined,
      subnets: [...demo!.subnets!, ...(model === 'eni' ? [{ id: 'subnet-pods', cidr: '192.168.30.0/24' }] : [])],
    },
    { ...demo2!, routeTables: undefined },
  ];
  input.peerings = [];
  input.securityGroups = [
    { id: 'sg-node', rules: [{ direction: 'egress' }] },
    { id: 'sg-eni', rules: [{ direction: 'egress' }] },
    { id: 'sg-data', rules: [{ direction: 'ingress', protocol: 'tcp', ports: '3306', remote: '0.0.0.0/0' }] },
  ];
  const cluster = input.clusters![0]!;
  input.clusters = [
    model === 'eni'
      ? {
          ...cluster,
          networkModel: 'eni',
          containerCidrs: undefined,
          containerSubnets: ['subnet-pods'],
          podSecurityGroups: ['sg-eni'],
        }
      : { ...cluster, networkModel: model },
  ];
  return input;
}

describe('no NAT gateway for an internet path: a NAT gateway, an EIP and SNAT rules', () => {
  it.each(MODELS)('%s: one nat-gateway fix for the subnet the traffic leaves from; applied, reachable', (model) => {
    const { topology, compiled } = build(seedSameVpc(model));
    const d = ask(compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'internet-egress')).toBe('fail');
    expect(d.fixes.map((f) => f.kind)).toEqual(['nat-gateway']);
    const fix = d.fixes[0]!;
    if (fix.kind !== 'nat-gateway') throw new Error('not a nat-gateway fix');
    // Node subnet for overlay_l2 and vpc-router, container subnet for eni (cce_10_0400).
    expect(fix.sources).toEqual([model === 'eni' ? 'subnet-pods' : 'subnet-nodes']);
    expect(fix).toMatchObject({ vpc: 'vpc-prod', natGateway: 'nat-vpc-prod', eip: 'eip-nat-vpc-prod' });
    expect(fix.existing).toBeUndefined();
    const after = ask(compileTopology(applyFixes(topology, primary(d.fixes))), { destination: '8.8.8.8', port: 443 });
    expect(after.verdict).toBe('reachable');
    expect(after.steps.find((s) => s.check === 'internet-egress')?.summary).toContain('nat-vpc-prod');
  });

  it('every form creates all three: gateway, EIP, SNAT rule', () => {
    const d = ask(build(seedSameVpc('vpc-router')).compiled, { destination: '8.8.8.8', port: 443 });
    const render = d.fixes[0]!.render;
    expect(render.text).toMatch(
      /Create a public NAT gateway nat-vpc-prod in subnet subnet-nodes of vpc-prod, with a new EIP/,
    );
    expect(render.text).not.toMatch(/replan|re-plan/i);
    for (const op of ['NAT CreateNatGateway', 'EIP CreatePublicip', 'NAT CreateNatGatewaySnatRule'])
      expect(render.hcloud).toContain(`hcloud ${op} `);
    expect(render.hcloud?.match(/not verified/g)).toHaveLength(1);
    for (const resource of ['huaweicloud_nat_gateway', 'huaweicloud_vpc_eip', 'huaweicloud_nat_snat_rule'])
      expect(render.terraform).toContain(`resource "${resource}"`);
    expect(render.terraform).toContain('nat_gateway_id = huaweicloud_nat_gateway.nat_vpc_prod.id');
    expect([render.api?.path, ...(render.api?.next ?? []).map((r) => r.path)]).toEqual([
      '/v2/{project_id}/nat_gateways',
      '/v1/{project_id}/publicips',
      '/v2/{project_id}/snat_rules',
    ]);
  });

  it('a NAT gateway without any SNAT rule is reused: only the EIP and the rule are created', () => {
    const input = seedSameVpc('vpc-router');
    input.vpcs = [{ ...input.vpcs![0]!, natGateways: [{ id: 'nat-old' }] }];
    const { topology, compiled } = build(input);
    const d = ask(compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.fixes[0]).toMatchObject({ kind: 'nat-gateway', natGateway: 'nat-old', existing: true });
    expect(d.fixes[0]!.render.hcloud).not.toContain('CreateNatGateway ');
    expect(d.fixes[0]!.render.terraform).not.toContain('resource "huaweicloud_nat_gateway"');
    const after = ask(compileTopology(applyFixes(topology, primary(d.fixes))), { destination: '8.8.8.8', port: 443 });
    expect(after.verdict).toBe('reachable');
  });

  it('a gateway with an EIP already gets only an SNAT rule (unchanged)', () => {
    const input = seedSameVpc('vpc-router');
    input.vpcs = [
      {
        ...input.vpcs![0]!,
        natGateways: [{ id: 'nat-1', snatRules: [{ source: 'subnet-data', eip: '203.0.113.7' }] }],
      },
    ];
    const d = ask(build(input).compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.fixes.map((f) => f.kind)).toEqual(['snat-rule']);
  });
});

describe('no peering between two VPCs: a peering and the routes on both sides', () => {
  it.each(MODELS)('%s: one peering fix with a route in each VPC; applied, reachable', (model) => {
    const { topology, compiled } = build(crossVpcNoPeering(model));
    const d = ask(compiled, { destination: 'db2' });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'peering')).toBe('fail');
    expect(d.fixes.map((f) => f.kind)).toEqual(['peering']);
    const fix = d.fixes[0]!;
    if (fix.kind !== 'peering') throw new Error('not a peering fix');
    // The narrowest blocks: the peer VPC block forward; back, what the destination sees as the source.
    const back = { overlay_l2: '192.168.10.0/24', 'vpc-router': '10.0.0.0/16', eni: '192.168.30.0/24' }[model];
    expect(fix).toMatchObject({
      requesterVpc: 'vpc-demo',
      accepterVpc: 'vpc-demo2',
      routes: [
        { vpc: 'vpc-demo', destination: '10.1.0.0/16', defaultTable: true },
        { vpc: 'vpc-demo2', destination: back, defaultTable: true },
      ],
    });
    const after = ask(compileTopology(applyFixes(topology, primary(d.fixes))), { destination: 'db2' });
    expect(after.verdict).toBe('reachable');
    // The incremental patch the engine verifies with agrees with a full recompile.
    const patched = ask(patchCompiled(compiled, primary(d.fixes)), { destination: 'db2' });
    expect(JSON.stringify(patched)).toBe(JSON.stringify(after));
  });

  it('every form creates the peering and both routes', () => {
    const d = ask(build(crossVpcNoPeering('vpc-router')).compiled, { destination: 'db2' });
    const render = d.fixes[0]!.render;
    expect(render.text).toContain('Create a VPC peering peering-vpc-demo-vpc-demo2 from vpc-demo to vpc-demo2');
    expect(render.hcloud).toContain('hcloud VPC CreateVpcPeering ');
    expect(render.hcloud?.match(/hcloud VPC CreateVpcRoute /g)).toHaveLength(2);
    expect(render.hcloud).toContain('<id of the new peering peering-vpc-demo-vpc-demo2>');
    expect(render.hcloud?.match(/not verified/g)).toHaveLength(1);
    expect(render.terraform).toContain('resource "huaweicloud_vpc_peering_connection" "peering_vpc_demo_vpc_demo2"');
    expect(render.terraform?.match(/resource "huaweicloud_vpc_route"/g)).toHaveLength(2);
    expect(render.terraform).toContain(
      'nexthop     = huaweicloud_vpc_peering_connection.peering_vpc_demo_vpc_demo2.id',
    );
    expect(render.api?.path).toBe('/v2.0/vpc/peerings');
    expect(render.api?.next?.map((r) => r.path)).toEqual(['/v2.0/vpc/routes', '/v2.0/vpc/routes']);
  });

  it('the new peering name does not reuse one in the topology', () => {
    const input = crossVpcNoPeering('vpc-router');
    input.vpcs = [...input.vpcs!, { id: 'vpc-x', cidr: '172.31.0.0/16' }];
    input.peerings = [{ id: 'peering-vpc-demo-vpc-demo2', requesterVpc: 'vpc-demo2', accepterVpc: 'vpc-x' }];
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(d.fixes[0]).toMatchObject({ kind: 'peering', peering: 'peering-vpc-demo-vpc-demo2-2' });
  });

  it('overlapping blocks cannot be routed over a new peering: that stays a replan', () => {
    const input = crossVpcNoPeering('overlay_l2');
    // The cluster VPC also holds 10.1.0.0/16: a peering route there would lose to the local route.
    input.vpcs = [{ ...input.vpcs![0]!, secondaryCidrs: ['10.1.0.0/16'] }, input.vpcs![1]!];
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(d.verdict).toBe('unreachable');
    expect(d.fixes.some((f) => f.kind === 'peering')).toBe(false);
    expect(d.fixes.some((f) => f.kind === 'replan')).toBe(true);
  });
});
