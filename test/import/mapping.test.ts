// The shared mapping (assemble.ts) keeps the cloud config's meaning: each test is a config whose import
// once meant something else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { assembleTopology } from '../../src/import/assemble.js';
import { dcsAccessControl } from '../../src/import/dcs.js';
import { firewallDetail } from '../../src/import/huaweicloud/responses.js';
import {
  emptyInventory,
  type RawCluster,
  type RawInventory,
  type RawSecurityGroupRule,
} from '../../src/import/model.js';
import { compileTopology } from '../../src/topology/compile.js';

const VPC = 'vpc-1';
const base = (): RawInventory => {
  const inv = emptyInventory();
  inv.vpcs.push({ id: VPC, cidr: '192.168.0.0/16', extendCidrs: [] });
  inv.subnets.push({ id: 'net-nodes', vpcId: VPC, cidr: '192.168.10.0/24', ipv4SubnetId: 'v4-nodes' });
  inv.subnets.push({ id: 'net-data', vpcId: VPC, cidr: '192.168.20.0/24', ipv4SubnetId: 'v4-data' });
  return inv;
};
/** A vpc-router cluster "prod" on net-nodes, with pod CIDR 172.16.0.0/16. */
const prodCluster = (extra: Partial<RawCluster> = {}): RawCluster => ({
  name: 'prod',
  vpcId: VPC,
  nodeSubnetIds: ['net-nodes'],
  mode: 'vpc-router',
  containerCidrs: ['172.16.0.0/16'],
  eniSubnetIds: [],
  nodes: [],
  ...extra,
});
const withRule = (rule: Omit<RawSecurityGroupRule, 'direction'>) => {
  const inv = base();
  inv.securityGroups.push({
    id: 'sg-1',
    rules: [{ direction: 'ingress', action: 'allow', priority: 1, ethertype: 'IPv4', ...rule }],
  });
  return assembleTopology(inv);
};

describe('security group rules', () => {
  it('takes ICMP port_range_min/max as type/code: Echo 8/0 is type 8, not a skipped "8-0" range', () => {
    const { topology, warnings } = withRule({ id: 'r', protocol: 'icmp', portRangeMin: 8, portRangeMax: 0 });
    expect(topology.securityGroups?.[0]?.rules).toEqual([
      expect.objectContaining({ protocol: 'icmp', ports: '8', action: 'allow' }),
    ]);
    expect(warnings.join('\n')).not.toMatch(/rule skipped/);
  });

  it('takes ICMP Echo reply 0/0 as type 0 only, not every ICMP type', () => {
    const { topology } = withRule({ id: 'r', protocol: 'icmp', portRangeMin: 0, portRangeMax: 0 });
    expect(topology.securityGroups?.[0]?.rules?.[0]?.ports).toBe('0');
  });

  it('keeps ICMP null/null as every type, and says when a code cannot be represented', () => {
    expect(withRule({ id: 'r', protocol: 'icmp' }).topology.securityGroups?.[0]?.rules?.[0]?.ports).toBeUndefined();
    const unreachable = withRule({ id: 'r', protocol: 'icmp', portRangeMin: 3, portRangeMax: 1 });
    expect(unreachable.topology.securityGroups?.[0]?.rules?.[0]?.ports).toBe('3');
    expect(unreachable.warnings.join('\n')).toMatch(/ICMP type 3 code 1 only/);
  });

  it('still takes 1-65535 and 0-0 as all ports for TCP', () => {
    expect(
      withRule({ id: 'r', protocol: 'tcp', portRangeMin: 1, portRangeMax: 65535 }).topology.securityGroups?.[0]
        ?.rules?.[0]?.ports,
    ).toBeUndefined();
    expect(
      withRule({ id: 'r', protocol: 'tcp', portRangeMin: 80, portRangeMax: 443 }).topology.securityGroups?.[0]
        ?.rules?.[0]?.ports,
    ).toBe('80-443');
  });

  it('maps protocol null to any, empty remote to any, and keeps action and priority as returned', () => {
    const { topology, warnings } = withRule({
      id: 'r',
      protocol: null,
      remoteIpPrefix: '',
      action: 'deny',
      priority: 100,
    });
    const rule = topology.securityGroups?.[0]?.rules?.[0];
    expect(rule).toMatchObject({ action: 'deny', priority: 100 });
    expect(rule?.protocol).toBeUndefined();
    expect(rule?.remote).toBeUndefined();
    expect(warnings.join('\n')).not.toMatch(/assumed/);
  });

  it('says so when action or priority is missing instead of silently assuming a default', () => {
    const inv = base();
    inv.securityGroups.push({ id: 'sg-1', rules: [{ id: 'r', direction: 'ingress', protocol: 'tcp', ports: '22' }] });
    const { topology, warnings } = assembleTopology(inv);
    expect(topology.securityGroups?.[0]?.rules?.[0]).toMatchObject({ action: 'allow', priority: 1 });
    expect(warnings.join('\n')).toMatch(/rule r has no action; assumed "allow"/);
    expect(warnings.join('\n')).toMatch(/rule r has no priority; assumed 1/);
  });
});

