// Which source the destination sees, per network model (reference §0, §1.2-1.3, §1.6).
import { describe, expect, it } from 'vitest';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';

const allowAll = { id: 'sg-ecs', rules: [{ direction: 'ingress' as const }] };

describe('source seen per model', () => {
  it('overlay_l2: the node IPs, and the fix allows the node subnet with the node group as alternative', () => {
    const input = seedSameVpc('overlay_l2');
    const { compiled } = build(input);
    const d = ask(compiled, { destination: '192.168.20.9', port: 80 });
    expect(d.source.seenAs).toEqual(['192.168.10.11-192.168.10.12']);
    expect(d.source.why).toContain('overlay_l2');
    const e = ask(
      build({
        ...input,
        resources: [{ ...input.resources![0]!, securityGroups: ['sg-x'] }],
        securityGroups: [...input.securityGroups!, { id: 'sg-x', rules: [] }],
      }).compiled,
      { destination: 'ecs1', port: 22 },
    );
    expect(e.verdict).toBe('unreachable');
    expect(e.fixes[0]).toMatchObject({
      kind: 'security-group-rule',
      remote: '192.168.10.0/24',
      ports: '22',
      protocol: 'tcp',
    });
    expect(e.fixes[1]).toMatchObject({
      kind: 'security-group-rule',
      remote: { securityGroup: 'sg-node' },
      alternative: true,
    });
  });

  it('overlay_l2 without listed nodes: the node subnets', () => {
    const input = seedSameVpc('overlay_l2');
    input.clusters = [{ ...input.clusters![0]!, nodes: undefined }];
    const d = ask(build(input).compiled, { destination: 'ecs1' });
    expect(d.source.seenAs).toEqual(['192.168.10.0/24']);
    expect(d.verdict).toBe('reachable');
    expect(d.assumptions.join(' ')).toContain('lists no nodes');
  });

  it('vpc-router: the container CIDR inside nonMasqueradeCidrs, node IPs outside', () => {
    const input = seedSameVpc('vpc-router');
    input.clusters = [{ ...input.clusters![0]!, nonMasqueradeCidrs: ['10.0.0.0/8', '172.16.0.0/12'] }];
    const { compiled } = build(input);
    const d = ask(compiled, { destination: 'ecs1' });
    expect(d.source.seenAs).toEqual(['192.168.10.11-192.168.10.12']);
    expect(d.source.why).toContain('outside nonMasqueradeCidrs');
    expect(d.verdict).toBe('reachable');
  });

  it('vpc-router with the default nonMasqueradeCidrs keeps the pod IP toward RFC1918', () => {
    const d = ask(build(seedSameVpc('vpc-router')).compiled, { destination: '192.168.20.5', port: 80 });
    expect(d.source.seenAs).toEqual(['172.16.0.0/16']);
  });

  it('eni: the container subnets, and pod groups (not node groups) for egress', () => {
    const input = seedSameVpc('eni');
    input.securityGroups = [
      { id: 'sg-node', rules: [] },
      { id: 'sg-eni', rules: [{ direction: 'egress', protocol: 'tcp', ports: '443' }] },
      allowAll,
    ];
    const { compiled } = build(input);
    const d = ask(compiled, { destination: 'ecs1', port: 443 });
    expect(d.source.seenAs).toEqual(['192.168.30.0/24']);
    expect(d.verdict).toBe('reachable');
    const blocked = ask(compiled, { destination: 'ecs1', port: 80 });
    expect(status(blocked, 'source-egress')).toBe('fail');
    expect(blocked.fixes[0]).toMatchObject({
      securityGroup: 'sg-eni',
      direction: 'egress',
      remote: '192.168.10.52/32',
    });
  });

  it('assumes node addresses only where pods leave as their node: never for eni pods', () => {
    for (const model of ['overlay_l2', 'eni'] as const) {
      const input = seedSameVpc(model);
      input.clusters = input.clusters!.map((c) => ({ ...c, nodes: [] }));
      const d = ask(build(input).compiled, { destination: 'ecs1', port: 443 });
      const assumed = d.assumptions.some((a) => a.includes('lists no nodes'));
      expect(assumed, model).toBe(model === 'overlay_l2');
    }
  });

  it('eni workloads: securityGroups replaces the pod group, additionalSecurityGroups adds', () => {
    const input = seedSameVpc('eni');
    input.securityGroups = [
      { id: 'sg-node', rules: [] },
      { id: 'sg-eni', rules: [{ direction: 'egress' }] },
      { id: 'sg-closed', rules: [] },
      allowAll,
    ];
    input.clusters = [
      {
        ...input.clusters![0]!,
        workloads: [
          { name: 'pay/api', securityGroups: ['sg-closed'] },
          { name: 'pay/extra', additionalSecurityGroups: ['sg-closed'] },
        ],
      },
    ];
    const { compiled } = build(input);
    expect(status(ask(compiled, { destination: 'ecs1', workload: 'pay/api', port: 80 }), 'source-egress')).toBe('fail');
    expect(status(ask(compiled, { destination: 'ecs1', workload: 'PAY/EXTRA', port: 80 }), 'source-egress')).toBe(
      'pass',
    );
  });

  it('hostNetwork pods use the node IP in every model', () => {
    for (const model of ['vpc-router', 'eni', 'overlay_l2'] as const) {
      const input = seedSameVpc(model);
      input.securityGroups = [...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'), allowAll];
      input.clusters = [{ ...input.clusters![0]!, workloads: [{ name: 'kube-system/agent', hostNetwork: true }] }];
      const d = ask(build(input).compiled, { destination: 'ecs1', workload: 'kube-system/agent' });
      expect(d.source.seenAs).toEqual(['192.168.10.11-192.168.10.12']);
      expect(d.source.why).toContain('hostNetwork');
    }
  });
});

describe('internet egress', () => {
  const withNat = (model: 'vpc-router' | 'eni', source: string) => {
    const input = seedSameVpc(model);
    input.vpcs = [{ ...input.vpcs![0]!, natGateways: [{ id: 'nat-1', snatRules: [{ source, eip: '203.0.113.7' }] }] }];
    return build(input).compiled;
  };

  it('an SNAT rule covers what its source names: a subnet by id, or the addresses in a CIDR', () => {
    const internet = (source: string) => {
      const input = seedSameVpc('vpc-router');
      input.vpcs = [
        { ...input.vpcs![0]!, natGateways: [{ id: 'nat-1', snatRules: [{ source, eip: '203.0.113.7' }] }] },
      ];
      return ask(build(input).compiled, { destination: '8.8.8.8', port: 443 });
    };
    for (const source of ['subnet-nodes', '192.168.10.0/24', '192.168.0.0/16'])
      expect(status(internet(source), 'internet-egress'), source).toBe('pass');
    expect(status(internet('192.168.20.0/24'), 'internet-egress')).toBe('fail');
    // A CIDR covering one node of the subnet: that node goes out, the other has no way.
    const one = internet('192.168.10.11/32');
    expect(status(one, 'internet-egress')).toBe('fail');
    const summary = one.steps.find((s) => s.check === 'internet-egress')?.summary ?? '';
    expect(summary).toContain('n2');
    expect(summary).not.toContain('n1');
  });

  it('vpc-router nodes go out through the NAT gateway of their subnet', () => {
    const d = ask(withNat('vpc-router', 'subnet-nodes'), { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('reachable');
    expect(d.source.seenAs).toEqual(['203.0.113.7']);
  });

  it('a custom route table without a NAT route does not reach the NAT gateway', () => {
    // Huawei adds 0.0.0.0/0 -> NAT only to the default table; a custom table governs outbound on its own.
    const input = seedSameVpc('vpc-router');
    const vpc = input.vpcs![0]!;
    input.vpcs = [
      {
        ...vpc,
        subnets: vpc.subnets!.map((s) => (s.id === 'subnet-nodes' ? { ...s, routeTable: 'rtb-custom' } : s)),
        routeTables: [{ id: 'rtb-default', default: true }, { id: 'rtb-custom' }],
        natGateways: [{ id: 'nat-1', snatRules: [{ source: 'subnet-nodes', eip: '203.0.113.7' }] }],
      },
    ];
    const d = ask(build(input).compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'route-forward')).toBe('fail');
    expect(d.fixes[0]).toMatchObject({ kind: 'route', routeTable: 'rtb-custom', destination: '0.0.0.0/0' });
  });

  it('every node subnet needs its own way out: one SNAT rule for two node subnets is not enough', () => {
    const input = seedSameVpc('vpc-router');
    const vpc = input.vpcs![0]!;
    input.vpcs = [
      {
        ...vpc,
        subnets: [...vpc.subnets!, { id: 'subnet-nodes2', cidr: '192.168.11.0/24' }],
        natGateways: [{ id: 'nat-1', snatRules: [{ source: 'subnet-nodes', eip: '203.0.113.7' }] }],
      },
    ];
    const cluster = input.clusters![0]!;
    input.clusters = [
      {
        ...cluster,
        nodeSubnets: ['subnet-nodes', 'subnet-nodes2'],
        nodes: [...cluster.nodes!, { name: 'n3', ip: '192.168.11.5' }],
      },
    ];
    const d = ask(build(input).compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'internet-egress')).toBe('fail');
  });

  it('a node EIP is used before the NAT gateway', () => {
    const input = seedSameVpc('overlay_l2');
    input.clusters = [{ ...input.clusters![0]!, nodes: [{ name: 'n1', ip: '192.168.10.11', eip: '198.51.100.4' }] }];
    const d = ask(build(input).compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('reachable');
    expect(d.source.seenAs).toEqual(['198.51.100.4']);
  });

  it('eni needs the SNAT rule on the container subnet, not the node subnet', () => {
    const d = ask(withNat('eni', 'subnet-nodes'), { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'internet-egress')).toBe('fail');
    // No way out means no route to judge: the route step must not claim an EIP path it does not have.
    expect(status(d, 'route-forward')).toBe('skip');
    expect(d.fixes[0]).toMatchObject({
      kind: 'snat-rule',
      natGateway: 'nat-1',
      source: 'subnet-pods',
      eip: '203.0.113.7',
    });
    expect(ask(withNat('eni', 'subnet-pods'), { destination: '8.8.8.8', port: 443 }).verdict).toBe('reachable');
  });

  it('eni pods with only node EIPs are uncertain (§1.6)', () => {
    const input = seedSameVpc('eni');
    input.clusters = [{ ...input.clusters![0]!, nodes: [{ name: 'n1', ip: '192.168.10.11', eip: '198.51.100.4' }] }];
    const d = ask(build(input).compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('uncertain');
    expect(d.assumptions.join(' ')).toContain('cce_10_0400');
  });

  it('no EIP and no NAT gateway: unreachable, with a new NAT gateway, EIP and SNAT rule as the fix', () => {
    const d = ask(build(seedSameVpc('vpc-router')).compiled, { destination: '8.8.8.8', port: 443 });
    expect(d.verdict).toBe('unreachable');
    expect(d.fixes.map((f) => f.kind)).toEqual(['nat-gateway']);
  });
});
