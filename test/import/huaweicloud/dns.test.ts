// The Huawei Cloud importer reads private DNS zones and their record sets (marker pagination), the
// domain names RDS, DCS and DMS report, and takes per-service endpoint and domain overrides; driven once
// through a loopback HTTP server via the overrides, with the real fetch.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/answer/diagnose.js';
import { runCli } from '../../../src/cli/main.js';
import { flowsOf } from '../../../src/engine/diagnosis.js';
import { HuaweiCloudClient } from '../../../src/import/huaweicloud/client.js';
import {
  endpointSettings,
  HUAWEICLOUD_SERVICES,
  ImportSetupError,
  importHuaweiCloud,
} from '../../../src/import/huaweicloud/index.js';
import { compileTopology } from '../../../src/topology/compile.js';
import { parseTopology } from '../../../src/topology/load.js';
import { type LoopbackCloud, startLoopbackCloud } from './loopback.js';
import { body, DNS_ZONES, ENV, host, mountSeed, PROJECT, REGION } from './replay.js';

const SEED_VPC = '545cc36a-453d-499d-9449-56925c5c86d7';
const RDS_DOMAIN = 'a1b2c3.internal.cn-north-4.mysql.rds.myhuaweicloud.com';
const options = (extra: Partial<Parameters<typeof importHuaweiCloud>[0]> = {}) => ({
  region: REGION,
  projectId: PROJECT,
  env: ENV,
  sleep: async () => {},
  pageSize: 2,
  ...extra,
});

/** The seed RDS list with the private DNS name the instance reports. */
function rdsWithDomain() {
  const list = body(`rds /v3/${PROJECT}/instances`) as { instances: Record<string, unknown>[] };
  return { ...list, instances: list.instances.map((i) => ({ ...i, private_dns_names: [RDS_DOMAIN] })) };
}

