import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { importHuaweiCloud } from '../../../src/import/huaweicloud/index.js';
import { validateTopology } from '../../../src/topology/load.js';
import { body, CLUSTER, ENV, host, mountSeed, PROJECT, REGION } from './replay.js';

const SUBNET_NODES = '4779ab1c-7c1a-44b1-a02e-93dfc361b32d'; // hostNetwork.subnet, 192.168.10.0/24
const SUBNET_DATA = '8b1e6b0c-2f3a-4d6e-9c5b-7a8f9e0d1c2b'; // 192.168.20.0/24
const SUBNET_SPARE = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'; // 192.168.30.0/24

/** A CCE v3 node as `GET .../clusters/{id}/nodes` lists it, in a node pool on the given subnet. */
function cceNode(name: string, uid: string, privateIP: string, pool: string, subnetId: string) {
  return {
    kind: 'Node',
    apiVersion: 'v3',
    metadata: {
      name,
      uid,
      annotations: { 'kubernetes.io/node-pool.id': `cn-north-4a#${pool}` },
    },
    spec: {
      flavor: 'c7.large.2',
      az: 'cn-north-4a',
      os: 'EulerOS 2.9',
      nodeNicSpec: { primaryNic: { subnetId } },
      nodepoolID: pool,
    },
    status: { phase: 'Active', serverId: uid, privateIP },
  };
}

/** The seed cluster with nodes spread over node pools on three subnets, and one whose IP is in no subnet. */
function mountNodePools(): void {
  mountSeed(['cce']);
  nock(host('cce'))
    .get(`/api/v3/projects/${PROJECT}/clusters`)
    .reply(200, body(`cce /api/v3/projects/${PROJECT}/clusters`))
    .get(`/api/v3/projects/${PROJECT}/clusters/${CLUSTER}/nodes`)
    .reply(200, {
      kind: 'List',
      apiVersion: 'v3',
      items: [
        // Listed spare-pool first, so the order of appearance differs from the order by subnet id.
        cceNode('pool-spare-a1', '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f80', '192.168.30.21', 'pool-spare', SUBNET_SPARE),
        cceNode('prod-node-1', '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', '192.168.10.11', 'DefaultPool', SUBNET_NODES),
        cceNode('pool-data-b1', '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a91', '192.168.20.31', 'pool-data', SUBNET_DATA),
        cceNode('pool-data-b2', '7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b02', '192.168.20.32', 'pool-data', SUBNET_DATA),
        cceNode('pool-lost-c1', '8a9b0c1d-2e3f-4a4b-9c5d-6e7f8a9b0c13', '192.168.40.9', 'pool-lost', 'not-imported'),
      ],
    });
}

const options = {
  region: REGION,
  projectId: PROJECT,
  env: ENV,
  sleep: async () => {},
  pageSize: 2,
  now: () => new Date('2024-03-01T03:00:00Z'),
};

describe('importHuaweiCloud: CCE nodes in node-pool subnets', () => {
  it('adds every VPC subnet holding a node IP to nodeSubnets, hostNetwork subnet first, then by id', async () => {
    mountNodePools();
    const { topology } = await importHuaweiCloud(options);
    expect(nock.pendingMocks()).toEqual([]);
    expect(validateTopology(topology).ok).toBe(true);
    const cluster = topology.clusters?.find((c) => c.id === CLUSTER);
    expect(cluster?.nodeSubnets).toEqual([SUBNET_NODES, SUBNET_DATA, SUBNET_SPARE]);
  });

  it('keeps each node with its own IP, including one outside every known subnet', async () => {
    mountNodePools();
    const { topology } = await importHuaweiCloud(options);
    const cluster = topology.clusters?.find((c) => c.id === CLUSTER);
    expect(cluster?.nodes?.map((n) => `${n.name} ${n.ip}`)).toEqual([
      'pool-data-b1 192.168.20.31',
      'pool-data-b2 192.168.20.32',
      'pool-lost-c1 192.168.40.9',
      'pool-spare-a1 192.168.30.21',
      'prod-node-1 192.168.10.11',
    ]);
  });

  it('warns about a node whose IP is in no imported subnet of the VPC, and only about that node', async () => {
    mountNodePools();
    const { warnings } = await importHuaweiCloud(options);
    const nodeWarnings = warnings.filter((w) => w.includes('is in no imported subnet'));
    expect(nodeWarnings).toHaveLength(1);
    expect(nodeWarnings[0]).toContain('pool-lost-c1 (192.168.40.9)');
    expect(nodeWarnings[0]).toContain('545cc36a-453d-499d-9449-56925c5c86d7');
  });

  it('gives the same node subnets and warnings on a re-import', async () => {
    mountNodePools();
    const first = await importHuaweiCloud(options);
    mountNodePools();
    const second = await importHuaweiCloud(options);
    expect(JSON.stringify(second.topology.clusters)).toBe(JSON.stringify(first.topology.clusters));
    expect(second.warnings).toEqual(first.warnings);
  });
});
