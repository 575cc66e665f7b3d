// The Huawei Cloud importer reads enterprise routers through the ER v3 API (replayed responses on nock): instances,
// VPC and other attachments, route tables with their associations, propagations and static routes, and the routes
// non-VPC attachments propagate (from the effective routes).
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { importHuaweiCloud } from '../../../src/import/huaweicloud/index.js';
import { validateTopology } from '../../../src/topology/load.js';
import { ENV, host, mountSeed, PROJECT, REGION } from './replay.js';

const responses = JSON.parse(
  readFileSync(new URL('../../fixtures/import/huaweicloud/er-responses.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const ER = 'c1d2e3f4-0a1b-4c2d-8e3f-4a5b6c7d8e9f';
const RTA = 'd1e2f3a4-1b2c-4d3e-8f4a-5b6c7d8e9f00';
const RTB = 'd1e2f3a4-1b2c-4d3e-8f4a-5b6c7d8e9f01';
const AV = 'e1f2a3b4-2c3d-4e4f-8a5b-6c7d8e9f0a10';
const AN = 'e1f2a3b4-2c3d-4e4f-8a5b-6c7d8e9f0a11';

/** Mount every ER response of the fixture (path as recorded, limit as the import asks with pageSize 2). */
function mountEr(except: (key: string) => boolean = () => false): void {
  const scope = nock(host('er'));
  for (const [key, value] of Object.entries(responses)) {
    if (!key.startsWith('er ') || except(key)) continue;
    scope
      .get(key.slice(3))
      .query({ limit: '2' })
      .reply(200, value as Record<string, unknown>);
  }
}

describe('importHuaweiCloud: enterprise routers', () => {
  it('maps the ER, its attachments and both route tables', async () => {
    mountSeed(['er']);
    mountEr();
    const { topology, warnings } = await importHuaweiCloud({
      region: REGION,
      projectId: PROJECT,
      env: ENV,
      sleep: async () => {},
      pageSize: 2,
      now: () => new Date('2024-03-01T03:00:00Z'),
    });
    expect(nock.pendingMocks()).toEqual([]);
    expect(validateTopology(topology).ok).toBe(true);
    expect(warnings.filter((w) => w.includes('enterprise router'))).toEqual([]);
    const er = topology.enterpriseRouters?.[0];
    expect(er).toMatchObject({ id: ER, name: 'er-core', asn: 64512 });
    expect(er?.attachments).toEqual([
      {
        id: AV,
        name: 'att-prod',
        type: 'vpc',
        vpc: '545cc36a-453d-499d-9449-56925c5c86d7',
        subnet: '8b1e6b0c-2f3a-4d6e-9c5b-7a8f9e0d1c2b',
        autoCreateVpcRoutes: true,
      },
      // What the VPN propagates is known from the effective routes only.
      { id: AN, name: 'att-onprem', type: 'vpn', cidrs: ['10.8.0.0/16'] },
    ]);
    expect(er?.routeTables).toEqual([
      {
        id: RTA,
        name: 'ert-cloud',
        default: true,
        associations: [AV],
        propagations: [AN],
        routes: [{ destination: '10.99.0.0/16', blackhole: true }],
      },
      {
        id: RTB,
        name: 'ert-onprem',
        associations: [AN],
        propagations: [AV],
        routes: [{ destination: '172.16.0.0/16', attachment: AV }],
      },
    ]);
  });

  it('one route table whose calls fail is recorded unread; the other table and the attachments are imported', async () => {
    mountSeed(['er']);
    const failing = `/enterprise-router/${ER}/route-tables/${RTB}/associations`;
    mountEr((key) => key.endsWith(failing));
    nock(host('er'))
      .get(`/v3/${PROJECT}${failing}`)
      .query({ limit: '2' })
      .reply(500, { error_code: 'ER.0500', error_msg: 'Internal server error' });
    const { topology, warnings, skipped } = await importHuaweiCloud({
      region: REGION,
      projectId: PROJECT,
      env: ENV,
      sleep: async () => {},
      pageSize: 2,
      now: () => new Date('2024-03-01T03:00:00Z'),
    });
    expect(validateTopology(topology).ok).toBe(true);
    const er = topology.enterpriseRouters?.[0];
    expect(er?.attachments?.map((a) => a.id)).toEqual([AV, AN]);
    expect(er?.routeTables?.[0]).toMatchObject({ id: RTA, associations: [AV], propagations: [AN] });
    expect(er?.routeTables?.[1]).toEqual({
      id: RTB,
      name: 'ert-onprem',
      unread: expect.stringMatching(/500.*Internal server error/),
    });
    expect(warnings.some((w) => w.startsWith(`enterprise router ${ER} route table ${RTB} not read`))).toBe(true);
    expect(skipped?.filter((s) => s.service === 'er')).toEqual([
      expect.objectContaining({ what: `enterprise router ${ER} route table ${RTB}`, reason: 'error' }),
    ]);
  });

  it('a project without the ER service still imports, with a warning', async () => {
    mountSeed(['er']);
    nock(host('er'))
      .get(`/v3/${PROJECT}/enterprise-router/instances`)
      .query(true)
      .replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' });
    const { topology, warnings } = await importHuaweiCloud({
      region: REGION,
      projectId: PROJECT,
      env: ENV,
      sleep: async () => {},
      pageSize: 2,
      now: () => new Date('2024-03-01T03:00:00Z'),
    });
    expect(topology.enterpriseRouters).toBeUndefined();
    expect(warnings.some((w) => w.startsWith('skipped enterprise routers: ER is not available'))).toBe(true);
  });
});
