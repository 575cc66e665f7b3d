// Terraform-specific mapping: what a resource means on Huawei Cloud, not only its attribute names.
import { describe, expect, it } from 'vitest';
import { importTerraformState } from '../../../src/import/terraform/index.js';

const PROVIDER = 'provider["registry.terraform.io/huaweicloud/huaweicloud"]';
const resource = (type: string, name: string, attributes: Record<string, unknown>) => ({
  mode: 'managed',
  type,
  name,
  provider: PROVIDER,
  instances: [{ attributes }],
});
const state = (...extra: ReturnType<typeof resource>[]) => ({
  version: 4,
  resources: [
    resource('huaweicloud_vpc', 'prod', { id: 'vpc-1', cidr: '192.168.0.0/16' }),
    resource('huaweicloud_vpc_subnet', 'nodes', {
      id: 'net-nodes',
      vpc_id: 'vpc-1',
      cidr: '192.168.10.0/24',
      ipv4_subnet_id: 'v4-nodes',
    }),
    resource('huaweicloud_networking_secgroup', 'a', { id: 'sg-a', rules: [] }),
    resource('huaweicloud_networking_secgroup', 'b', { id: 'sg-b', rules: [] }),
    ...extra,
  ],
});

describe('importTerraformState mapping', () => {
  it('reports a resource type named like a member of every object as not mapped, like any other', () => {
    const { warnings } = importTerraformState(state(resource('constructor', 'x', {}), resource('toString', 'y', {})));
    expect(warnings).toContain('constructor (1): not mapped by reachbot; left out');
    expect(warnings).toContain('toString (1): not mapped by reachbot; left out');
  });

  it('leaves out a blank secondary CIDR and one that is not a CIDR, keeping the rest (found by the fuzz test)', () => {
    const input = state();
    input.resources[0]!.instances[0]!.attributes.secondary_cidrs = ['', ' ', '10.9.0.0/16', 'nonsense'];
    const { topology, warnings } = importTerraformState(input);
    expect(topology.vpcs?.[0]?.secondaryCidrs).toEqual(['10.9.0.0/16']);
    expect(warnings).toContain('VPC vpc-1: secondary CIDR "nonsense" is not a CIDR; left out');
    expect(warnings.filter((w) => w.includes('secondary CIDR'))).toHaveLength(1);
  });

  it('leaves out an SNAT rule whose source_type is 1 (a Direct Connect CIDR), saying so', () => {
    const { topology, warnings } = importTerraformState(
      state(
        resource('huaweicloud_nat_gateway', 'gw', { id: 'nat-1', vpc_id: 'vpc-1' }),
        resource('huaweicloud_nat_snat_rule', 'dc', {
          id: 'snat-dc',
          nat_gateway_id: 'nat-1',
          cidr: '10.50.0.0/16',
          source_type: 1,
          floating_ip_address: '203.0.113.9',
        }),
        resource('huaweicloud_nat_snat_rule', 'vpc', {
          id: 'snat-vpc',
          nat_gateway_id: 'nat-1',
          subnet_id: 'net-nodes',
          source_type: 0,
          floating_ip_address: '203.0.113.7',
        }),
      ),
    );
    expect(topology.vpcs?.[0]?.natGateways?.[0]?.snatRules).toEqual([{ source: 'net-nodes', eip: '203.0.113.7' }]);
    expect(warnings.join('\n')).toMatch(/Direct Connect \/ Cloud Connect CIDR \(10\.50\.0\.0\/16\)/);
  });

  it('keeps the listed security group order of an ECS and warns that the state may not be binding order', () => {
    const { topology, warnings } = importTerraformState(
      state(
        resource('huaweicloud_compute_instance', 'app', {
          id: 'ecs-1',
          name: 'app',
          security_group_ids: ['sg-b', 'sg-a'],
          network: [{ uuid: 'net-nodes', fixed_ip_v4: '192.168.10.5' }],
        }),
      ),
    );
    expect(topology.resources?.[0]?.securityGroups).toEqual(['sg-b', 'sg-a']);
    expect(warnings.join('\n')).toMatch(/may not keep their binding order/);
  });

  it('names an ECS the state leaves unnamed by its id, saying so (found by the fuzz test)', () => {
    const { topology, warnings } = importTerraformState(
      state(
        resource('huaweicloud_compute_instance', 'app', {
          id: 'ecs-1',
          name: '',
          network: [{ uuid: 'net-nodes', fixed_ip_v4: '192.168.10.5' }],
        }),
      ),
    );
    expect(topology.resources?.[0]?.name).toBe('ecs-1');
    expect(warnings.join('\n')).toMatch(/resource ecs-1 has no name/);
  });

  it('does not bind a security group to a whitelist-controlled Redis 5.0, and keeps it for Redis 3.0', () => {
    const dcs = (name: string, version: string) =>
      resource('huaweicloud_dcs_instance', name, {
        id: `dcs-${name}`,
        name,
        engine: 'Redis',
        engine_version: version,
        vpc_id: 'vpc-1',
        subnet_id: 'net-nodes',
        security_group_id: 'sg-a',
        private_ip: version === '5.0' ? '192.168.10.20' : '192.168.10.21',
        port: 6379,
        whitelist_enable: false,
        whitelists: [],
      });
    const { topology, warnings } = importTerraformState(state(dcs('r5', '5.0'), dcs('r3', '3.0')));
    const r5 = topology.resources?.find((r) => r.name === 'r5');
    expect(r5?.securityGroups).toBeUndefined();
    expect(r5?.whitelist).toEqual({ enabled: false, groups: [] });
    const r3 = topology.resources?.find((r) => r.name === 'r3');
    expect(r3?.securityGroups).toEqual(['sg-a']);
    expect(r3?.whitelist).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/controlled by the whitelist, not a security group/);
  });

  it('takes port_range_min/max of an ICMP rule as type/code (echo request 8/0)', () => {
    const { topology } = importTerraformState(
      state(
        resource('huaweicloud_networking_secgroup_rule', 'ping', {
          id: 'rule-ping',
          security_group_id: 'sg-a',
          direction: 'ingress',
          ethertype: 'IPv4',
          protocol: 'icmp',
          port_range_min: 8,
          port_range_max: 0,
          remote_ip_prefix: '',
          action: 'allow',
          priority: 1,
        }),
      ),
    );
    expect(topology.securityGroups?.find((g) => g.id === 'sg-a')?.rules).toEqual([
      {
        id: 'rule-ping',
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'icmp',
        ports: '8',
        action: 'allow',
        priority: 1,
      },
    ]);
  });
});
