// Terraform: huaweicloud_dns_zone (private, router) and huaweicloud_dns_recordset into dnsZones, and the
// domain names RDS, DCS and DMS instances carry, resolvable in questions.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/answer/diagnose.js';
import { flowsOf } from '../../../src/engine/diagnosis.js';
import { importTerraformState } from '../../../src/import/terraform/index.js';
import { compileTopology } from '../../../src/topology/compile.js';

const PROVIDER = 'provider["registry.terraform.io/huaweicloud/huaweicloud"]';
const resource = (type: string, name: string, attributes: Record<string, unknown>) => ({
  mode: 'managed',
  type,
  name,
  provider: PROVIDER,
  instances: [{ attributes }],
});

const state = {
  version: 4,
  resources: [
    resource('huaweicloud_vpc', 'prod', { id: 'vpc-1', cidr: '192.168.0.0/16' }),
    resource('huaweicloud_vpc_subnet', 'nodes', { id: 'net-nodes', vpc_id: 'vpc-1', cidr: '192.168.10.0/24' }),
    resource('huaweicloud_vpc_subnet', 'data', { id: 'net-data', vpc_id: 'vpc-1', cidr: '192.168.20.0/24' }),
    resource('huaweicloud_cce_cluster', 'prod', {
      id: 'cce-1',
      name: 'prod',
      vpc_id: 'vpc-1',
      subnet_id: 'net-nodes',
      container_network_type: 'vpc-router',
      container_network_cidr: '172.16.0.0/16',
    }),
    resource('huaweicloud_rds_instance', 'orders', {
      id: 'rds-1',
      name: 'orders',
      vpc_id: 'vpc-1',
      subnet_id: 'net-data',
      private_ips: ['192.168.20.30'],
      private_dns_names: ['Abc.internal.cn-north-4.mysql.rds.myhuaweicloud.com'],
      db: [{ type: 'MySQL', port: 3306 }],
    }),
    resource('huaweicloud_dcs_instance', 'cache', {
      id: 'dcs-1',
      name: 'cache',
      engine: 'Redis',
      engine_version: '5.0',
      vpc_id: 'vpc-1',
      subnet_id: 'net-data',
      private_ip: '192.168.20.40',
      port: 6379,
      domain_name: 'redis-abc.dcs.huaweicloud.com',
    }),
    resource('huaweicloud_dms_kafka_instance', 'events', {
      id: 'kafka-1',
      name: 'events',
      vpc_id: 'vpc-1',
      network_id: 'net-data',
      connect_address: '192.168.20.41,192.168.20.42',
      domain_name: 'kafka-abc.dms.example.com',
      port: 9092,
    }),
    resource('huaweicloud_dns_zone', 'internal', {
      id: 'zone-1',
      name: 'internal.example.com.',
      zone_type: 'private',
      router: [
        { router_id: 'vpc-1', router_region: 'cn-north-4' },
        { router_id: 'vpc-elsewhere', router_region: 'cn-north-4' },
      ],
    }),
    resource('huaweicloud_dns_zone', 'public', { id: 'zone-2', name: 'example.com.', zone_type: 'public' }),
    resource('huaweicloud_dns_recordset', 'db', {
      id: 'zone-1/rs-1',
      zone_id: 'zone-1',
      name: 'orders-db.internal.example.com.',
      type: 'CNAME',
      records: ['abc.internal.cn-north-4.mysql.rds.myhuaweicloud.com.'],
    }),
    resource('huaweicloud_dns_recordset', 'api', {
      id: 'zone-1/rs-2',
      zone_id: 'zone-1',
      name: 'api.internal.example.com.',
      type: 'A',
      records: ['192.168.20.30', '192.168.20.40'],
    }),
    resource('huaweicloud_dns_recordset', 'mail', {
      id: 'zone-1/rs-3',
      zone_id: 'zone-1',
      name: 'internal.example.com.',
      type: 'MX',
      records: ['10 mail.internal.example.com.'],
    }),
    resource('huaweicloud_dns_recordset', 'www', {
      id: 'zone-2/rs-4',
      zone_id: 'zone-2',
      name: 'www.example.com.',
      type: 'A',
      records: ['203.0.113.10'],
    }),
    resource('huaweicloud_dns_recordset', 'orphan', {
      id: 'zone-9/rs-5',
      zone_id: 'zone-9',
      name: 'x.other.example.',
      type: 'A',
      records: ['192.168.20.9'],
    }),
  ],
};

describe('importTerraformState: DNS', () => {
  const { topology, warnings } = importTerraformState(state);

  it('maps the private zone, its associated imported VPC and its A/AAAA/CNAME record sets', () => {
    expect(topology.dnsZones).toEqual([
      {
        name: 'internal.example.com',
        id: 'zone-1',
        vpcs: ['vpc-1'],
        records: [
          { name: 'api.internal.example.com', type: 'A', values: ['192.168.20.30', '192.168.20.40'] },
          {
            name: 'orders-db.internal.example.com',
            type: 'CNAME',
            values: ['abc.internal.cn-north-4.mysql.rds.myhuaweicloud.com'],
          },
        ],
      },
    ]);
  });

  it('says what it left out: the public zone, other VPCs, other record types, orphan record sets', () => {
    const text = warnings.join('\n');
    expect(text).toMatch(/huaweicloud_dns_zone\.public: public zone example\.com\. left out/);
    expect(text).toMatch(/associated VPCs vpc-elsewhere were not imported/);
    expect(text).toMatch(/1 MX record set\(s\) left out/);
    expect(text).toMatch(/huaweicloud_dns_recordset\.orphan: its zone zone-9 is not a private zone/);
    expect(text).not.toMatch(/recordset\.www/);
  });

  it('keeps the domain names RDS, DCS and DMS instances report', () => {
    const names = Object.fromEntries((topology.resources ?? []).map((r) => [r.name, r.domainNames]));
    expect(names).toEqual({
      orders: ['abc.internal.cn-north-4.mysql.rds.myhuaweicloud.com'],
      cache: ['redis-abc.dcs.huaweicloud.com'],
      events: ['kafka-abc.dms.example.com'],
    });
  });

  it('answers questions by those names', () => {
    const compiled = compileTopology(topology);
    const viaZone = diagnose(compiled, {
      cluster: 'prod',
      workload: null,
      destination: 'orders-db.internal.example.com',
    });
    expect(flowsOf(viaZone).map((f) => [f.destination.resource, f.question.port])).toEqual([['orders', 3306]]);
    const both = diagnose(compiled, {
      cluster: 'prod',
      workload: null,
      destination: 'api.internal.example.com',
      port: 443,
    });
    expect(flowsOf(both).map((f) => f.destination.resource)).toEqual(['orders', 'cache']);
    const redis = diagnose(compiled, { cluster: 'prod', workload: null, destination: 'redis-abc.dcs.huaweicloud.com' });
    expect(flowsOf(redis)[0]?.destination.resource).toBe('cache');
  });
});
