// One route-table or network-ACL detail call failing: that item is recorded as unread (with why) and every
// other one is still imported; questions that need it are then uncertain, naming it.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/answer/diagnose.js';
import { importHuaweiCloud } from '../../../src/import/huaweicloud/index.js';
import { refusePartial } from '../../../src/sync/partial.js';
import { compileTopology } from '../../../src/topology/compile.js';
import { validateTopology } from '../../../src/topology/load.js';
import { body, ENV, host, mountSeed, PROJECT, REGION, SEED_ACL, SEED_ROUTE_TABLE } from './replay.js';

const options = {
  region: REGION,
  projectId: PROJECT,
  env: ENV,
  sleep: async () => {},
  pageSize: 2,
  now: () => new Date('2024-03-01T03:00:00Z'),
};
const VPC = '545cc36a-453d-499d-9449-56925c5c86d7';
const SUBNET_DATA = '8b1e6b0c-2f3a-4d6e-9c5b-7a8f9e0d1c2b';
const SUBNET_SPARE = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';
const RTB_BROKEN = '7a1b2c3d-0000-4000-8000-00000000b0b0';
const RTB_OK = '7a1b2c3d-0000-4000-8000-00000000c0c0';
const ACL_BROKEN = 'f1e2d3c4-0000-4000-8000-00000000a0a0';
const serverError = { error_code: 'VPC.0500', error_msg: 'Internal server error' };

/** The seed, with three route tables (the second one's detail call answers 500) and two ACLs (the second fails). */
function mount() {
  mountSeed(['route-tables', 'network-acls']);
  const p = PROJECT;
  const table = (id: string, name: string, subnets: string[]) => ({
    id,
    name,
    default: false,
    vpc_id: VPC,
    tenant_id: p,
    subnets: subnets.map((s) => ({ id: s })),
  });
  const seedTable = (body(`vpc /v1/${p}/routetables`).routetables as unknown[])[0];
  nock(host('vpc'))
    .get(`/v1/${p}/routetables`)
    .query({ limit: '2' })
    .reply(200, { routetables: [seedTable, table(RTB_BROKEN, 'rtb-data', [SUBNET_DATA])] })
    .get(`/v1/${p}/routetables`)
    .query({ limit: '2', marker: RTB_BROKEN })
    .reply(200, { routetables: [table(RTB_OK, 'rtb-spare', [])] })
    .get(`/v1/${p}/routetables/${SEED_ROUTE_TABLE}`)
    .reply(200, body(`vpc /v1/${p}/routetables/${SEED_ROUTE_TABLE}`))
    .get(`/v1/${p}/routetables/${RTB_BROKEN}`)
    .reply(500, serverError)
    .get(`/v1/${p}/routetables/${RTB_OK}`)
    .reply(200, {
      routetable: {
        ...table(RTB_OK, 'rtb-spare', [SUBNET_SPARE]),
        routes: [
          { type: 'local', destination: '192.168.30.0/24', nexthop: '-' },
          { type: 'vpn', destination: '10.50.0.0/16', nexthop: 'vpn-gw-1' },
        ],
      },
    });
  const firewalls = body(`vpc /v3/${p}/vpc/firewalls`) as { firewalls: Record<string, unknown>[] };
  nock(host('vpc'))
    .get(`/v3/${p}/vpc/firewalls`)
    .query({ limit: '2' })
    .reply(200, {
      firewalls: [
        ...firewalls.firewalls,
        { id: ACL_BROKEN, name: 'acl-spare', admin_state_up: true, associations: [{ virsubnet_id: SUBNET_SPARE }] },
      ],
      page_info: { current_count: 2 },
    })
    .get(`/v3/${p}/vpc/firewalls/${SEED_ACL}`)
    .reply(200, body(`vpc /v3/${p}/vpc/firewalls/${SEED_ACL}`))
    .get(`/v3/${p}/vpc/firewalls/${ACL_BROKEN}`)
    .reply(500, serverError);
}

