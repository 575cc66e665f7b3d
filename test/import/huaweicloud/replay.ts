// Mounts the replayed Huawei Cloud API responses of test/fixtures/import/huaweicloud on nock.
import { readFileSync } from 'node:fs';
import nock from 'nock';

export const REGION = 'cn-north-4';
export const PROJECT = '0a1b2c3d4e5f67890a1b2c3d4e5f6789';
/** The seed project's CCE cluster (its uid). */
export const CLUSTER = '4a1b2c3d-5e6f-11ee-9a0b-0255ac100b05';
export const ENV = {
  HUAWEICLOUD_SDK_AK: 'HPUAEXAMPLEAK12345678',
  HUAWEICLOUD_SDK_SK: 'exampleSecretKey0123456789abcdefghijkl',
};

const responses = JSON.parse(
  readFileSync(new URL('../../fixtures/import/huaweicloud/seed-responses.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const dnsResponses = JSON.parse(
  readFileSync(new URL('../../fixtures/import/huaweicloud/dns-responses.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** The seed project's private zones: internal (the seed VPC), other (a VPC not imported), empty. */
export const DNS_ZONES = {
  internal: 'ff8080828a1b2c3d018a1b2c3d4e0001',
  other: 'ff8080828a1b2c3d018a1b2c3d4e0002',
  empty: 'ff8080828a1b2c3d018a1b2c3d4e0003',
} as const;

/** The fixture body for "service path[#page|?query]". */
export function body(key: string): Record<string, unknown> {
  const value = responses[key] ?? dnsResponses[key];
  if (!value) throw new Error(`no fixture ${key}`);
  return value as Record<string, unknown>;
}

/** The seed VPC's default route table and its network ACL (on subnet-data). */
export const SEED_ROUTE_TABLE = '66df8c1f-d4f6-4a63-9abb-09701fe27b39';
export const SEED_ACL = 'e9a7e6d5-c4b3-4a29-8f18-07e6d5c4b3a2';

export const host = (service: string) => `https://${service}.${REGION}.myhuaweicloud.com`;

/** Every call of the seed import with page size 2, except those named in `except` (mounted by the test). */
export function mountSeed(except: readonly string[] = []): void {
  const p = PROJECT;
  const on = (key: string) => !except.includes(key);
  const vpc = nock(host('vpc'));
  if (on('vpcs'))
    vpc
      .get(`/v3/${p}/vpc/vpcs`)
      .query({ limit: '2' })
      .reply(200, body(`vpc /v3/${p}/vpc/vpcs`));
  vpc
    .get(`/v1/${p}/subnets`)
    .query({ limit: '2' })
    .reply(200, body(`vpc /v1/${p}/subnets#1`));
  vpc
    .get(`/v1/${p}/subnets`)
    .query({ limit: '2', marker: '8b1e6b0c-2f3a-4d6e-9c5b-7a8f9e0d1c2b' })
    .reply(200, body(`vpc /v1/${p}/subnets#2`));
  if (on('route-tables')) {
    vpc
      .get(`/v1/${p}/routetables`)
      .query({ limit: '2' })
      .reply(200, body(`vpc /v1/${p}/routetables`));
    vpc
      .get(`/v1/${p}/routetables/${SEED_ROUTE_TABLE}`)
      .reply(200, body(`vpc /v1/${p}/routetables/${SEED_ROUTE_TABLE}`));
  }
  vpc.get('/v2.0/vpc/peerings').query({ limit: '2' }).reply(200, body('vpc /v2.0/vpc/peerings'));
  if (on('address-groups'))
    vpc
      .get(`/v3/${p}/vpc/address-groups`)
      .query({ limit: '2' })
      .reply(200, body(`vpc /v3/${p}/vpc/address-groups`));
  vpc
    .get(`/v3/${p}/vpc/security-groups`)
    .query({ limit: '2' })
    .reply(200, body(`vpc /v3/${p}/vpc/security-groups`));
  vpc
    .get(`/v3/${p}/vpc/security-group-rules`)
    .query({ limit: '2' })
    .reply(200, body(`vpc /v3/${p}/vpc/security-group-rules#1`));
  vpc
    .get(`/v3/${p}/vpc/security-group-rules`)
    .query({ limit: '2', marker: 'b4cb381f-f69c-443e-8a23-bf8fbf1da0c9' })
    .reply(200, body(`vpc /v3/${p}/vpc/security-group-rules#2`));
  if (on('network-acls')) {
    vpc
      .get(`/v3/${p}/vpc/firewalls`)
      .query({ limit: '2' })
      .reply(200, body(`vpc /v3/${p}/vpc/firewalls`));
    vpc.get(`/v3/${p}/vpc/firewalls/${SEED_ACL}`).reply(200, body(`vpc /v3/${p}/vpc/firewalls/${SEED_ACL}`));
  }
  vpc
    .get(`/v1/${p}/ports`)
    .query({ limit: '2' })
    .reply(200, body(`vpc /v1/${p}/ports`));

  // The seed project has no enterprise router.
  if (on('er'))
    nock(host('er'))
      .get(`/v3/${p}/enterprise-router/instances`)
      .query({ limit: '2' })
      .reply(200, { instances: [], page_info: { current_count: 0 } });
  if (on('cce'))
    nock(host('cce'))
      .get(`/api/v3/projects/${p}/clusters`)
      .reply(200, body(`cce /api/v3/projects/${p}/clusters`))
      .get(`/api/v3/projects/${p}/clusters/${CLUSTER}/nodes`)
      .reply(200, body(`cce /api/v3/projects/${p}/clusters/${CLUSTER}/nodes`));
  if (on('ecs'))
    nock(host('ecs'))
      .get(`/v1/${p}/cloudservers/detail`)
      .query({ offset: '1', limit: '2' })
      .reply(200, body(`ecs /v1/${p}/cloudservers/detail`));
  if (on('dcs'))
    nock(host('dcs'))
      .get(`/v2/${p}/instances`)
      .query(true)
      .replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' });
  if (on('rds'))
    nock(host('rds'))
      .get(`/v3/${p}/instances`)
      .query({ offset: '0', limit: '2' })
      .reply(200, body(`rds /v3/${p}/instances`));
  if (on('dms'))
    nock(host('dms'))
      .get(`/v2/${p}/instances`)
      .query({ engine: 'kafka', offset: '0', limit: '2' })
      .reply(200, body(`dms /v2/${p}/instances?engine=kafka`))
      .get(`/v2/${p}/instances`)
      .query({ engine: 'rabbitmq', offset: '0', limit: '2' })
      .reply(200, body(`dms /v2/${p}/instances?engine=rabbitmq`));
  if (on('dns')) {
    const dns = nock(host('dns'))
      .get('/v2/zones')
      .query({ type: 'private', limit: '2' })
      .reply(200, body('dns /v2/zones#1'))
      .get('/v2/zones')
      .query({ type: 'private', limit: '2', marker: DNS_ZONES.other })
      .reply(200, body('dns /v2/zones#2'))
      .get(`/v2/zones/${DNS_ZONES.internal}/recordsets`)
      .query({ limit: '2' })
      .reply(200, body(`dns /v2/zones/${DNS_ZONES.internal}/recordsets#1`))
      .get(`/v2/zones/${DNS_ZONES.internal}/recordsets`)
      .query({ limit: '2', marker: '2c9eb155587194ec01587224c9f9a002' })
      .reply(200, body(`dns /v2/zones/${DNS_ZONES.internal}/recordsets#2`));
    for (const zone of [DNS_ZONES.other, DNS_ZONES.empty])
      dns
        .get(`/v2/zones/${zone}/recordsets`)
        .query({ limit: '2' })
        .reply(200, body(`dns /v2/zones/${zone}/recordsets#1`));
  }
  if (on('nat'))
    nock(host('nat'))
      .get(`/v2/${p}/nat_gateways`)
      .query({ limit: '2' })
      .reply(200, body(`nat /v2/${p}/nat_gateways`))
      .get(`/v2/${p}/snat_rules`)
      .query({ limit: '2' })
      .reply(200, body(`nat /v2/${p}/snat_rules`));
}
