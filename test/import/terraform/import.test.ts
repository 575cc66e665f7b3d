import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTerraformState, TerraformStateError } from '../../../src/import/terraform/index.js';
import { validateTopology } from '../../../src/topology/load.js';

const text = readFileSync(new URL('../../fixtures/import/terraform/prod.tfstate.json', import.meta.url), 'utf8');
const VPC = '545cc36a-453d-499d-9449-56925c5c86d7';
const VPC2 = 'f583c072-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const NODES = '4779ab1c-7c1a-44b1-a02e-93dfc361b32d';
const DATA = '8b1e6b0c-2f3a-4d6e-9c5b-7a8f9e0d1c2b';
const SGE = '69c999ad-d9ef-4d79-94fd-35e6ceb75325';
const PCX = '22b76469-08e3-4937-8c1d-7aad34892be1';

describe('importTerraformState', () => {
  const { topology, warnings } = importTerraformState(text, 'prod.tfstate.json');

  it('produces a valid topology from every supported resource type', () => {
    expect(validateTopology(topology).ok).toBe(true);
    expect(topology.vpcs?.map((v) => v.id)).toEqual([VPC, VPC2]);
    expect(topology.vpcs?.[1]?.secondaryCidrs).toEqual(['21.8.0.0/16']);
    expect(topology.peerings).toEqual([
      { id: PCX, name: 'peer-prod-data', requesterVpc: VPC, accepterVpc: VPC2, status: 'ACTIVE' },
    ]);
    expect(topology.addressGroups?.[0]?.addresses).toEqual(['172.16.0.0/16']);
    expect(topology.networkAcls?.[0]?.ingress?.map((r) => r.action)).toEqual(['deny', 'allow']);
    expect(topology.vpcs?.[0]?.subnets?.find((s) => s.id === DATA)?.networkAcl).toBe(
      'e9a7e6d5-c4b3-4a29-8f18-07e6d5c4b3a2',
    );
    expect(topology.vpcs?.[0]?.natGateways?.[0]?.snatRules).toEqual([{ source: NODES, eip: '203.0.113.7' }]);
    expect(topology.resources?.map((r) => `${r.type}:${r.name}`)).toEqual([
      'ecs:ecs-app',
      'kafka:kafka-events',
      'rds:mysql-orders',
      'rabbitmq:rabbitmq-bus',
      'dcs:redis-main',
    ]);
    expect(topology.resources?.find((r) => r.name === 'redis-main')?.whitelist).toEqual({
      enabled: true,
      groups: [{ name: 'nodes', addresses: ['192.168.10.0/24'] }],
    });
  });

  it('puts huaweicloud_vpc_route into its table, the default table when it is not a managed one', () => {
    const data = topology.vpcs?.find((v) => v.id === VPC2);
    const custom = data?.routeTables?.find((t) => t.id === '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f');
    expect(custom?.routes?.map((r) => r.destination)).toEqual(['172.16.0.0/16', '192.168.0.0/16']);
    expect(data?.subnets?.[0]?.routeTable).toBe(custom?.id);
    const prod = topology.vpcs?.find((v) => v.id === VPC);
    expect(prod?.routeTables).toEqual([
      {
        id: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
        default: true,
        routes: [{ destination: '10.1.0.0/16', type: 'peering', nextHop: PCX }],
      },
    ]);
  });

  it('merges rules of huaweicloud_networking_secgroup and _rule without duplicates', () => {
    const group = topology.securityGroups?.find((g) => g.id === SGE);
    expect(group?.rules).toHaveLength(2);
    expect(group?.rules).toContainEqual({
      id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      ports: '22',
      remote: { addressGroup: 'dd18a501-bd5f-4e5b-9a3c-6f2e1d0c9b8a' },
      action: 'allow',
      priority: 1,
    });
  });

  it('maps the cluster and its nodes from huaweicloud_cce_cluster and huaweicloud_cce_node', () => {
    expect(topology.clusters?.[0]).toMatchObject({
      name: 'prod',
      networkModel: 'vpc-router',
      nodeSubnets: [NODES],
      nodeSecurityGroups: ['a7d4c2b1-0e9f-4a8b-b7c6-d5e4f3a2b1c0'],
      containerCidrs: ['172.16.0.0/16'],
      serviceCidr: '10.247.0.0/16',
      nodes: [
        { name: 'prod-node-1', ip: '192.168.10.11', eip: '198.51.100.4' },
        { name: 'prod-node-2', ip: '192.168.10.12' },
      ],
    });
  });

  it('names what it did not map instead of dropping it silently', () => {
    expect(warnings).toContain('huaweicloud_elb_loadbalancer (1): not mapped by reachbot; left out');
    expect(warnings).toContain('1 data source(s) ignored: only managed resources are imported');
  });

  it('gives the same document whatever the order of resources in the state', () => {
    const state = JSON.parse(text) as { resources: unknown[] };
    const reversed = { ...state, resources: [...state.resources].reverse() };
    expect(JSON.stringify(importTerraformState(reversed).topology.vpcs)).toBe(JSON.stringify(topology.vpcs));
    expect(importTerraformState(reversed).topology.resources).toEqual(topology.resources);
  });

  it('dedupes colliding resource names deterministically', () => {
    const state = JSON.parse(text) as {
      resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[];
    };
    const kafka = state.resources.find((r) => r.type === 'huaweicloud_dms_kafka_instance');
    if (kafka?.instances[0]) kafka.instances[0].attributes.name = 'ecs-app';
    const result = importTerraformState(state);
    // the smaller id keeps the plain name; the other gets the start of its id
    const named = (name: string) => result.topology.resources?.find((r) => r.name === name);
    expect(named('ecs-app')?.type).toBe('kafka');
    expect(named('ecs-app-7f3e0c1a')?.type).toBe('ecs');
    expect(result.warnings.some((w) => w.includes('"ecs-app" is used more than once'))).toBe(true);
  });

  it('rejects what is not a Terraform state v4, saying why', () => {
    expect(() => importTerraformState('{"version":3,"resources":[]}', 'old.tfstate')).toThrow(TerraformStateError);
    expect(() => importTerraformState('{"version":3,"resources":[]}', 'old.tfstate')).toThrow(/version 4/);
    expect(() => importTerraformState('not json', 'x')).toThrow(/not JSON/);
  });
});
