// A loopback Huawei Cloud API double: an HTTP server on 127.0.0.1 (port 0) that answers every call the importer
// makes, with the documented pagination of each API (v3 page_info markers, v1 full-page markers, v2.0 links,
// offsets), from a network the test can change between syncs. It also throttles (429 with Retry-After) and
// refuses an expired key (401, APIGW.0301) on demand, and checks that each request is signed.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const REGION = 'cn-north-4';
export const PROJECT = '0a1b2c3d4e5f67890a1b2c3d4e5f6789';
export const ACCESS_KEY = 'HPUAEXAMPLEAK12345678';
export const ENV = { HUAWEICLOUD_SDK_AK: ACCESS_KEY, HUAWEICLOUD_SDK_SK: 'exampleSecretKey0123456789abcdefghijkl' };

type Item = Record<string, unknown> & { id?: string };

/** The network the double serves; tests change it between syncs. */
export interface DoubleNetwork {
  vpcs: Item[];
  subnets: Item[];
  routeTables: Item[];
  routeTableDetails: Record<string, Item>;
  peerings: Item[];
  addressGroups: Item[];
  securityGroups: Item[];
  securityGroupRules: Item[];
  firewalls: Item[];
  firewallDetails: Record<string, Item>;
  ports: Item[];
  clusters: Item[];
  nodes: Record<string, Item[]>;
  servers: Item[];
  dcs: Item[];
  rds: Item[];
  kafka: Item[];
  rabbitmq: Item[];
  natGateways: Item[];
  snatRules: Item[];
  enterpriseRouters: Item[];
  /** Private DNS zones, and each zone's record sets by zone id. */
  dnsZones: Item[];
  dnsRecords: Record<string, Item[]>;
}

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/import/huaweicloud/seed-responses.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;

function pick(key: string, field: string): Item[] {
  const body = seed[key];
  if (!body) throw new Error(`no fixture ${key}`);
  return structuredClone((body[field] ?? []) as Item[]);
}

/** The seed project (the CCE documentation's example) as a network. */
export function seedNetwork(): DoubleNetwork {
  const p = PROJECT;
  const rtb = '66df8c1f-d4f6-4a63-9abb-09701fe27b39';
  const acl = 'e9a7e6d5-c4b3-4a29-8f18-07e6d5c4b3a2';
  const cluster = '4a1b2c3d-5e6f-11ee-9a0b-0255ac100b05';
  return {
    vpcs: pick(`vpc /v3/${p}/vpc/vpcs`, 'vpcs'),
    subnets: [...pick(`vpc /v1/${p}/subnets#1`, 'subnets'), ...pick(`vpc /v1/${p}/subnets#2`, 'subnets')],
    routeTables: pick(`vpc /v1/${p}/routetables`, 'routetables'),
    routeTableDetails: { [rtb]: structuredClone(seed[`vpc /v1/${p}/routetables/${rtb}`]?.routetable as Item) },
    peerings: pick('vpc /v2.0/vpc/peerings', 'peerings'),
    addressGroups: pick(`vpc /v3/${p}/vpc/address-groups`, 'address_groups'),
    securityGroups: pick(`vpc /v3/${p}/vpc/security-groups`, 'security_groups'),
    securityGroupRules: [
      ...pick(`vpc /v3/${p}/vpc/security-group-rules#1`, 'security_group_rules'),
      ...pick(`vpc /v3/${p}/vpc/security-group-rules#2`, 'security_group_rules'),
    ],
    firewalls: pick(`vpc /v3/${p}/vpc/firewalls`, 'firewalls'),
    firewallDetails: { [acl]: structuredClone(seed[`vpc /v3/${p}/vpc/firewalls/${acl}`]?.firewall as Item) },
    ports: pick(`vpc /v1/${p}/ports`, 'ports'),
    clusters: pick(`cce /api/v3/projects/${p}/clusters`, 'items'),
    nodes: { [cluster]: pick(`cce /api/v3/projects/${p}/clusters/${cluster}/nodes`, 'items') },
    servers: pick(`ecs /v1/${p}/cloudservers/detail`, 'servers'),
    dcs: [],
    rds: pick(`rds /v3/${p}/instances`, 'instances'),
    kafka: pick(`dms /v2/${p}/instances?engine=kafka`, 'instances'),
    rabbitmq: pick(`dms /v2/${p}/instances?engine=rabbitmq`, 'instances'),
    natGateways: pick(`nat /v2/${p}/nat_gateways`, 'nat_gateways'),
    snatRules: pick(`nat /v2/${p}/snat_rules`, 'snat_rules'),
    enterpriseRouters: [],
    dnsZones: [
      {
        id: 'ff8080825ca865e8015ca99563af004a',
        name: 'internal.example.com.',
        zone_type: 'private',
        status: 'ACTIVE',
        routers: [{ router_id: '545cc36a-453d-499d-9449-56925c5c86d7', router_region: REGION }],
      },
    ],
    dnsRecords: {
      ff8080825ca865e8015ca99563af004a: [
        {
          id: 'rs-1',
          name: 'internal.example.com.',
          type: 'SOA',
          status: 'ACTIVE',
          records: ['ns1 admin 1 7200 900 1209600 300'],
        },
        {
          id: 'rs-2',
          name: 'orders-db.internal.example.com.',
          type: 'A',
          status: 'ACTIVE',
          records: ['192.168.20.30'],
        },
        { id: 'rs-3', name: 'app.internal.example.com.', type: 'A', status: 'ACTIVE', records: ['192.168.10.52'] },
      ],
    },
  };
}