describe('Huawei importer: one failed detail call', () => {
  it('imports the other route tables and ACLs and records the failed ones as unread, with the reason', async () => {
    mount();
    const result = await importHuaweiCloud(options);
    expect(nock.pendingMocks()).toEqual([]);
    expect(validateTopology(result.topology).ok).toBe(true);
    const vpc = result.topology.vpcs?.find((v) => v.id === VPC);
    const tables = new Map((vpc?.routeTables ?? []).map((t) => [t.id, t]));
    // The tables that answered are imported in full.
    expect(tables.get(SEED_ROUTE_TABLE)?.routes?.map((r) => r.type)).toEqual(['cce', 'cce']);
    expect(tables.get(RTB_OK)?.routes).toEqual([{ destination: '10.50.0.0/16', type: 'vpn', nextHop: 'vpn-gw-1' }]);
    // The one that failed is kept, with what the listing said (name, subnets) and why its routes are unknown.
    expect(tables.get(RTB_BROKEN)).toMatchObject({ id: RTB_BROKEN, name: 'rtb-data', routes: [] });
    expect(tables.get(RTB_BROKEN)?.unread).toMatch(/500.*Internal server error/);
    const subnets = new Map((vpc?.subnets ?? []).map((s) => [s.id, s]));
    expect(subnets.get(SUBNET_DATA)?.routeTable).toBe(RTB_BROKEN);
    expect(subnets.get(SUBNET_SPARE)?.routeTable).toBe(RTB_OK);

    const acls = new Map((result.topology.networkAcls ?? []).map((a) => [a.id, a]));
    expect(acls.get(SEED_ACL)?.ingress?.map((r) => r.name)).toEqual(['deny-telnet', 'allow-vpc']);
    expect(acls.get(SEED_ACL)?.unread).toBeUndefined();
    expect(acls.get(ACL_BROKEN)?.unread).toMatch(/500.*Internal server error/);
    expect(subnets.get(SUBNET_SPARE)?.networkAcl).toBe(ACL_BROKEN);
    expect(subnets.get(SUBNET_DATA)?.networkAcl).toBe(SEED_ACL);

    // Said in the warnings and listed as skipped items, so a sync sees an incomplete import.
    expect(result.warnings.some((w) => w.startsWith(`route table ${RTB_BROKEN} not read`))).toBe(true);
    expect(result.warnings.some((w) => w.startsWith(`network ACL ${ACL_BROKEN} not read`))).toBe(true);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: `route table ${RTB_BROKEN}`, service: 'vpc', reason: 'error' }),
        expect.objectContaining({ what: `network ACL ${ACL_BROKEN}`, service: 'vpc', reason: 'error' }),
      ]),
    );
    expect(result.skipped?.some((s) => s.what === 'route tables' || s.what === 'network ACLs')).toBe(false);
  });

  it('a question through the unread table is uncertain, naming it; one that avoids it is not affected', async () => {
    mount();
    const { topology } = await importHuaweiCloud(options);
    const compiled = compileTopology(topology);
    // kafka-events sits in subnet-data, whose table could not be read.
    const kafka = diagnose(compiled, { cluster: 'prod', workload: null, destination: 'kafka-events', port: 9092 });
    const flows = 'flows' in kafka ? kafka.flows : [kafka];
    expect(flows.length).toBeGreaterThan(0);
    for (const flow of flows) {
      expect(flow.verdict).not.toBe('reachable');
      const step = flow.steps.find((s) => s.check === 'route-return');
      expect(step?.status).toBe('warn');
      expect(step?.summary).toContain(RTB_BROKEN);
      expect(step?.summary).toMatch(/Internal server error/);
    }
    // ecs-app sits in the node subnet: its path never uses the unread table or ACL.
    const ecs = diagnose(compiled, { cluster: 'prod', workload: null, destination: 'ecs-app', port: 22 });
    expect(JSON.stringify(ecs)).not.toContain(RTB_BROKEN);
    expect(JSON.stringify(ecs)).not.toContain(ACL_BROKEN);
  });

  it('a sync does not replace a stored topology with one that has unread items', async () => {
    mount();
    const result = await importHuaweiCloud(options);
    const refused = refusePartial(result, { version: 1 });
    expect(refused?.kind).toBe('partial');
    expect(refused?.message).toContain(`route table ${RTB_BROKEN}`);
    expect(refused?.message).toContain(`network ACL ${ACL_BROKEN}`);
    expect(refusePartial(result, undefined)).toBeUndefined();
  });

  it('when the route-table listing itself fails, each default table is recorded unread, not assumed local-only', async () => {
    mountSeed(['route-tables']);
    nock(host('vpc')).get(`/v1/${PROJECT}/routetables`).query({ limit: '2' }).reply(500, serverError);
    const result = await importHuaweiCloud(options);
    const vpc = result.topology.vpcs?.find((v) => v.id === VPC);
    expect(vpc?.routeTables).toEqual([
      expect.objectContaining({
        id: `${VPC}-default`,
        default: true,
        unread: expect.stringMatching(/could not be listed.*500/),
      }),
    ]);
    expect(result.warnings.some((w) => w.includes('assumed to hold only local routes'))).toBe(false);
  });
});