describe('network ACL rules', () => {
  const acl = (ipVersion: number | null) => {
    const inv = base();
    inv.networkAcls.push({
      id: 'acl-1',
      enabled: true,
      subnetIds: ['net-data'],
      ingress: [
        { id: 'a', action: 'allow', protocol: 'tcp', ipVersion, destinationPort: '22' },
        { id: 'b', action: 'deny', ipVersion: 4, sourceIp: '10.0.0.0/8' },
        { id: 'c', action: 'allow', ipVersion: 4, enabled: false },
      ],
      egress: [],
    });
    return assembleTopology(inv);
  };

  it('limits an IPv6 rule without source or destination to IPv6 addresses', () => {
    const rule = acl(6).topology.networkAcls?.[0]?.ingress?.[0];
    expect(rule).toMatchObject({ id: 'a', source: '::/0', destination: '::/0' });
  });

  it('limits an IPv4 rule without source or destination to IPv4 addresses, and keeps order', () => {
    const { topology, warnings } = acl(4);
    expect(topology.networkAcls?.[0]?.ingress).toEqual([
      expect.objectContaining({ id: 'a', source: '0.0.0.0/0', destination: '0.0.0.0/0' }),
      expect.objectContaining({ id: 'b', action: 'deny', source: '10.0.0.0/8', destination: '0.0.0.0/0' }),
    ]);
    expect(warnings.join('\n')).toMatch(/rule c is disabled/);
    expect(topology.vpcs?.[0]?.subnets?.find((s) => s.id === 'net-data')?.networkAcl).toBe('acl-1');
  });

  it('accepts ip_version as the string the API documents ("4") as well as a number', () => {
    const parsed = firewallDetail.parse({
      firewall: {
        id: 'f',
        ingress_rules: [
          { action: 'allow', ip_version: '6' },
          { action: 'deny', ip_version: 4 },
        ],
      },
    });
    expect(parsed.firewall.ingress_rules?.map((r) => r.ip_version)).toEqual([6, 4]);
  });
});

describe('routes CCE writes for vpc-router nodes', () => {
  const withRoute = (type: string, destination: string) => {
    const inv = base();
    inv.clusters.push(prodCluster());
    inv.routeTables.push({
      id: 'rtb-custom',
      vpcId: VPC,
      isDefault: false,
      subnetIds: ['net-data'],
      routes: [{ destination, type, nexthop: 'node-ecs-id' }],
    });
    return assembleTopology(inv);
  };

  it('imports an undocumented route type into the container CIDR as a cce route, with the assumption', () => {
    const { topology, warnings } = withRoute('cloud_container', '172.16.0.0/25');
    const table = topology.vpcs?.[0]?.routeTables?.find((t) => t.id === 'rtb-custom');
    expect(table?.routes).toEqual([{ destination: '172.16.0.0/25', type: 'cce', nextHop: 'node-ecs-id' }]);
    expect(warnings.join('\n')).toMatch(/taken for a route CCE wrote for a node/);
  });

  it('imports an ecs route into the container CIDR as a cce route (its next hop is the node)', () => {
    const { topology } = withRoute('ecs', '172.16.0.128/25');
    expect(topology.vpcs?.[0]?.routeTables?.find((t) => t.id === 'rtb-custom')?.routes?.[0]?.type).toBe('cce');
  });

  it('leaves an ecs route outside any container CIDR as ecs, and still skips unknown types there', () => {
    expect(
      withRoute('ecs', '10.9.0.0/16').topology.vpcs?.[0]?.routeTables?.find((t) => t.id === 'rtb-custom')?.routes,
    ).toEqual([{ destination: '10.9.0.0/16', type: 'ecs', nextHop: 'node-ecs-id' }]);
    expect(withRoute('mystery', '10.9.0.0/16').warnings.join('\n')).toMatch(/not one reachbot models; route skipped/);
  });
});

