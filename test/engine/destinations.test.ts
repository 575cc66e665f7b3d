// Destination classes, question resolution errors, several flows, whitelists and host bridges.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { QuestionError } from '../../src/question/errors.js';
import { compileTopology } from '../../src/topology/compile.js';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';

function open(model: 'vpc-router' | 'overlay_l2' | 'eni' = 'vpc-router') {
  const input = seedSameVpc(model);
  input.securityGroups = [
    ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
    { id: 'sg-ecs', rules: [{ direction: 'ingress' }] },
  ];
  return input;
}

describe('destination classes', () => {
  it('the own Service CIDR is a ClusterIP: uncertain, said honestly', () => {
    const d = ask(build(open()).compiled, { destination: '10.247.0.10', port: 80 });
    expect(d.destination.kind).toBe('service');
    expect(d.verdict).toBe('uncertain');
    expect(d.assumptions.join(' ')).toContain('kube-proxy');
  });

  it('another cluster Service CIDR is unreachable with a replan', () => {
    const input = open();
    input.clusters = [
      ...input.clusters!,
      {
        name: 'other',
        vpc: 'vpc-prod',
        networkModel: 'overlay_l2',
        nodeSubnets: ['subnet-data'],
        containerCidrs: ['172.20.0.0/16'],
        serviceCidr: '10.248.0.0/16',
      },
    ];
    const { compiled } = build(input);
    const d = ask(compiled, { destination: '10.248.0.1', port: 80 });
    expect(d.verdict).toBe('unreachable');
    expect(d.fixes.map((f) => f.kind)).toEqual(['replan']);
    const pod = ask(compiled, { destination: '172.20.3.4', port: 80 });
    expect(pod.destination.kind).toBe('pod');
    expect(pod.verdict).toBe('unreachable');
  });

  it('a resource inside the own container CIDR is a planning failure', () => {
    const input = open();
    input.clusters = [{ ...input.clusters![0]!, containerCidrs: ['192.168.20.0/24'] }];
    input.resources = [
      { name: 'db', vpc: 'vpc-prod', subnet: 'subnet-data', addresses: ['192.168.20.5'], securityGroups: ['sg-ecs'] },
    ];
    const d = ask(build(input).compiled, { destination: 'db', port: 3306 });
    expect(status(d, 'planning')).toBe('fail');
    expect(d.fixes.some((f) => f.kind === 'replan' && f.reason.includes('container CIDR'))).toBe(true);
  });

  it('two VPC-network clusters in one VPC with overlapping container CIDRs fail planning, on every path', () => {
    const clashing = open();
    const prod = clashing.clusters![0]!;
    clashing.clusters = [prod, { ...prod, name: 'batch', nodes: [], containerCidrs: [prod.containerCidrs![0]!] }];
    clashing.resources = [
      { name: 'db', vpc: 'vpc-prod', subnet: 'subnet-data', addresses: ['192.168.20.5'], securityGroups: ['sg-ecs'] },
      {
        name: 'cache',
        vpc: 'vpc-prod',
        subnet: 'subnet-data',
        addresses: ['192.168.20.6'],
        securityGroups: ['sg-ecs'],
      },
    ];
    const { compiled } = build(clashing);
    for (const destination of ['db', 'cache']) {
      const d = ask(compiled, { destination, port: 3306 });
      expect(status(d, 'planning')).toBe('fail');
      expect(
        d.fixes.some((f) => f.kind === 'replan' && f.reason.includes('of batch, another VPC-network cluster')),
      ).toBe(true);
    }
    // The clash is kept per compiled topology: the same names without the clash answer without it.
    const apart = open();
    apart.clusters = [prod, { ...prod, name: 'batch', nodes: [], containerCidrs: ['172.31.0.0/16'] }];
    apart.resources = clashing.resources;
    const fine = ask(build(apart).compiled, { destination: 'db', port: 3306 });
    expect(status(fine, 'planning')).not.toBe('fail');
  });

  it('cluster nodes and undeclared VPC addresses', () => {
    const { compiled } = build(open());
    expect(ask(compiled, { destination: '192.168.10.12', port: 10250 }).destination).toMatchObject({
      kind: 'node',
      node: 'n2',
    });
    const unknown = ask(compiled, { destination: '192.168.20.99', port: 80 });
    expect(unknown.destination.kind).toBe('vpc');
    expect(unknown.verdict).toBe('uncertain');
  });
});

