// Network ACLs (reference §3): first match in order, implicit deny once associated, stateful (no reply
// rule needed), same-subnet preset that does not cover vpc-router pod IPs.
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { TopologyInput } from '../../src/topology/schema.js';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';

type Acl = NonNullable<TopologyInput['networkAcls']>[number];

/** The seed with an open ECS group and ACLs on the node subnet (source) and data subnet (destination). */
function withAcls(model: 'vpc-router' | 'overlay_l2', acls: { nodes?: Acl; data?: Acl }, ecsSubnet = 'subnet-data') {
  const input = seedSameVpc(model);
  input.securityGroups = [
    ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
    { id: 'sg-ecs', rules: [{ direction: 'ingress' }] },
  ];
  input.vpcs = [
    {
      ...input.vpcs![0]!,
      subnets: input.vpcs![0]!.subnets!.map((s) =>
        s.id === 'subnet-nodes' && acls.nodes
          ? { ...s, networkAcl: acls.nodes.id }
          : s.id === 'subnet-data' && acls.data
            ? { ...s, networkAcl: acls.data.id }
            : s,
      ),
    },
  ];
  input.networkAcls = [acls.nodes, acls.data].filter((a): a is Acl => a !== undefined);
  input.resources = [
    {
      ...input.resources![0]!,
      subnet: ecsSubnet,
      addresses: [ecsSubnet === 'subnet-data' ? '192.168.20.52' : '192.168.10.52'],
    },
  ];
  return build(input);
}

describe('network ACLs', () => {
  it('an associated ACL with no rule denies (implicit deny); the fix is inserted at the end', () => {
    const { topology, compiled } = withAcls('overlay_l2', { data: { id: 'acl-data', ingress: [] } });
    const d = ask(compiled, { destination: 'ecs1', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'destination-acl')).toBe('fail');
    expect(d.fixes[0]).toMatchObject({
      kind: 'network-acl-rule',
      networkAcl: 'acl-data',
      direction: 'ingress',
      protocol: 'tcp',
      source: '192.168.10.0/24',
      destination: '192.168.20.52/32',
      destinationPorts: '3306',
      position: 0,
    });
    const fixed = compileTopology(applyFixes(topology, d.fixes));
    expect(ask(fixed, { destination: 'ecs1', port: 3306 }).verdict).toBe('reachable');
  });

  it('a rule for another destination port does not match: the implicit deny decides', () => {
    const web = {
      id: 'acl-data',
      ingress: [{ action: 'allow' as const, protocol: 'tcp' as const, destinationPorts: '80' }],
    };
    const { compiled } = withAcls('overlay_l2', { data: web });
    expect(status(ask(compiled, { destination: 'ecs1', port: 3306 }), 'destination-acl')).toBe('fail');
    expect(ask(compiled, { destination: 'ecs1', port: 80 }).verdict).toBe('reachable');
  });

  it('first match wins: an earlier deny shadows a later allow; the fix goes before the deny', () => {
    const { topology, compiled } = withAcls('overlay_l2', {
      data: {
        id: 'acl-data',
        ingress: [
          { action: 'allow', protocol: 'udp', destinationPorts: '53' },
          { action: 'deny', protocol: 'tcp', source: '192.168.10.0/24' },
          { action: 'allow', protocol: 'tcp', destinationPorts: '3306' },
        ],
      },
    });
    const d = ask(compiled, { destination: 'ecs1', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    expect(d.steps.find((s) => s.check === 'destination-acl')?.summary).toContain('rule #2 (deny)');
    expect(d.fixes[0]).toMatchObject({ position: 1 });
    const fixed = compileTopology(applyFixes(topology, d.fixes));
    expect(ask(fixed, { destination: 'ecs1', port: 3306 }).verdict).toBe('reachable');
  });

  it('an allow before a deny wins', () => {
    const { compiled } = withAcls('overlay_l2', {
      data: {
        id: 'acl-data',
        ingress: [
          { action: 'allow', protocol: 'tcp', destinationPorts: '3306', source: '192.168.10.0/24' },
          { action: 'deny' },
        ],
      },
    });
    expect(ask(compiled, { destination: 'ecs1', port: 3306 }).verdict).toBe('reachable');
  });

  it('a rule matches only its own protocol: a UDP rule does not admit TCP on the same port', () => {
    const udp = {
      id: 'acl-data',
      ingress: [{ action: 'allow' as const, protocol: 'udp' as const, destinationPorts: '3306' }],
    };
    const { compiled } = withAcls('overlay_l2', { data: udp });
    expect(status(ask(compiled, { destination: 'ecs1', protocol: 'tcp', port: 3306 }), 'destination-acl')).toBe('fail');
    expect(status(ask(compiled, { destination: 'ecs1', protocol: 'udp', port: 3306 }), 'destination-acl')).toBe('pass');
  });

  it("the preset lets traffic out to the cloud-service range whatever the subnet's rules", () => {
    const { compiled } = withAcls('overlay_l2', {
      nodes: { id: 'acl-nodes', ingress: [{ action: 'allow' }], egress: [{ action: 'deny' }] },
    });
    expect(status(ask(compiled, { destination: '100.125.1.1', port: 443 }), 'source-acl')).toBe('pass');
    expect(status(ask(compiled, { destination: 'ecs1', port: 3306 }), 'source-acl')).toBe('fail');
  });

  it('an associated source ACL with no outbound rule denies traffic leaving its subnet', () => {
    const { compiled } = withAcls('overlay_l2', {
      nodes: { id: 'acl-nodes', ingress: [{ action: 'allow' }], egress: [] },
    });
    const d = ask(compiled, { destination: 'ecs1', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'source-acl')).toBe('fail');
  });

  it('is stateful: an egress-deny-all ACL on the destination subnet does not block replies', () => {
    const { compiled } = withAcls('overlay_l2', {
      data: { id: 'acl-data', ingress: [{ action: 'allow' }], egress: [{ action: 'deny' }] },
    });
    expect(ask(compiled, { destination: 'ecs1', port: 3306 }).verdict).toBe('reachable');
  });

  it('checks the source subnet egress too, for the source leaving it', () => {
    const { compiled } = withAcls('vpc-router', {
      nodes: {
        id: 'acl-nodes',
        egress: [{ action: 'allow', source: '192.168.10.0/24' }],
        ingress: [{ action: 'allow' }],
      },
    });
    const d = ask(compiled, { destination: 'ecs1', port: 3306 });
    expect(status(d, 'source-acl')).toBe('fail');
    expect(d.fixes[0]).toMatchObject({ networkAcl: 'acl-nodes', direction: 'egress', source: '172.16.0.0/16' });
  });

  it('the same-subnet preset covers node IPs but not vpc-router pod IPs', () => {
    const acl: Acl = { id: 'acl-nodes', ingress: [], egress: [] };
    const overlay = withAcls('overlay_l2', { nodes: acl }, 'subnet-nodes');
    expect(ask(overlay.compiled, { destination: 'ecs1', port: 22 }).verdict).toBe('reachable');
    const vpc = withAcls('vpc-router', { nodes: acl }, 'subnet-nodes');
    const d = ask(vpc.compiled, { destination: 'ecs1', port: 22 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'source-acl')).toBe('fail');
    expect(status(d, 'destination-acl')).toBe('fail');
    const fixed = compileTopology(applyFixes(vpc.topology, d.fixes));
    expect(ask(fixed, { destination: 'ecs1', port: 22 }).verdict).toBe('reachable');
  });
});