describe('importHuaweiCloud: private DNS zones', () => {
  it('reads every page of zones and record sets, keeps A/AAAA/CNAME, and the RDS domain name', async () => {
    mountSeed(['rds']);
    nock(host('rds')).get(`/v3/${PROJECT}/instances`).query({ offset: '0', limit: '2' }).reply(200, rdsWithDomain());
    const { topology, warnings } = await importHuaweiCloud(options());
    expect(nock.pendingMocks()).toEqual([]);
    expect(topology.dnsZones).toEqual([
      { name: 'empty.example.com', id: DNS_ZONES.empty, vpcs: [SEED_VPC] },
      {
        name: 'internal.example.com',
        id: DNS_ZONES.internal,
        vpcs: [SEED_VPC],
        records: [
          { name: 'orders-db.internal.example.com', type: 'CNAME', values: [RDS_DOMAIN] },
          { name: 'web.internal.example.com', type: 'A', values: ['192.168.10.52', '192.168.10.53'] },
        ],
      },
    ]);
    const text = warnings.join('\n');
    expect(text).toMatch(/other\.example\.com\. .*no imported VPC is associated with it/);
    expect(text).toMatch(/1 TXT record set\(s\) left out/);
    expect(text).not.toMatch(/SOA/);
    expect(topology.resources?.find((r) => r.type === 'rds')?.domainNames).toEqual([RDS_DOMAIN]);

    const compiled = compileTopology(topology);
    const result = diagnose(compiled, {
      cluster: 'prod',
      workload: null,
      destination: 'orders-db.internal.example.com',
    });
    expect(flowsOf(result).map((f) => [f.destination.resource, f.question.port])).toEqual([['mysql-orders', 3306]]);
    const web = diagnose(compiled, {
      cluster: 'prod',
      workload: null,
      destination: 'web.internal.example.com',
      port: 22,
    });
    expect(flowsOf(web).map((f) => f.destination.address)).toEqual(['192.168.10.52', '192.168.10.53']);
  });

  it('reads only the zones of the VPCs asked for', async () => {
    mountSeed(['dns']);
    nock(host('dns'))
      .get('/v2/zones')
      .query({ type: 'private', limit: '2' })
      .reply(200, { zones: (body('dns /v2/zones#1') as { zones: unknown[] }).zones.slice(1) });
    const { topology } = await importHuaweiCloud(options({ vpcIds: [SEED_VPC] }));
    expect(topology.dnsZones).toBeUndefined();
  });

  it('a DNS service the credential may not read is skipped with a warning; the rest is imported', async () => {
    mountSeed(['dns']);
    nock(host('dns'))
      .get('/v2/zones')
      .query(true)
      .reply(403, { code: 'DNS.0030', message: 'Policy doesn\u2019t allow dns:zone:list to be performed.' });
    const { topology, warnings } = await importHuaweiCloud(options());
    expect(topology.vpcs?.length).toBe(1);
    expect(warnings.join('\n')).toMatch(/skipped private DNS zones: the credential may not read it \(DNS\.0030/);
  });

  it('DCS domain_name and DMS connect-address host names become domain names', async () => {
    mountSeed(['dcs', 'dms']);
    const instance = {
      instance_id: 'dcs-1',
      name: 'cache',
      engine: 'Redis',
      engine_version: '3.0',
      ip: '192.168.20.40',
      port: 6379,
      vpc_id: SEED_VPC,
      subnet_id: '8b1e6b0c-2f3a-4d6e-9c5b-7a8f9e0d1c2b',
      domain_name: 'redis-abc.dcs.huaweicloud.com',
    };
    nock(host('dcs'))
      .get(`/v2/${PROJECT}/instances`)
      .query({ offset: '0', limit: '2' })
      .reply(200, { instance_num: 1, instances: [instance] });
    const kafka = body(`dms /v2/${PROJECT}/instances?engine=kafka`) as { instances: Record<string, unknown>[] };
    nock(host('dms'))
      .get(`/v2/${PROJECT}/instances`)
      .query({ engine: 'kafka', offset: '0', limit: '2' })
      .reply(200, {
        ...kafka,
        instances: kafka.instances.map((i) => ({
          ...i,
          connect_address: '192.168.20.41,broker-1.kafka.example.com:9092',
        })),
      })
      .get(`/v2/${PROJECT}/instances`)
      .query({ engine: 'rabbitmq', offset: '0', limit: '2' })
      .reply(200, { instances: [], instance_num: 0 });
    const { topology, warnings } = await importHuaweiCloud(options());
    expect(topology.resources?.find((r) => r.name === 'cache')?.domainNames).toEqual(['redis-abc.dcs.huaweicloud.com']);
    const broker = topology.resources?.find((r) => r.type === 'kafka');
    expect(broker?.addresses).toEqual(['192.168.20.41']);
    expect(broker?.domainNames).toEqual(['broker-1.kafka.example.com']);
    expect(warnings.join('\n')).not.toMatch(/broker-1.*not an IP address/);
  });
});

describe('endpoint and domain overrides', () => {
  let cloud: LoopbackCloud | undefined;
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  const overrideEnv = (c: LoopbackCloud) =>
    Object.fromEntries(HUAWEICLOUD_SERVICES.map((s) => [`HUAWEICLOUD_ENDPOINT_${s.toUpperCase()}`, c.endpoint(s)]));

  it('imports the seed project, DNS included, from a loopback endpoint with the real fetch', async () => {
    cloud = await startLoopbackCloud({ [`rds /v3/${PROJECT}/instances`]: rdsWithDomain() });
    const env = { ...ENV, ...overrideEnv(cloud) };
    const { topology, warnings } = await importHuaweiCloud(options({ env }));
    // The same document the replayed (nock) import gives, DNS zones and all.
    mountSeed(['rds']);
    nock(host('rds')).get(`/v3/${PROJECT}/instances`).query({ offset: '0', limit: '2' }).reply(200, rdsWithDomain());
    const replayed = await importHuaweiCloud(options());
    expect(topology).toEqual(replayed.topology);
    expect(topology.dnsZones?.map((z) => z.name)).toEqual(['empty.example.com', 'internal.example.com']);
    expect(warnings.join('\n')).toMatch(/skipped DCS instances: DCS is not available/);
    const services = new Set(cloud.requests.map((r) => r.service));
    expect([...services].sort()).toEqual(['cce', 'dcs', 'dms', 'dns', 'ecs', 'er', 'nat', 'rds', 'vpc']);
    expect(cloud.requests.filter((r) => r.service === 'dns').map((r) => r.path)).toEqual([
      '/v2/zones',
      '/v2/zones',
      `/v2/zones/${DNS_ZONES.internal}/recordsets`,
      `/v2/zones/${DNS_ZONES.internal}/recordsets`,
      `/v2/zones/${DNS_ZONES.other}/recordsets`,
      `/v2/zones/${DNS_ZONES.empty}/recordsets`,
    ]);
    expect(cloud.requests.every((r) => r.authorization?.startsWith('SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK'))).toBe(true);
  });

  it('`reachbot import huaweicloud --endpoint` flags reach the loopback endpoint and the answer uses its names', async () => {
    cloud = await startLoopbackCloud({ [`rds /v3/${PROJECT}/instances`]: rdsWithDomain() });
    const c = cloud;
    const flags = HUAWEICLOUD_SERVICES.flatMap((s) => ['--endpoint', `${s}=${c.endpoint(s)}`]);
    let stdout = '';
    let stderr = '';
    const code = await runCli(['import', 'huaweicloud', '--region', REGION, '--project-id', PROJECT, ...flags], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { ...ENV, REACHBOT_STORE: '/nonexistent/never-written.json' },
      cwd: process.cwd(),
    });
    expect({ code, stderr: stderr.includes('import failed') ? stderr : '' }).toEqual({ code: 0, stderr: '' });
    const parsed = parseTopology(stdout);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.topology.dnsZones?.find((z) => z.name === 'internal.example.com')?.records?.length).toBe(2);
    expect(cloud.requests.some((r) => r.service === 'dns')).toBe(true);
  });

  it('HUAWEICLOUD_DOMAIN and --domain replace myhuaweicloud.com; a service override wins for its service', () => {
    const settings = endpointSettings({
      env: { HUAWEICLOUD_DOMAIN: 'cloud.example.eu', HUAWEICLOUD_ENDPOINT_DNS: 'https://dns.gw.example.eu/api/' },
    });
    const client = new HuaweiCloudClient({
      region: 'eu-west-101',
      credentials: { accessKey: 'a', secretKey: 'b' },
      ...settings,
    });
    expect(client.endpoint('vpc')).toBe('https://vpc.eu-west-101.cloud.example.eu');
    expect(client.endpoint('dns')).toBe('https://dns.gw.example.eu/api/');
    const flagged = endpointSettings({
      env: { HUAWEICLOUD_DOMAIN: 'a.example' },
      domain: 'b.example',
      endpoints: { DNS: 'http://127.0.0.1:1' },
    });
    expect(flagged).toEqual({ domain: 'b.example', endpoints: { dns: 'http://127.0.0.1:1' } });
  });

  it('a bad override is a setup error naming what is wrong', () => {
    expect(() => endpointSettings({ env: { HUAWEICLOUD_ENDPOINT_VCP: 'https://x.example' } })).toThrow(
      /no service "vcp" to override: the importer calls iam, vpc/,
    );
    expect(() => endpointSettings({ env: {}, endpoints: { dns: 'ftp://x.example' } })).toThrow(ImportSetupError);
    expect(() => endpointSettings({ env: {}, endpoints: { dns: 'not a url' } })).toThrow(/not an http\(s\) base URL/);
    expect(() => endpointSettings({ env: { HUAWEICLOUD_DOMAIN: 'bad domain' } })).toThrow(/is not a domain name/);
  });

  it('a zone whose record sets fail is kept unread; the other zones are imported and its names are unknown, not absent', async () => {
    mountSeed(['dns']);
    nock(host('dns'))
      .get('/v2/zones')
      .query({ type: 'private', limit: '2' })
      .reply(200, body('dns /v2/zones#1'))
      .get('/v2/zones')
      .query({ type: 'private', limit: '2', marker: DNS_ZONES.other })
      .reply(200, body('dns /v2/zones#2'))
      .get(`/v2/zones/${DNS_ZONES.internal}/recordsets`)
      .query({ limit: '2' })
      .reply(500, { code: 'DNS.0500', message: 'Internal server error' });
    for (const zone of [DNS_ZONES.other, DNS_ZONES.empty])
      nock(host('dns'))
        .get(`/v2/zones/${zone}/recordsets`)
        .query({ limit: '2' })
        .reply(200, body(`dns /v2/zones/${zone}/recordsets#1`));
    const { topology, warnings, skipped } = await importHuaweiCloud(options());
    const internal = topology.dnsZones?.find((z) => z.id === DNS_ZONES.internal);
    expect(internal).toMatchObject({ name: 'internal.example.com', vpcs: [SEED_VPC] });
    expect(internal?.records).toBeUndefined();
    expect(internal?.unread).toMatch(/500/);
    expect(topology.dnsZones?.find((z) => z.id === DNS_ZONES.empty)?.unread).toBeUndefined();
    expect(warnings.some((w) => w.startsWith('private DNS zone internal.example.com.'))).toBe(true);
    expect(skipped?.filter((x) => x.service === 'dns')).toEqual([
      expect.objectContaining({ what: expect.stringContaining(DNS_ZONES.internal), reason: 'error' }),
    ]);
    const compiled = compileTopology(topology);
    expect(() =>
      diagnose(compiled, { cluster: 'prod', workload: null, destination: 'web.internal.example.com', port: 80 }),
    ).toThrow(/record sets of private zone internal\.example\.com could not be read.*500.*ask by IP address/);
  });
});
