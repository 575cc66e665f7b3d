// Import fidelity: CCE nodes are cluster nodes only (not also ECS resources), and one missing VPC API is not
// reported as the whole VPC service being unavailable.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { importHuaweiCloud } from '../../../src/import/huaweicloud/index.js';
import { body, ENV, host, mountSeed, PROJECT, REGION } from './replay.js';

const options = () => ({ region: REGION, projectId: PROJECT, env: ENV, sleep: async () => {}, pageSize: 2 });

describe('Huawei Cloud import fidelity', () => {
  it('imports a CCE node as a cluster node only, not also as an ECS resource', async () => {
    mountSeed(['ecs']);
    const servers = body(`ecs /v1/${PROJECT}/cloudservers/detail`) as { servers: Record<string, unknown>[] };
    const app = servers.servers[0] as Record<string, unknown>;
    const node = {
      ...app,
      id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      name: 'prod-node-1',
      addresses: {
        '545cc36a-453d-499d-9449-56925c5c86d7': [{ version: '4', addr: '192.168.10.11', 'OS-EXT-IPS:type': 'fixed' }],
      },
    };
    nock(host('ecs'))
      .get(`/v1/${PROJECT}/cloudservers/detail`)
      .query({ offset: '1', limit: '2' })
      .reply(200, { count: 2, servers: [app, node] });
    const { topology } = await importHuaweiCloud(options());
    expect(topology.resources?.map((r) => r.name)).not.toContain('prod-node-1');
    expect(topology.resources?.map((r) => r.name)).toContain('ecs-app');
    expect(topology.clusters?.[0]?.nodes?.map((n) => n.name)).toContain('prod-node-1');
  });

  it('a 404 on one VPC API after others answered names that API, not "VPC not available"', async () => {
    mountSeed(['address-groups']);
    nock(host('vpc')).get(`/v3/${PROJECT}/vpc/address-groups`).query(true).reply(404, {
      error_msg: 'The API does not exist or has not been published in the environment',
      error_code: 'APIGW.0101',
    });
    const { warnings } = await importHuaweiCloud(options());
    const line =
      warnings.find((w) => w.includes('address groups') || w.includes('address-groups')) ?? warnings.join('\n');
    expect(line).not.toMatch(/VPC is not available/);
    expect(line).toContain('although other VPC APIs answered');
  });
});