export interface HuaweiDouble {
  readonly url: string;
  network: DoubleNetwork;
  /** Every request as "service path" (query left out), in order. */
  readonly requests: string[];
  /** Answer the next `count` requests to paths ending with this suffix with 429 and Retry-After. */
  throttle(pathSuffix: string, count: number, retryAfterSeconds?: number): void;
  /** Answer every call to `service` with this HTTP status and Huawei error code (until `heal`). */
  fail(service: string, status: number, errorCode: string): void;
  heal(service: string): void;
  /** While true, every request is refused as an expired access key. */
  expiredKey: boolean;
  /** A fetch that sends the importer's https://{service}.{region}.myhuaweicloud.com calls here. */
  readonly fetch: typeof fetch;
  close(): Promise<void>;
}

/** Start the double on 127.0.0.1, a free port. */
export async function startHuaweiDouble(network: DoubleNetwork = seedNetwork()): Promise<HuaweiDouble> {
  const requests: string[] = [];
  const throttles: { suffix: string; left: number; retryAfter: number }[] = [];
  const state = { expiredKey: false };
  const failing = new Map<string, { status: number; errorCode: string }>();
  let double: HuaweiDouble;

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      send(res, 500, { error_code: 'DOUBLE.500', error_msg: String(error) });
    }
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://double');
    const [, service = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    requests.push(`${service} ${path}`);
    const auth = String(req.headers.authorization ?? '');
    if (!auth.startsWith(`SDK-HMAC-SHA256 Access=${ACCESS_KEY},`) || !req.headers['x-sdk-date']) {
      return send(res, 401, {
        error_code: 'APIGW.0301',
        error_msg: 'Incorrect IAM authentication information: unsigned',
      });
    }
    if (state.expiredKey) {
      return send(res, 401, {
        error_code: 'APIGW.0301',
        error_msg: 'Incorrect IAM authentication information: the access key has expired',
      });
    }
    const failure = failing.get(service);
    if (failure)
      return send(res, failure.status, { error_code: failure.errorCode, error_msg: 'refused by the double' });
    const throttle = throttles.find((t) => t.left > 0 && path.endsWith(t.suffix));
    if (throttle) {
      throttle.left--;
      res.setHeader('retry-after', String(throttle.retryAfter));
      return send(res, 429, { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' });
    }
    const q = url.searchParams;
    const limit = Number(q.get('limit') ?? 1000);
    const marker = q.get('marker') ?? undefined;
    const net = double.network;
    const p = PROJECT;
    const afterMarker = (items: Item[]) => {
      const start = marker ? items.findIndex((item) => item.id === marker) + 1 : 0;
      return items.slice(start, start + limit);
    };
    const v3 = (field: string, items: Item[]) => {
      const page = afterMarker(items);
      const last = page[page.length - 1];
      const more = last !== undefined && items.indexOf(last) < items.length - 1;
      return send(res, 200, {
        request_id: 'double',
        [field]: page,
        page_info: { current_count: page.length, ...(more ? { next_marker: last.id } : {}) },
      });
    };
    const byOffset = (items: Item[], total: string, extra: Record<string, unknown> = {}) => {
      const offset = Number(q.get('offset') ?? 0);
      return send(res, 200, { instances: items.slice(offset, offset + limit), [total]: items.length, ...extra });
    };

    if (service === 'iam' && path === '/v3/projects') {
      return send(res, 200, { projects: [{ id: p, name: q.get('name') ?? REGION }] });
    }
    if (service === 'vpc') {
      switch (path) {
        case `/v3/${p}/vpc/vpcs`:
          return v3('vpcs', net.vpcs);
        case `/v1/${p}/subnets`:
          return send(res, 200, { subnets: afterMarker(net.subnets) });
        case `/v1/${p}/routetables`:
          return send(res, 200, { routetables: afterMarker(net.routeTables) });
        case '/v2.0/vpc/peerings': {
          const page = afterMarker(net.peerings);
          const last = page[page.length - 1];
          const more = last !== undefined && net.peerings.indexOf(last) < net.peerings.length - 1;
          return send(res, 200, { peerings: page, peerings_links: more ? [{ rel: 'next', href: 'next' }] : [] });
        }
        case `/v3/${p}/vpc/address-groups`:
          return v3('address_groups', net.addressGroups);
        case `/v3/${p}/vpc/security-groups`:
          return v3('security_groups', net.securityGroups);
        case `/v3/${p}/vpc/security-group-rules`:
          return v3('security_group_rules', net.securityGroupRules);
        case `/v3/${p}/vpc/firewalls`:
          return v3('firewalls', net.firewalls);
        case `/v1/${p}/ports`:
          return send(res, 200, { ports: afterMarker(net.ports) });
      }
      const table = path.match(new RegExp(`^/v1/${p}/routetables/(.+)$`))?.[1];
      if (table && net.routeTableDetails[table]) return send(res, 200, { routetable: net.routeTableDetails[table] });
      const acl = path.match(new RegExp(`^/v3/${p}/vpc/firewalls/(.+)$`))?.[1];
      if (acl && net.firewallDetails[acl]) return send(res, 200, { firewall: net.firewallDetails[acl] });
    }
    if (service === 'dns') {
      // Marker pagination; `links.next` while more follow.
      const page = (field: string, items: Item[]) => {
        const got = afterMarker(items);
        const last = got[got.length - 1];
        const more = last !== undefined && items.indexOf(last) < items.length - 1;
        return send(res, 200, { links: more ? { self: 'self', next: 'next' } : { self: 'self' }, [field]: got });
      };
      if (path === '/v2/zones') return page('zones', q.get('type') === 'private' ? net.dnsZones : []);
      const zone = path.match(/^\/v2\/zones\/([^/]+)\/recordsets$/)?.[1];
      if (zone && net.dnsRecords[zone]) return page('recordsets', net.dnsRecords[zone]);
    }
    if (service === 'er' && path === `/v3/${p}/enterprise-router/instances`) {
      return v3('instances', net.enterpriseRouters);
    }
    if (service === 'cce') {
      if (path === `/api/v3/projects/${p}/clusters`) return send(res, 200, { kind: 'Cluster', items: net.clusters });
      const cluster = path.match(new RegExp(`^/api/v3/projects/${p}/clusters/([^/]+)/nodes$`))?.[1];
      if (cluster) return send(res, 200, { kind: 'List', items: net.nodes[cluster] ?? [] });
    }
    if (service === 'ecs' && path === `/v1/${p}/cloudservers/detail`) {
      // ECS counts `offset` in pages, from 1.
      const page = Number(q.get('offset') ?? 1);
      return send(res, 200, {
        count: net.servers.length,
        servers: net.servers.slice((page - 1) * limit, page * limit),
      });
    }
    if (service === 'dcs' && path === `/v2/${p}/instances`) return byOffset(net.dcs, 'instance_num');
    if (service === 'rds' && path === `/v3/${p}/instances`) return byOffset(net.rds, 'total_count');
    if (service === 'dms' && path === `/v2/${p}/instances`) {
      return byOffset(q.get('engine') === 'rabbitmq' ? net.rabbitmq : net.kafka, 'instance_num');
    }
    if (service === 'nat' && path === `/v2/${p}/nat_gateways`)
      return send(res, 200, { nat_gateways: net.natGateways.slice(0, limit) });
    if (service === 'nat' && path === `/v2/${p}/snat_rules`)
      return send(res, 200, { snat_rules: net.snatRules.slice(0, limit) });
    return send(res, 404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published' });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const redirect: typeof fetch = (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    const service = target.hostname.split('.')[0] ?? '';
    return globalThis.fetch(`${base}/${service}${target.pathname}${target.search}`, init);
  };
  double = {
    url: base,
    network,
    requests,
    throttle(suffix, count, retryAfterSeconds = 1) {
      throttles.push({ suffix, left: count, retryAfter: retryAfterSeconds });
    },
    fail(service, status, errorCode) {
      failing.set(service, { status, errorCode });
    },
    heal(service) {
      failing.delete(service);
    },
    get expiredKey() {
      return state.expiredKey;
    },
    set expiredKey(value: boolean) {
      state.expiredKey = value;
    },
    fetch: redirect,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return double;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