describe('CCE node subnets', () => {
  type Node = RawInventory['clusters'][number]['nodes'][number];
  const withCluster = (nodeSubnetIds: string[], nodes: Node[]) => {
    const inv = base();
    inv.subnets.push({ id: 'net-a-pool', vpcId: VPC, cidr: '192.168.30.0/24' });
    inv.vpcs.push({ id: 'vpc-other', cidr: '10.20.0.0/16', extendCidrs: [] });
    inv.subnets.push({ id: 'net-other', vpcId: 'vpc-other', cidr: '10.20.1.0/24' });
    inv.clusters.push(prodCluster({ id: 'c-1', nodeSubnetIds, nodes }));
    return assembleTopology(inv);
  };
  const nodes: Node[] = [
    { name: 'n-data', ip: '192.168.20.5' },
    { name: 'n-pool', ip: '192.168.30.5' },
    { name: 'n-host', ip: '192.168.10.5' },
  ];

  it('puts the hostNetwork subnet first and the other node subnets (declared or holding a node) by id', () => {
    // Terraform declares node subnets in resource order, here the ipv4 form of net-data after net-a-pool.
    const { topology } = withCluster(['net-nodes', 'net-a-pool', 'v4-data'], []);
    expect(topology.clusters?.[0]?.nodeSubnets).toEqual(['net-nodes', 'net-a-pool', 'net-data']);
    const inferred = withCluster(['v4-nodes'], nodes).topology.clusters?.[0];
    expect(inferred?.nodeSubnets).toEqual(['net-nodes', 'net-a-pool', 'net-data']);
  });

  it('gives the same nodeSubnets whatever nodes are listed, in whatever order', () => {
    const subnetOfNode: Record<string, string> = {
      'n-data': 'net-data',
      'n-pool': 'net-a-pool',
      'n-host': 'net-nodes',
    };
    fc.assert(
      fc.property(fc.shuffledSubarray(nodes), (listed) => {
        const others = [...new Set(listed.map((n) => subnetOfNode[n.name] ?? ''))].filter((id) => id !== 'net-nodes');
        expect(withCluster(['net-nodes'], listed).topology.clusters?.[0]?.nodeSubnets).toEqual([
          'net-nodes',
          ...others.sort(),
        ]);
      }),
    );
  });

  it("keeps the cluster on its nodes' subnets when the hostNetwork subnet was not imported", () => {
    const { topology, warnings } = withCluster(['net-gone'], [{ name: 'n-pool', ip: '192.168.30.5' }]);
    expect(topology.clusters?.[0]?.nodeSubnets).toEqual(['net-a-pool']);
    expect(warnings.join('\n')).toMatch(/node subnet net-gone was not imported/);
  });

  it('does not add a subnet of another VPC for a node, and warns that the node is in no subnet of its VPC', () => {
    const { topology, warnings } = withCluster(['net-nodes'], [{ name: 'n-stray', ip: '10.20.1.7' }]);
    const cluster = topology.clusters?.[0];
    expect(cluster?.nodeSubnets).toEqual(['net-nodes']);
    expect(cluster?.nodes).toEqual([{ name: 'n-stray', ip: '10.20.1.7' }]);
    expect(warnings.join('\n')).toMatch(/node n-stray \(10\.20\.1\.7\) is in no imported subnet of VPC vpc-1/);
  });
});

describe('DCS access control (reference §5)', () => {
  const on = { enabled: true, groups: [{ name: 'nodes', addresses: ['192.168.10.0/24'] }] };
  const off = { enabled: false, groups: [] };

  it('uses the security group for Memcached and Redis 3.0', () => {
    expect(dcsAccessControl('r1', 'Memcached', '1.5', 'sg', undefined).control).toBe('security-group');
    expect(dcsAccessControl('r1', 'Redis', '3.0', 'sg', undefined).control).toBe('security-group');
  });

  it('uses the whitelist for Redis 4.0/5.0 and leaves a reported security group out', () => {
    expect(dcsAccessControl('r1', 'Redis', '5.0', 'sg', off)).toMatchObject({
      control: 'whitelist',
      ignoredSecurityGroup: 'sg',
      securityGroupIds: [],
      warnings: [expect.stringMatching(/^r1: reports security group sg, .*group left out$/)],
    });
    expect(dcsAccessControl('r1', 'Redis', '4.0', undefined, on)).toEqual({
      control: 'whitelist',
      securityGroupIds: [],
      warnings: [],
    });
  });

  it('takes Redis 6.0 with a security group and no whitelist in effect for the professional edition', () => {
    const access = dcsAccessControl('r1', 'Redis', '6.0', 'sg', off);
    expect(access.control).toBe('security-group');
    expect(access.assumption).toMatch(/professional/);
    expect(access.securityGroupIds).toEqual(['sg']);
    expect(access.warnings).toEqual([`r1: ${access.assumption}`]);
    expect(dcsAccessControl('r1', 'Redis', '6.0', 'sg', on).control).toBe('whitelist');
    expect(dcsAccessControl('r1', 'Redis', '6.0', undefined, off).control).toBe('whitelist');
  });
});

describe('verdicts on an imported document', () => {
  it('lets a pod ping an ECS whose group allows ICMP Echo as port_range_min/max 8/0 (it was dropped)', () => {
    const inv = base();
    inv.securityGroups.push({
      id: 'sg-db',
      rules: [
        {
          id: 'ping',
          direction: 'ingress',
          ethertype: 'IPv4',
          protocol: 'icmp',
          portRangeMin: 8,
          portRangeMax: 0,
          remoteIpPrefix: '172.16.0.0/16',
          action: 'allow',
          priority: 1,
        },
        { id: 'out', direction: 'egress', ethertype: 'IPv4', action: 'allow', priority: 100 },
      ],
    });
    inv.clusters.push(prodCluster());
    inv.instances.push({
      type: 'ecs',
      id: 'ecs-1',
      name: 'db1',
      subnetId: 'net-data',
      addresses: ['192.168.20.52'],
      securityGroupIds: ['sg-db'],
    });
    const { topology } = assembleTopology(inv);
    const answer = diagnose(compileTopology(topology), { cluster: 'prod', workload: null, destination: 'db1' });
    expect(answer.verdict).toBe('reachable');
  });
});
