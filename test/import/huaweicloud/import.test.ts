import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { HuaweiCloudAuthError, ImportSetupError, importHuaweiCloud } from '../../../src/import/huaweicloud/index.js';
import { validateTopology } from '../../../src/topology/load.js';
import { body, ENV, host, mountSeed, PROJECT, REGION } from './replay.js';

const noSleep = async () => {};
const options = (extra: Partial<Parameters<typeof importHuaweiCloud>[0]> = {}) => ({
  region: REGION,
  projectId: PROJECT,
  env: ENV,
  sleep: noSleep,
  pageSize: 2,
  now: () => new Date('2024-03-01T03:00:00Z'),
  ...extra,
});

const DCS_SECURITY_GROUP = '69c999ad-d9ef-4d79-94fd-35e6ceb75325';
const dcsInstance = (id: string, name: string, version: string, ip: string, extra: Record<string, unknown> = {}) => ({
  instance_id: id,
  name,
  engine: 'Redis',
  engine_version: version,
  ip,
  port: 6379,
  vpc_id: '545cc36a-453d-499d-9449-56925c5c86d7',
  subnet_id: '8b1e6b0c-2f3a-4d6e-9c5b-7a8f9e0d1c2b',
  ...extra,
});
/** The DCS instance list (one page at pageSize 2) answering with these instances. */
const listDcs = (...instances: ReturnType<typeof dcsInstance>[]) =>
  nock(host('dcs'))
    .get(`/v2/${PROJECT}/instances`)
    .query({ offset: '0', limit: '2' })
    .reply(200, { instance_num: instances.length, instances });