describe('question resolution', () => {
  const { compiled } = build(open());

  it('names are case-insensitive', () => {
    expect(ask(compiled, { cluster: 'PROD', destination: 'ECS1', port: 22 }).question.destination).toBe('ecs1');
  });

  it('unknown names throw QuestionError with the closest names first', () => {
    expect(() => ask(compiled, { cluster: 'prd', destination: 'ecs1' })).toThrow(QuestionError);
    try {
      ask(compiled, { destination: 'ecs' });
    } catch (error) {
      expect(error).toBeInstanceOf(QuestionError);
      expect((error as QuestionError).suggestions[0]).toBe('ecs1');
    }
    expect(() => ask(compiled, { destination: '192.168.1.300' })).toThrow(/not a valid IP address/);
    expect(() => ask(compiled, { destination: 'ecs1', workload: 'nope/x' })).toThrow(QuestionError);
  });

  it('no port: one flow per declared port, else ICMP echo', () => {
    const input = open();
    input.resources = [
      {
        ...input.resources![0]!,
        ports: [
          { protocol: 'tcp', port: 22 },
          { protocol: 'udp', port: 53 },
        ],
      },
    ];
    const result = diagnose(build(input).compiled, { cluster: 'prod', workload: null, destination: 'ecs1' });
    expect('flows' in result && result.flows.map((f) => `${f.question.protocol}/${f.question.port}`)).toEqual([
      'tcp/22',
      'udp/53',
    ]);
    expect(ask(compiled, { destination: '192.168.10.52' }).question.protocol).toBe('icmp');
    expect(ask(compiled, { destination: '192.168.10.52:22' }).question).toMatchObject({ protocol: 'tcp', port: 22 });
  });
});

describe('whitelist (§5)', () => {
  const redis = (whitelist: { enabled?: boolean; groups?: { name: string; addresses: string[] }[] }) => {
    const input = open();
    input.resources = [
      {
        name: 'redis',
        type: 'dcs',
        vpc: 'vpc-prod',
        subnet: 'subnet-data',
        addresses: ['192.168.20.7'],
        whitelist,
        ports: [{ protocol: 'tcp', port: 6379 }],
      },
    ];
    return build(input);
  };

  it('enabled with groups: the container CIDR must be in it; the fix adds it to the first group', () => {
    const { topology, compiled } = redis({ groups: [{ name: 'nodes', addresses: ['192.168.10.0/24'] }] });
    const d = ask(compiled, { destination: 'redis' });
    expect(status(d, 'whitelist')).toBe('fail');
    expect(d.fixes).toEqual([
      expect.objectContaining({ kind: 'whitelist-entry', resource: 'redis', group: 'nodes', address: '172.16.0.0/16' }),
    ]);
    expect(ask(compileTopology(applyFixes(topology, d.fixes)), { destination: 'redis' }).verdict).toBe('reachable');
  });

  it('a whitelist covering only part of the container CIDR fails and names the missing part', () => {
    const { compiled } = redis({ groups: [{ name: 'pods', addresses: ['172.16.0.0/17'] }] });
    const d = ask(compiled, { destination: 'redis' });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'whitelist')).toBe('fail');
    expect(d.steps.find((s) => s.check === 'whitelist')?.summary).toContain('172.16.128.0/17');
  });

  it('disabled, or no groups: all IPs that can reach the VPC may access', () => {
    expect(
      ask(redis({ enabled: false, groups: [{ name: 'nodes', addresses: ['192.168.10.0/24'] }] }).compiled, {
        destination: 'redis',
      }).verdict,
    ).toBe('reachable');
    expect(ask(redis({}).compiled, { destination: 'redis' }).verdict).toBe('reachable');
  });
});

describe('host bridges (§6)', () => {
  const withBridge = (model: 'vpc-router' | 'overlay_l2', containerCidr: string, bridge: string) => {
    const input = open(model);
    input.clusters = [{ ...input.clusters![0]!, containerCidrs: [containerCidr] }];
    input.resources = [{ ...input.resources![0]!, hostBridges: [bridge] }];
    return build(input);
  };

  it('vpc-router: a docker0 on the pod range swallows replies; the fix moves the bridge', () => {
    const { topology, compiled } = withBridge('vpc-router', '172.17.0.0/16', '172.17.0.0/16');
    const d = ask(compiled, { destination: 'ecs1', port: 80 });
    expect(status(d, 'host-bridge')).toBe('fail');
    const fix = d.fixes.find((f) => f.kind === 'host-bridge');
    expect(fix).toMatchObject({ resource: 'ecs1', bridge: '172.17.0.0/16' });
    expect(fix && fix.kind === 'host-bridge' && fix.suggested).not.toMatch(/^172\.1[67]\./);
    expect(ask(compileTopology(applyFixes(topology, d.fixes)), { destination: 'ecs1', port: 80 }).verdict).toBe(
      'reachable',
    );
  });

  it('overlay_l2: a container-CIDR overlap does not matter, a node-subnet overlap does', () => {
    expect(
      ask(withBridge('overlay_l2', '172.17.0.0/16', '172.17.0.0/16').compiled, { destination: 'ecs1', port: 80 })
        .verdict,
    ).toBe('reachable');
    const d = ask(withBridge('overlay_l2', '172.17.0.0/16', '192.168.10.0/24').compiled, {
      destination: 'ecs1',
      port: 80,
    });
    expect(status(d, 'host-bridge')).toBe('fail');
  });
});
