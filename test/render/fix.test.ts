import { describe, expect, it } from 'vitest';
import type { FixSpec } from '../../src/engine/diagnosis.js';
import { renderFix, withRender } from '../../src/render/fix.js';
import { seedSecurityGroupFix } from '../fixtures/render/diagnoses.js';

const PURPOSE = 'CCE prod pods -> db1 tcp/3306';

describe('security-group-rule: the seed fix (tcp/3306 from 172.16.0.0/16 into sg-db)', () => {
  const render = renderFix(seedSecurityGroupFix, PURPOSE);

  it('says what to allow, where, and why', () => {
    expect(render.text).toBe(
      'Allow tcp/3306 from 172.16.0.0/16 into sg-db (ingress, priority 1): CCE prod pods -> db1 tcp/3306.',
    );
  });

  it('renders the KooCLI command the huaweicloud Terraform provider and KooCLI documentation, with quoted placeholders and a verify hint', () => {
    expect(render.hcloud).toBe(
      [
        '# verify: hcloud VPC CreateSecurityGroupRule/v3 --help (Huawei does not document which flag carries security_group_id)',
        "hcloud VPC CreateSecurityGroupRule/v3 --cli-region='<region>' \\",
        "  --security_group_rule.security_group_id='<sg-db id>' \\",
        '  --security_group_rule.direction=ingress \\',
        '  --security_group_rule.ethertype=IPv4 \\',
        '  --security_group_rule.protocol=tcp \\',
        '  --security_group_rule.multiport=3306 \\',
        '  --security_group_rule.remote_ip_prefix=172.16.0.0/16 \\',
        '  --security_group_rule.action=allow \\',
        '  --security_group_rule.priority=1 \\',
        "  --security_group_rule.description='reachbot: CCE prod pods to db1 tcp/3306'",
      ].join('\n'),
    );
  });

  it('renders the Terraform resource (ports, action, priority), with its variable declared, aligned like terraform fmt', () => {
    expect(render.terraform).toBe(
      [
        'variable "sg_db_id" {',
        '  type        = string',
        '  description = "Huawei Cloud id of sg_db (the topology names it but does not record it)"',
        '}',
        '',
        'resource "huaweicloud_networking_secgroup_rule" "sg_db_ingress_tcp_3306_from_172_16_0_0_16" {',
        '  security_group_id = var.sg_db_id',
        '  direction         = "ingress"',
        '  ethertype         = "IPv4"',
        '  protocol          = "tcp"',
        '  ports             = "3306"',
        '  remote_ip_prefix  = "172.16.0.0/16"',
        '  action            = "allow"',
        '  priority          = 1',
        '  description       = "reachbot: CCE prod pods to db1 tcp/3306"',
        '}',
      ].join('\n'),
    );
  });

  it('renders the API request VPC API v3 "Creating a Security Group Rule", field for field', () => {
    expect(render.api).toEqual({
      method: 'POST',
      path: '/v3/{project_id}/vpc/security-group-rules',
      body: {
        security_group_rule: {
          security_group_id: '<sg-db id>',
          direction: 'ingress',
          ethertype: 'IPv4',
          protocol: 'tcp',
          multiport: '3306',
          remote_ip_prefix: '172.16.0.0/16',
          action: 'allow',
          priority: 1,
          // Huawei forbids < and > in descriptions (VPC API v3 "Creating a Security Group Rule"), so "->" reads "to".
          description: 'reachbot: CCE prod pods to db1 tcp/3306',
        },
      },
    });
  });

  it('uses an id that already is a Huawei UUID as is', () => {
    const uuid = '69c999ad-d9ef-4d79-94fd-35e6ceb75325';
    const real = renderFix({ ...seedSecurityGroupFix, securityGroup: uuid }, PURPOSE);
    expect(real.hcloud).toContain(`--security_group_rule.security_group_id=${uuid} \\`);
    expect(real.terraform).toContain(`security_group_id = "${uuid}"`);
    expect(real.api?.body).toMatchObject({ security_group_rule: { security_group_id: uuid } });
  });

  it('renders a remote security group as remote_group_id', () => {
    const render = renderFix({ ...seedSecurityGroupFix, remote: { securityGroup: 'sg-node' } }, PURPOSE);
    expect(render.text).toContain('from members of security group sg-node into sg-db');
    expect(render.hcloud).toContain("--security_group_rule.remote_group_id='<sg-node id>'");
    expect(render.terraform).toContain('remote_group_id   = var.sg_node_id');
    expect(JSON.stringify(render.api)).not.toContain('remote_ip_prefix');
  });

  it('renders ICMP echo as a rule for all ICMP, and says why', () => {
    const render = renderFix({ ...seedSecurityGroupFix, protocol: 'icmp', ports: '8' }, 'prod pods ping db1');
    expect(render.text).toMatch(/^Allow ICMP \(all types; ping needs echo, type 8\) from 172\.16\.0\.0\/16 into sg-db/);
    expect(render.text).toContain('documents no way to limit a rule to one ICMP type');
    expect(render.hcloud).not.toContain('multiport');
    expect(render.hcloud).toContain('--security_group_rule.protocol=icmp');
    expect(render.terraform).not.toContain('ports');
    expect(render.terraform).toMatch(/^# Huawei's v3 API documents no way/m);
    expect(render.api?.body).not.toHaveProperty('security_group_rule.multiport');
  });

  it('omits the port list for all ports', () => {
    const render = renderFix({ ...seedSecurityGroupFix, ports: null }, PURPOSE);
    expect(render.text).toContain('Allow all tcp ports from');
    expect(render.hcloud).not.toContain('multiport');
  });

  it('words an egress rule as traffic out of the group', () => {
    const render = renderFix({ ...seedSecurityGroupFix, direction: 'egress', securityGroup: 'sg-node' }, PURPOSE);
    expect(render.text).toContain('to 172.16.0.0/16 out of sg-node (egress, priority 1)');
  });
});

describe('route', () => {
  const route: FixSpec = {
    kind: 'route',
    vpc: 'vpc-data',
    routeTable: 'rtb-data',
    destination: '172.16.0.0/16',
    type: 'peering',
    nextHop: 'pcx-pd',
  };

  it('adds to a custom table with PUT routetables {routes.add}', () => {
    const render = renderFix(route, 'return path to prod pods');
    expect(render.text).toBe(
      'Add a route to 172.16.0.0/16 via VPC peering pcx-pd in route table rtb-data of vpc-data: return path to prod pods.',
    );
    expect(render.api).toEqual({
      method: 'PUT',
      path: '/v1/{project_id}/routetables/<rtb-data id>',
      body: {
        routetable: {
          routes: {
            add: [
              {
                type: 'peering',
                destination: '172.16.0.0/16',
                nexthop: '<pcx-pd id>',
                description: 'reachbot: return path to prod pods',
              },
            ],
          },
        },
      },
    });
    expect(render.hcloud).toContain("hcloud VPC UpdateRouteTable --cli-region='<region>' \\");
    expect(render.hcloud).toContain("--routetable.routes.add.1.nexthop='<pcx-pd id>'");
    expect(render.terraform).toContain('route_table_id = var.rtb_data_id');
  });

  it('adds a peering route to the default table with POST /v2.0/vpc/routes', () => {
    const render = renderFix({ ...route, defaultTable: true }, 'return path');
    expect(render.api).toEqual({
      method: 'POST',
      path: '/v2.0/vpc/routes',
      body: {
        route: { type: 'peering', nexthop: '<pcx-pd id>', destination: '172.16.0.0/16', vpc_id: '<vpc-data id>' },
      },
    });
    expect(render.hcloud).toContain('hcloud VPC CreateVpcRoute');
    expect(render.terraform).not.toContain('route_table_id');
  });

  it('uses routetables for a non-peering route even in the default table (v2.0 routes takes peering only)', () => {
    const render = renderFix({ ...route, defaultTable: true, type: 'vip', nextHop: '192.168.0.9' }, 'x');
    expect(render.api?.method).toBe('PUT');
    expect(JSON.stringify(render.api?.body)).toContain('"nexthop":"192.168.0.9"');
  });
});

describe('network-acl-rule', () => {
  const acl: FixSpec = {
    kind: 'network-acl-rule',
    networkAcl: 'acl-data',
    direction: 'ingress',
    protocol: 'tcp',
    source: '172.16.0.0/16',
    destination: '192.168.20.0/24',
    destinationPorts: '3306',
    action: 'allow',
    position: 1,
  };

  it('inserts after the rule above its position, with the v3 field names', () => {
    const render = renderFix(acl, 'pods to mysql');
    expect(render.api?.method).toBe('PUT');
    expect(render.api?.path).toBe('/v3/{project_id}/vpc/firewalls/<acl-data id>/insert-rules');
    expect(render.api?.body).toEqual({
      firewall: {
        ingress_rules: [
          {
            name: 'reachbot-allow-tcp-3306-from-172.16.0.0-16',
            description: 'reachbot: pods to mysql',
            action: 'allow',
            protocol: 'tcp',
            ip_version: 4,
            source_ip_address: '172.16.0.0/16',
            destination_ip_address: '192.168.20.0/24',
            destination_port: '3306',
          },
        ],
        insert_after_rule: '<acl-data ingress rule #1 id>',
      },
    });
    expect(render.text).toContain('as rule #2');
    expect(render.terraform).toMatch(/place this as ingress_rules block #2/);
    expect(render.terraform).toContain('ingress_rules {');
  });

  it('has no insert_after_rule at the top of the list, and says to check', () => {
    const render = renderFix({ ...acl, position: 0 }, 'x');
    expect(render.api?.body).not.toHaveProperty('firewall.insert_after_rule');
    expect(render.hcloud).toContain('landed first');
  });
});

describe('whitelist-entry', () => {
  const entry: FixSpec = { kind: 'whitelist-entry', resource: 'redis-main', group: 'nodes', address: '172.16.0.0/16' };

  it('warns that the PUT overwrites when it does not know the existing whitelist', () => {
    const render = renderFix(entry, 'pods to redis');
    expect(render.text).toContain('replaces the whole whitelist: first read it');
    expect(render.hcloud).toContain('OVERWRITES');
    expect(render.api?.body).toEqual({
      enable_whitelist: true,
      whitelist: [{ group_name: 'nodes', ip_list: ['172.16.0.0/16'] }],
    });
  });

  it('resends every existing group and entry when the fix carries them', () => {
    const render = renderFix(
      {
        ...entry,
        existing: ['192.168.10.0/24'],
        otherGroups: [{ name: 'bastion', addresses: ['192.168.1.5'] }],
      },
      'pods to redis',
    );
    expect(render.text).toContain('resends every existing group');
    expect(render.api).toEqual({
      method: 'PUT',
      path: '/v2/{project_id}/instance/<redis-main instance id>/whitelist',
      body: {
        enable_whitelist: true,
        whitelist: [
          { group_name: 'bastion', ip_list: ['192.168.1.5'] },
          { group_name: 'nodes', ip_list: ['192.168.10.0/24', '172.16.0.0/16'] },
        ],
      },
    });
    expect(render.hcloud).toContain('--whitelist.2.ip_list.2=172.16.0.0/16');
    expect(render.terraform).toContain('ip_address = ["192.168.10.0/24", "172.16.0.0/16"]');
  });
});

describe('peering-accept, snat-rule, host-bridge, replan', () => {
  it('accepts a peering with PUT .../accept and the accepter resource', () => {
    const render = renderFix({ kind: 'peering-accept', peering: 'pcx-pd' }, 'prod to data');
    expect(render.api).toEqual({ method: 'PUT', path: '/v2.0/vpc/peerings/<pcx-pd id>/accept', body: null });
    expect(render.hcloud).toContain(
      "hcloud VPC AcceptVpcPeering --cli-region='<region>' \\\n  --peering_id='<pcx-pd id>'",
    );
    expect(render.terraform).toContain('resource "huaweicloud_vpc_peering_connection_accepter" "accept_pcx_pd"');
    expect(render.terraform).toContain('accept                    = true');
  });

  it('adds an SNAT rule for a subnet (network_id) or a CIDR', () => {
    const subnet = renderFix(
      { kind: 'snat-rule', vpc: 'vpc-prod', natGateway: 'nat-prod', source: 'subnet-pods', eip: '203.0.113.7' },
      'x',
    );
    expect(subnet.api).toEqual({
      method: 'POST',
      path: '/v2/{project_id}/snat_rules',
      body: {
        snat_rule: {
          nat_gateway_id: '<nat-prod id>',
          network_id: '<subnet-pods id>',
          source_type: 0,
          floating_ip_id: '<EIP 203.0.113.7 id>',
          description: 'reachbot: x',
        },
      },
    });
    expect(subnet.terraform).toContain('subnet_id      = var.subnet_pods_id');
    const cidr = renderFix(
      { kind: 'snat-rule', vpc: 'vpc-prod', natGateway: 'nat-prod', source: '192.168.10.0/25', eip: '203.0.113.7' },
      'x',
    );
    expect(cidr.api?.body).toMatchObject({ snat_rule: { cidr: '192.168.10.0/25' } });
    expect(cidr.terraform).toContain('cidr           = "192.168.10.0/25"');
  });

  it('moves docker0 with bip (the gateway address) and other bridges with default-address-pools', () => {
    const docker0 = renderFix(
      { kind: 'host-bridge', resource: 'db1', bridge: '172.17.0.0/16', suggested: '10.200.0.0/16' },
      'x',
    );
    expect(docker0.hcloud).toContain('"bip": "10.200.0.1/16"');
    expect(docker0.hcloud).toContain('\nsystemctl restart docker');
    expect(docker0.terraform).toBeUndefined();
    expect(docker0.api).toBeUndefined();
    const compose = renderFix(
      { kind: 'host-bridge', resource: 'db1', bridge: '172.18.0.0/16', suggested: '10.201.0.0/16' },
      'x',
    );
    expect(compose.hcloud).toContain('"default-address-pools": [{"base":"10.201.0.0/16","size":24}]');
    expect(compose.hcloud).toContain('docker compose down');
  });

  it('renders a replan as words only', () => {
    const render = renderFix({ kind: 'replan', reason: 'the container CIDR overlaps vpc-data' }, 'prod to data');
    expect(render).toEqual({
      text: 'No change in place can fix this (prod to data); it needs replanning: the container CIDR overlaps vpc-data.',
    });
  });
});

describe('every kind renders every format it has', () => {
  const specs: FixSpec[] = [
    seedSecurityGroupFix,
    { kind: 'route', vpc: 'v', routeTable: 'r', destination: '10.0.0.0/8', type: 'peering', nextHop: 'p' },
    {
      kind: 'network-acl-rule',
      networkAcl: 'a',
      direction: 'egress',
      protocol: 'udp',
      source: '172.16.0.0/16',
      destination: '10.0.0.0/8',
      destinationPorts: '53',
      action: 'allow',
      position: 0,
    },
    { kind: 'whitelist-entry', resource: 'redis', group: 'pods', address: '172.16.0.0/16' },
    { kind: 'peering-accept', peering: 'p' },
    { kind: 'snat-rule', vpc: 'v', natGateway: 'n', source: 's', eip: '203.0.113.1' },
    { kind: 'host-bridge', resource: 'h', bridge: '172.17.0.0/16', suggested: '10.9.0.0/16' },
    { kind: 'replan', reason: 'r' },
  ];
  const cloud = new Set([
    'security-group-rule',
    'route',
    'network-acl-rule',
    'whitelist-entry',
    'peering-accept',
    'snat-rule',
  ]);

  for (const spec of specs) {
    it(`${spec.kind}`, () => {
      const fix = withRender(spec, 'why');
      expect(fix.kind).toBe(spec.kind);
      expect(fix.render.text.length).toBeGreaterThan(10);
      expect(fix.render.text).toMatch(/\.$/);
      if (cloud.has(spec.kind)) {
        expect(fix.render.hcloud).toMatch(/^hcloud [A-Z]+ \w+/m);
        expect(fix.render.terraform).toMatch(/\{\n[\s\S]*\n\}$/);
        expect(fix.render.api?.path).toMatch(/^\/v[0-9.]+\//);
        expect(() => JSON.stringify(fix.render.api?.body)).not.toThrow();
      }
    });
  }
});