describe('importHuaweiCloud', () => {
  it('maps the seed project: VPC, both subnet ids, cluster, nodes, ECS with its port security groups', async () => {
    mountSeed();
    const { topology, warnings } = await importHuaweiCloud(options());
    expect(nock.pendingMocks()).toEqual([]);
    expect(validateTopology(topology).ok).toBe(true);

    const vpc = topology.vpcs?.[0];
    expect(vpc?.id).toBe('545cc36a-453d-499d-9449-56925c5c86d7');
    expect(vpc?.name).toBe('vpc-prod');
    expect(vpc?.subnets?.map((s) => s.cidr)).toEqual(['192.168.10.0/24', '192.168.20.0/24', '192.168.30.0/24']);
    expect(vpc?.subnets?.find((s) => s.name === 'subnet-nodes')).toMatchObject({
      id: '4779ab1c-7c1a-44b1-a02e-93dfc361b32d',
      ipv4SubnetId: '213cb9d0-3ef0-4b72-9b8e-4ce0c4ce2e9a',
    });
    // local routes are implied; CCE's per-node routes stay
    expect(vpc?.routeTables?.[0]?.routes?.map((r) => `${r.destination} ${r.type}`)).toEqual([
      '172.16.0.0/25 cce',
      '172.16.0.128/25 cce',
    ]);
    expect(vpc?.natGateways?.[0]?.snatRules).toEqual([
      { source: '4779ab1c-7c1a-44b1-a02e-93dfc361b32d', eip: '203.0.113.7' },
    ]);

    expect(topology.clusters).toEqual([
      {
        name: 'prod',
        id: '4a1b2c3d-5e6f-11ee-9a0b-0255ac100b05',
        vpc: '545cc36a-453d-499d-9449-56925c5c86d7',
        networkModel: 'vpc-router',
        version: 'v1.28',
        nodeSubnets: ['4779ab1c-7c1a-44b1-a02e-93dfc361b32d'],
        nodeSecurityGroups: ['a7d4c2b1-0e9f-4a8b-b7c6-d5e4f3a2b1c0'],
        nodes: [
          { name: 'prod-node-1', ip: '192.168.10.11', eip: '198.51.100.4' },
          { name: 'prod-node-2', ip: '192.168.10.12' },
        ],
        containerCidrs: ['172.16.0.0/16'],
        serviceCidr: '10.247.0.0/16',
      },
    ]);

    const ecs = topology.resources?.find((r) => r.name === 'ecs-app');
    expect(ecs).toMatchObject({
      type: 'ecs',
      subnet: '4779ab1c-7c1a-44b1-a02e-93dfc361b32d',
      addresses: ['192.168.10.52'],
      securityGroups: ['69c999ad-d9ef-4d79-94fd-35e6ceb75325'],
      flavor: 's6.large.2',
    });
    expect(topology.resources?.find((r) => r.name === 'kafka-events')).toMatchObject({
      type: 'kafka',
      addresses: ['192.168.20.41', '192.168.20.42', '192.168.20.43'],
      ports: [{ protocol: 'tcp', port: 9092 }],
    });
    expect(topology.resources?.find((r) => r.name === 'mysql-orders')?.ports).toEqual([
      { protocol: 'tcp', port: 3306 },
    ]);

    // rules from both pages, the self-referencing default rule as a remote group
    const sgEcs = topology.securityGroups?.find((g) => g.name === 'sg-ecs');
    expect(sgEcs?.rules).toContainEqual({
      id: 'a3ba270e-e58b-432d-a912-aeb7eace9fb8',
      direction: 'ingress',
      ethertype: 'IPv4',
      remote: '192.168.10.0/24',
      action: 'allow',
      priority: 1,
      description: 'cluster nodes only',
    });
    const sgNode = topology.securityGroups?.find((g) => g.id === 'a7d4c2b1-0e9f-4a8b-b7c6-d5e4f3a2b1c0');
    expect(sgNode?.rules?.find((r) => r.direction === 'ingress')?.remote).toEqual({
      securityGroup: 'a7d4c2b1-0e9f-4a8b-b7c6-d5e4f3a2b1c0',
    });

    // network ACL: rule order kept, address group source, association on the data subnet
    const acl = topology.networkAcls?.[0];
    expect(acl?.ingress?.map((r) => r.name)).toEqual(['deny-telnet', 'allow-vpc']);
    expect(acl?.ingress?.[1]?.source).toEqual({ addressGroup: 'dd18a501-bd5f-4e5b-9a3c-6f2e1d0c9b8a' });
    expect(vpc?.subnets?.find((s) => s.name === 'subnet-data')?.networkAcl).toBe(acl?.id);

    // what could not be mapped or read is said, not dropped
    expect(warnings.some((w) => w.includes('"gre"'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('skipped DCS instances') && w.includes(REGION))).toBe(true);
  });

  it('gives the same document, in the same order, on a re-import', async () => {
    mountSeed();
    const first = await importHuaweiCloud(options());
    mountSeed();
    const second = await importHuaweiCloud(options());
    expect(JSON.stringify(second.topology)).toBe(JSON.stringify(first.topology));
    expect(second.warnings).toEqual(first.warnings);
  });

  it('signs each request with the access key and never sends the secret', async () => {
    mountSeed(['vpcs']);
    const seen: string[] = [];
    nock(host('vpc'))
      .get(`/v3/${PROJECT}/vpc/vpcs`)
      .query({ limit: '2' })
      .reply(function () {
        seen.push(String(this.req.headers.authorization), String(this.req.headers['x-sdk-date']));
        return [200, body(`vpc /v3/${PROJECT}/vpc/vpcs`)];
      });
    await importHuaweiCloud(options());
    expect(seen[0]).toMatch(
      /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK12345678, SignedHeaders=content-type;host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(seen[1]).toBe('20240301T030000Z');
    expect(seen.join(' ')).not.toContain(ENV.HUAWEICLOUD_SDK_SK);
  });

  it('retries a throttled call with backoff and then succeeds', async () => {
    mountSeed(['vpcs']);
    nock(host('vpc'))
      .get(`/v3/${PROJECT}/vpc/vpcs`)
      .query({ limit: '2' })
      .reply(
        429,
        {
          error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second',
          error_code: 'APIGW.0308',
          request_id: 'c1f3b8a0e9d24b56a7c8d9e0f1a2b3c4',
        },
        { 'Retry-After': '2' },
      )
      .get(`/v3/${PROJECT}/vpc/vpcs`)
      .query({ limit: '2' })
      .reply(429, { error_msg: 'throttled', error_code: 'APIGW.0308', request_id: 'd2' })
      .get(`/v3/${PROJECT}/vpc/vpcs`)
      .query({ limit: '2' })
      .reply(200, body(`vpc /v3/${PROJECT}/vpc/vpcs`));
    const sleeps: number[] = [];
    const { topology } = await importHuaweiCloud(options({ sleep: async (ms) => void sleeps.push(ms) }));
    expect(sleeps).toEqual([2000, 1000]);
    expect(topology.vpcs).toHaveLength(1);
  });

  it('retries a call whose connection was reset (a stale keep-alive socket), and gives up after the retries', async () => {
    mountSeed(['vpcs']);
    const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    nock(host('vpc'))
      .get(`/v3/${PROJECT}/vpc/vpcs`)
      .query({ limit: '2' })
      .replyWithError(reset())
      .get(`/v3/${PROJECT}/vpc/vpcs`)
      .query({ limit: '2' })
      .reply(200, body(`vpc /v3/${PROJECT}/vpc/vpcs`));
    const sleeps: number[] = [];
    const { topology } = await importHuaweiCloud(options({ sleep: async (ms) => void sleeps.push(ms) }));
    expect(sleeps).toEqual([500]);
    expect(topology.vpcs).toHaveLength(1);

    nock.cleanAll();
    nock(host('vpc')).get(`/v3/${PROJECT}/vpc/vpcs`).query(true).times(6).replyWithError(reset());
    const { warnings } = await importHuaweiCloud(options());
    expect(warnings[0]).toMatch(/^skipped VPCs and subnets: .*HTTP 0 ECONNRESET: cannot reach vpc\./);
    expect(nock.isDone()).toBe(true); // the first try and five retries
  });

  it('stops with a clear error when the credential is expired or wrong', async () => {
    nock(host('vpc')).get(`/v3/${PROJECT}/vpc/vpcs`).query(true).reply(401, {
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      error_code: 'APIGW.0301',
      request_id: 'e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8',
    });
    const error = await importHuaweiCloud(options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiCloudAuthError);
    expect((error as Error).message).toContain('APIGW.0301');
    expect((error as Error).message).toContain('HUAWEICLOUD_SDK_AK');
    expect((error as Error).message).not.toContain(ENV.HUAWEICLOUD_SDK_SK);
  });

  it('skips a service that is not enabled in the region, says so, and imports the rest', async () => {
    mountSeed(['dcs']);
    nock(host('dcs')).get(`/v2/${PROJECT}/instances`).query(true).reply(404, {
      error_msg: 'The API does not exist or has not been published in the environment',
      error_code: 'APIGW.0101',
      request_id: 'f4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9',
    });
    const { topology, warnings } = await importHuaweiCloud(options());
    expect(warnings).toContain(
      'skipped DCS instances: DCS is not available in cn-north-4 (APIGW.0101: The API does not exist or has not been published in the environment)',
    );
    expect(topology.resources?.map((r) => r.name)).toEqual(['ecs-app', 'kafka-events', 'mysql-orders']);
  });

  it('skips a service the credential may not read, naming the error', async () => {
    mountSeed(['dcs']);
    nock(host('dcs'))
      .get(`/v2/${PROJECT}/instances`)
      .query(true)
      .reply(403, { error_code: 'DCS.4900', error_msg: 'Insufficient permissions.' });
    const { warnings } = await importHuaweiCloud(options());
    expect(warnings.find((w) => w.startsWith('skipped DCS instances'))).toContain('DCS.4900');
  });

  it('reads DCS instances with their whitelist', async () => {
    mountSeed(['dcs']);
    listDcs(
      dcsInstance('9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'redis-main', '5.0', '192.168.20.10', { status: 'RUNNING' }),
    )
      .get(`/v2/${PROJECT}/instance/9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/whitelist`)
      .reply(200, {
        instance_id: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        enable_whitelist: true,
        whitelist: [{ group_name: 'nodes', ip_list: ['192.168.10.0/24'] }],
        whitelist_ip_limit_num: 20,
      });
    const { topology } = await importHuaweiCloud(options());
    expect(topology.resources?.find((r) => r.name === 'redis-main')).toMatchObject({
      type: 'dcs',
      addresses: ['192.168.20.10'],
      whitelist: { enabled: true, groups: [{ name: 'nodes', addresses: ['192.168.10.0/24'] }] },
      ports: [{ protocol: 'tcp', port: 6379 }],
    });
  });

  it('accepts a DCS whitelist given as one group object (the API reference example) as well as an array', async () => {
    mountSeed(['dcs']);
    const id = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    listDcs(dcsInstance(id, 'redis-main', '6.0', '192.168.20.10', { security_group_id: DCS_SECURITY_GROUP }))
      .get(`/v2/${PROJECT}/instance/${id}/whitelist`)
      .reply(200, {
        instance_id: id,
        enable_whitelist: true,
        whitelist: { group_name: 'nodes', ip_list: ['192.168.10.0/24'] },
      });
    const { topology } = await importHuaweiCloud(options());
    expect(topology.resources?.find((r) => r.name === 'redis-main')?.whitelist).toEqual({
      enabled: true,
      groups: [{ name: 'nodes', addresses: ['192.168.10.0/24'] }],
    });
  });

  it('binds the security group of a Redis 6.0 without a whitelist in effect (professional edition), not of a 5.0', async () => {
    mountSeed(['dcs']);
    const instance = (id: string, name: string, version: string, ip: string) =>
      dcsInstance(id, name, version, ip, { security_group_id: DCS_SECURITY_GROUP });
    const pro = 'aaaaaaaa-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const basic = 'bbbbbbbb-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    listDcs(instance(pro, 'redis-pro', '6.0', '192.168.20.11'), instance(basic, 'redis-5', '5.0', '192.168.20.12'))
      .get(`/v2/${PROJECT}/instance/${pro}/whitelist`)
      .reply(200, { instance_id: pro, enable_whitelist: false, whitelist: [] })
      .get(`/v2/${PROJECT}/instance/${basic}/whitelist`)
      .reply(200, { instance_id: basic, enable_whitelist: false, whitelist: [] });
    const { topology, warnings } = await importHuaweiCloud(options());
    expect(topology.resources?.find((r) => r.name === 'redis-pro')?.securityGroups).toEqual([DCS_SECURITY_GROUP]);
    expect(topology.resources?.find((r) => r.name === 'redis-5')?.securityGroups).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/redis-pro .*professional\/enterprise edition/);
    expect(warnings.join('\n')).toMatch(/redis-5 .*controlled by the whitelist, not a security group/);
  });

  it('asks each instance list for no more than its documented maximum page size', async () => {
    // Only these calls are mounted: with the default page size (200), the DMS lists must ask for 50,
    // RDS for 100, DCS and NAT for 200; every other service fails and is skipped.
    const p = PROJECT;
    nock(host('dcs')).get(`/v2/${p}/instances`).query({ offset: '0', limit: '200' }).reply(200, { instance_num: 0 });
    nock(host('rds'))
      .get(`/v3/${p}/instances`)
      .query({ offset: '0', limit: '100' })
      .reply(200, { instances: [], total_count: 0 });
    nock(host('dms'))
      .get(`/v2/${p}/instances`)
      .query({ engine: 'kafka', offset: '0', limit: '50' })
      .reply(200, { instances: [], instance_num: 0 })
      .get(`/v2/${p}/instances`)
      .query({ engine: 'rabbitmq', offset: '0', limit: '50' })
      .reply(200, { instances: [], instance_num: 0 });
    nock(host('nat'))
      .get(`/v2/${p}/nat_gateways`)
      .query({ limit: '200' })
      .reply(200, { nat_gateways: [] })
      .get(`/v2/${p}/snat_rules`)
      .query({ limit: '200' })
      .reply(200, { snat_rules: [] });
    const { warnings } = await importHuaweiCloud(options({ pageSize: undefined }));
    expect(nock.pendingMocks()).toEqual([]);
    for (const what of ['DCS', 'RDS', 'Kafka', 'RabbitMQ', 'NAT'])
      expect(warnings.filter((w) => w.startsWith(`skipped ${what}`))).toEqual([]);
  });

  it('leaves out Direct Connect SNAT rules and says when the unpaginated NAT list may be cut off', async () => {
    mountSeed(['nat']);
    const seedRule = (body(`nat /v2/${PROJECT}/snat_rules`).snat_rules as unknown[])[0];
    nock(host('nat'))
      .get(`/v2/${PROJECT}/nat_gateways`)
      .query({ limit: '2' })
      .reply(200, body(`nat /v2/${PROJECT}/nat_gateways`))
      .get(`/v2/${PROJECT}/snat_rules`)
      .query({ limit: '2' })
      .reply(200, {
        snat_rules: [
          seedRule,
          {
            id: '6c06d786-7ad3-4767-cb17-69ff83f2e449',
            nat_gateway_id: '14338426-6afe-4019-996b-3a9525296e11',
            network_id: '',
            cidr: '10.200.0.0/16',
            source_type: 1,
            floating_ip_id: 'cec21b5d-e92b-42f2-beb8-ef968e8f2e1a',
            floating_ip_address: '203.0.113.8',
            status: 'ACTIVE',
            admin_state_up: true,
          },
        ],
      });
    const { topology, warnings } = await importHuaweiCloud(options());
    expect(topology.vpcs?.[0]?.natGateways?.[0]?.snatRules).toEqual([
      { source: '4779ab1c-7c1a-44b1-a02e-93dfc361b32d', eip: '203.0.113.7' },
    ]);
    expect(
      warnings.some((w) => w.includes('6c06d786-7ad3-4767-cb17-69ff83f2e449') && w.includes('Direct Connect')),
    ).toBe(true);
    expect(warnings.some((w) => w.startsWith('SNAT rules: the API returned 2'))).toBe(true);
  });

  it('refuses to start without credentials, naming the variables', async () => {
    await expect(importHuaweiCloud(options({ env: {} }))).rejects.toThrow(ImportSetupError);
    await expect(importHuaweiCloud(options({ env: {} }))).rejects.toThrow(/HUAWEICLOUD_SDK_AK/);
  });

  it('accepts the Terraform provider variable names for credentials', async () => {
    mountSeed();
    const env = { HUAWEICLOUD_ACCESS_KEY: ENV.HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SECRET_KEY: ENV.HUAWEICLOUD_SDK_SK };
    const { topology } = await importHuaweiCloud(options({ env }));
    expect(topology.clusters?.[0]?.name).toBe('prod');
  });
});
