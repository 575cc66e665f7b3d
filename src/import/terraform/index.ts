// `reachbot import terraform STATE.json`: the huaweicloud provider's resources in a Terraform state
// into a topology v1 document; every other resource type is named in a warning.
import { LocalizedError } from '../../i18n/localized-error.js';
import { type Localized, localized } from '../../i18n/message.js';
import { importErrors as E } from '../../i18n/messages/import-errors.js';
import { type AssembleOptions, assembleTopology, assembleTopologyCooperatively } from '../assemble.js';
import { dcsAccessControl, dcsMayHaveWhitelist } from '../dcs.js';
import { connectAddresses, connectDomainNames } from '../dms.js';
import {
  emptyInventory,
  type ImportResult,
  type RawDnsRecordSet,
  type RawInventory,
  type RawRouteTable,
  type RawSecurityGroupRule,
} from '../model.js';
import { mapTerraformErs } from './enterprise-router.js';
import { type Attributes, attributeSchemas, type MappedType, terraformState } from './state.js';

/** The state file is not a Terraform state v4. */
export class TerraformStateError extends LocalizedError {
  readonly code = 'reachbot_import_terraform_state';
  constructor(text: Localized) {
    super(text);
    this.name = 'TerraformStateError';
  }
}

/** Import a Terraform state (text or parsed JSON) into a topology. `source` names it in the description. */
export function importTerraformState(input: string | unknown, source = 'terraform state'): ImportResult {
  const { inventory, options } = readTerraformState(input, source);
  return assembleTopology(inventory, options);
}

/** The same, assembling cooperatively (pausing on the event loop): what a scheduled sync of a state uses. */
export function importTerraformStateCooperatively(
  input: string | unknown,
  source = 'terraform state',
  settings: { readonly validate?: boolean } = {},
): Promise<ImportResult> {
  const { inventory, options } = readTerraformState(input, source);
  return assembleTopologyCooperatively(inventory, { ...options, ...settings });
}

/** The state's Huawei Cloud resources as an importer inventory, and how to describe the topology made of it. */
function readTerraformState(
  input: string | unknown,
  source: string,
): { inventory: RawInventory; options: AssembleOptions } {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new TerraformStateError(localized(E['import.terraform-not-json'], { source, detail }));
    }
  }
  const parsed = terraformState.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TerraformStateError(
      localized(E['import.terraform-not-state'], {
        source,
        path: issue?.path.join('.') ?? '',
        detail: issue?.message ?? 'invalid',
      }),
    );
  }

  const inv = emptyInventory();
  const byType = new Map<MappedType, { address: string; attributes: unknown }[]>();
  const unmapped = new Map<string, number>();
  let dataSources = 0;
  for (const resource of parsed.data.resources) {
    if (resource.mode !== 'managed') {
      dataSources++;
      continue;
    }
    const address = `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}`;
    if (!Object.hasOwn(attributeSchemas, resource.type) || !resource.provider.includes('huaweicloud/huaweicloud')) {
      unmapped.set(resource.type, (unmapped.get(resource.type) ?? 0) + resource.instances.length);
      continue;
    }
    const type = resource.type as MappedType;
    const list = byType.get(type) ?? [];
    for (const instance of resource.instances) {
      const key = instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`;
      list.push({ address: `${address}${key}`, attributes: instance.attributes ?? {} });
    }
    byType.set(type, list);
  }
  for (const [type, count] of [...unmapped].sort(([a], [b]) => (a < b ? -1 : 1))) {
    inv.warnings.push(`${type} (${count}): not mapped by reachbot; left out`);
  }
  if (dataSources) inv.warnings.push(`${dataSources} data source(s) ignored: only managed resources are imported`);

  const each = <T extends MappedType>(type: T, use: (attributes: Attributes<T>, address: string) => void) => {
    for (const { address, attributes } of byType.get(type) ?? []) {
      const result = attributeSchemas[type].safeParse(attributes);
      if (!result.success) {
        const issue = result.error.issues[0];
        inv.warnings.push(
          `${address}: attributes not understood (${issue?.path.join('.')}: ${issue?.message}); left out`,
        );
        continue;
      }
      use(result.data as Attributes<T>, address);
    }
  };

  each('huaweicloud_vpc', (a) => {
    const extra = a.secondary_cidrs?.length ? a.secondary_cidrs : a.secondary_cidr ? [a.secondary_cidr] : [];
    inv.vpcs.push({ id: a.id, name: a.name ?? undefined, cidr: a.cidr, extendCidrs: extra });
  });
  each('huaweicloud_vpc_subnet', (a) => {
    inv.subnets.push({
      id: a.id,
      name: a.name ?? undefined,
      vpcId: a.vpc_id,
      cidr: a.cidr,
      ipv6Cidr: a.ipv6_cidr || undefined,
      ipv4SubnetId: a.ipv4_subnet_id || undefined,
    });
  });

  const tables = new Map<string, RawRouteTable & { routes: RawRouteTable['routes'][number][] }>();
  each('huaweicloud_vpc_route_table', (a) => {
    tables.set(a.id, {
      id: a.id,
      name: a.name ?? undefined,
      vpcId: a.vpc_id,
      isDefault: false,
      subnetIds: a.subnets ?? [],
      routes: (a.route ?? []).map((r) => ({
        destination: r.destination,
        type: r.type,
        nexthop: r.nexthop ?? undefined,
        description: r.description ?? undefined,
      })),
    });
  });
  each('huaweicloud_vpc_route', (a) => {
    // A route without a custom table goes to the VPC's default table (the provider's documented behaviour).
    const tableId = a.route_table_id || `${a.vpc_id}-default`;
    let table = tables.get(tableId);
    if (!table) {
      table = { id: tableId, vpcId: a.vpc_id, isDefault: true, subnetIds: [], routes: [] };
      tables.set(tableId, table);
    }
    const route = {
      destination: a.destination,
      type: a.type,
      nexthop: a.nexthop ?? undefined,
      description: a.description ?? undefined,
    };
    if (
      !table.routes.some(
        (r) => r.destination === route.destination && r.type === route.type && r.nexthop === route.nexthop,
      )
    )
      table.routes.push(route);
  });
  const collect = <T extends MappedType>(type: T) => {
    const list: Attributes<T>[] = [];
    each(type, (a) => {
      list.push(a);
    });
    return list;
  };
  const ers = mapTerraformErs(
    {
      instances: collect('huaweicloud_er_instance'),
      tables: collect('huaweicloud_er_route_table'),
      attachments: collect('huaweicloud_er_vpc_attachment'),
      associations: collect('huaweicloud_er_association'),
      propagations: collect('huaweicloud_er_propagation'),
      staticRoutes: collect('huaweicloud_er_static_route'),
    },
    (message) => inv.warnings.push(message),
  );
  inv.enterpriseRouters.push(...ers.routers);
  for (const [vpcId, routes] of ers.vpcRoutes) {
    const tableId = `${vpcId}-default`;
    let table = tables.get(tableId);
    if (!table) {
      table = { id: tableId, vpcId, isDefault: true, subnetIds: [], routes: [] };
      tables.set(tableId, table);
    }
    for (const route of routes)
      if (!table.routes.some((r) => r.destination === route.destination)) table.routes.push(route);
  }
  inv.routeTables.push(...tables.values());

  each('huaweicloud_vpc_peering_connection', (a) => {
    inv.peerings.push({
      id: a.id,
      name: a.name ?? undefined,
      requesterVpc: a.vpc_id,
      accepterVpc: a.peer_vpc_id,
      status: a.status ?? undefined,
    });
  });

  const groups = new Map<string, { id: string; name?: string; description?: string; rules: RawSecurityGroupRule[] }>();
  const ruleOf = (
    r:
      | Attributes<'huaweicloud_networking_secgroup_rule'>
      | NonNullable<Attributes<'huaweicloud_networking_secgroup'>['rules']>[number],
  ): RawSecurityGroupRule => ({
    id: r.id ?? undefined,
    direction: r.direction,
    ethertype: r.ethertype ?? undefined,
    protocol: r.protocol,
    ports: r.ports,
    portRangeMin: r.port_range_min,
    portRangeMax: r.port_range_max,
    remoteIpPrefix: r.remote_ip_prefix,
    remoteGroupId: r.remote_group_id,
    remoteAddressGroupId: r.remote_address_group_id,
    action: r.action,
    priority: r.priority,
    description: r.description,
  });
  each('huaweicloud_networking_secgroup', (a) => {
    groups.set(a.id, {
      id: a.id,
      name: a.name ?? undefined,
      description: a.description ?? undefined,
      rules: (a.rules ?? []).map(ruleOf),
    });
  });
  each('huaweicloud_networking_secgroup_rule', (a, address) => {
    let group = groups.get(a.security_group_id);
    if (!group) {
      inv.warnings.push(
        `${address}: security group ${a.security_group_id} is not in the state; only the rules the state holds are known for it`,
      );
      group = { id: a.security_group_id, rules: [] };
      groups.set(group.id, group);
    }
    // The group's computed `rules` may already list this rule (same id); the assembler deduplicates by id.
    group.rules.push(ruleOf(a));
  });
  inv.securityGroups.push(...groups.values());

  each('huaweicloud_vpc_address_group', (a) => {
    inv.addressGroups.push({
      id: a.id,
      name: a.name ?? undefined,
      addresses: a.addresses ?? [],
      description: a.description ?? undefined,
    });
  });
  each('huaweicloud_vpc_network_acl', (a) => {
    const rules = (list: typeof a.ingress_rules) =>
      (list ?? []).map((r) => ({
        id: r.rule_id ?? undefined,
        name: r.name ?? undefined,
        action: r.action,
        protocol: r.protocol,
        ipVersion: r.ip_version,
        sourceIp: r.source_ip_address,
        sourceAddressGroupId: r.source_ip_address_group_id || r.source_address_group_id,
        sourcePort: r.source_port,
        destinationIp: r.destination_ip_address,
        destinationAddressGroupId: r.destination_ip_address_group_id || r.destination_address_group_id,
        destinationPort: r.destination_port,
        description: r.description,
      }));
    inv.networkAcls.push({
      id: a.id,
      name: a.name ?? undefined,
      enabled: a.enabled !== false,
      subnetIds: (a.associated_subnets ?? []).map((s) => s.subnet_id),
      ingress: rules(a.ingress_rules),
      egress: rules(a.egress_rules),
    });
  });

  const nodesByCluster = new Map<string, { name: string; ip?: string; eip?: string; subnet?: string }[]>();
  each('huaweicloud_cce_node', (a) => {
    const list = nodesByCluster.get(a.cluster_id) ?? [];
    list.push({
      name: a.name,
      ip: a.private_ip ?? undefined,
      eip: a.public_ip || undefined,
      subnet: a.subnet_id || undefined,
    });
    nodesByCluster.set(a.cluster_id, list);
  });
  const clusterIds = new Set<string>();
  each('huaweicloud_cce_cluster', (a) => {
    clusterIds.add(a.id);
    const nodes = nodesByCluster.get(a.id) ?? [];
    const split = (text: string | null | undefined) =>
      (text ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    inv.clusters.push({
      id: a.id,
      name: a.name,
      vpcId: a.vpc_id,
      nodeSubnetIds: [a.subnet_id, ...nodes.flatMap((n) => (n.subnet ? [n.subnet] : []))],
      mode: a.container_network_type,
      containerCidrs: split(a.container_network_cidr),
      eniSubnetIds: split(a.eni_subnet_id),
      serviceCidr: a.service_network_cidr || undefined,
      nodeSecurityGroupId: a.security_group_id || undefined,
      version: a.cluster_version || undefined,
      nodes: nodes.map(({ name, ip, eip }) => ({ name, ip, eip })),
    });
  });
  for (const [clusterId, nodes] of nodesByCluster) {
    if (!clusterIds.has(clusterId))
      inv.warnings.push(
        `${nodes.length} huaweicloud_cce_node(s) of cluster ${clusterId}, which is not in the state; left out`,
      );
  }

  each('huaweicloud_compute_instance', (a, address) => {
    const [primary, ...others] = a.network ?? [];
    if (others.length)
      inv.warnings.push(`${address}: only its first network is mapped; ${others.length} more left out`);
    const securityGroupIds = a.security_group_ids ?? [];
    // Binding order decides between groups (VPC FAQ on conflicting security group rules, vpc_faq_0077); the provider may store security_group_ids
    // unordered, so the state's order need not be the NIC's.
    if (securityGroupIds.length > 1)
      inv.warnings.push(
        `${address}: ${securityGroupIds.length} security groups, and the state may not keep their binding order; assumed as listed (${securityGroupIds.join(', ')}): check it with the ECS console or API`,
      );
    inv.instances.push({
      type: 'ecs',
      id: a.id,
      name: a.name,
      subnetId: primary?.uuid ?? undefined,
      addresses: [primary?.fixed_ip_v4, primary?.fixed_ip_v6].filter((x): x is string => !!x),
      securityGroupIds: securityGroupIds,
      flavor: a.flavor_id ?? undefined,
      eip: a.public_ip || undefined,
    });
  });
  each('huaweicloud_dcs_instance', (a, address) => {
    const whitelist = dcsMayHaveWhitelist(a.engine ?? 'Redis', a.engine_version)
      ? {
          // The provider's default for whitelist_enable is true.
          enabled: a.whitelist_enable !== false && (a.whitelists ?? []).length > 0,
          groups: (a.whitelists ?? []).map((g) => ({ name: g.group_name, addresses: g.ip_address ?? [] })),
        }
      : undefined;
    const access = dcsAccessControl(address, a.engine ?? 'Redis', a.engine_version, a.security_group_id, whitelist);
    inv.warnings.push(...access.warnings);
    inv.instances.push({
      type: 'dcs',
      id: a.id,
      name: a.name,
      vpcId: a.vpc_id ?? undefined,
      subnetId: a.subnet_id ?? undefined,
      addresses: a.private_ip ? [a.private_ip] : [],
      securityGroupIds: [...access.securityGroupIds],
      ports: a.port ? [{ protocol: 'tcp', port: a.port }] : undefined,
      domainNames: a.domain_name ? [a.domain_name] : undefined,
      whitelist,
    });
  });
  each('huaweicloud_rds_instance', (a) => {
    const port = a.db?.[0]?.port;
    inv.instances.push({
      type: 'rds',
      id: a.id,
      name: a.name,
      vpcId: a.vpc_id ?? undefined,
      subnetId: a.subnet_id ?? undefined,
      addresses: a.private_ips?.length ? a.private_ips : a.fixed_ip ? [a.fixed_ip] : [],
      securityGroupIds: a.security_group_id ? [a.security_group_id] : [],
      ports: port ? [{ protocol: 'tcp', port }] : undefined,
      domainNames: a.private_dns_names?.length ? a.private_dns_names : undefined,
    });
  });
  for (const [type, kind] of [
    ['huaweicloud_dms_kafka_instance', 'kafka'],
    ['huaweicloud_dms_rabbitmq_instance', 'rabbitmq'],
  ] as const) {
    each(type, (a) => {
      inv.instances.push({
        type: kind,
        id: a.id,
        name: a.name,
        vpcId: a.vpc_id ?? undefined,
        subnetId: a.network_id ?? undefined,
        addresses: connectAddresses(a.connect_address),
        securityGroupIds: a.security_group_id ? [a.security_group_id] : [],
        ports: a.port ? [{ protocol: 'tcp', port: a.port }] : undefined,
        domainNames: connectDomainNames(a.connect_address, a.domain_name),
      });
    });
  }

  // Private DNS zones (zone_type "private"; the provider's default is public) and their record sets.
  const zones = new Map<string, { id: string; name: string; vpcIds: string[]; records: RawDnsRecordSet[] }>();
  const publicZones = new Set<string>();
  each('huaweicloud_dns_zone', (a, address) => {
    if ((a.zone_type ?? 'public').toLowerCase() !== 'private') {
      publicZones.add(a.id);
      inv.warnings.push(`${address}: public zone ${a.name} left out (only private zones answer inside a VPC)`);
      return;
    }
    zones.set(a.id, { id: a.id, name: a.name, vpcIds: (a.router ?? []).map((r) => r.router_id), records: [] });
  });
  each('huaweicloud_dns_recordset', (a, address) => {
    const zone = zones.get(a.zone_id);
    if (zone) zone.records.push({ name: a.name, type: a.type, values: a.records ?? [] });
    else if (!publicZones.has(a.zone_id))
      inv.warnings.push(`${address}: its zone ${a.zone_id} is not a private zone in the state; left out`);
  });
  inv.dnsZones.push(...zones.values());

  const eips = new Map<string, string>();
  each('huaweicloud_vpc_eip', (a) => {
    if (a.address) eips.set(a.id, a.address);
  });
  const gateways = new Map<
    string,
    { id: string; name?: string; vpcId: string; snatRules: { id?: string; source: string; eip: string }[] }
  >();
  each('huaweicloud_nat_gateway', (a) => {
    gateways.set(a.id, { id: a.id, name: a.name ?? undefined, vpcId: a.vpc_id, snatRules: [] });
  });
  each('huaweicloud_nat_snat_rule', (a, address) => {
    const gateway = gateways.get(a.nat_gateway_id);
    if (!gateway) {
      inv.warnings.push(`${address}: its NAT gateway ${a.nat_gateway_id} is not in the state; left out`);
      return;
    }
    // source_type 1: the cidr is on the Direct Connect / Cloud Connect side, not traffic from the VPC.
    if (a.source_type === 1) {
      inv.warnings.push(
        `${address}: translates a Direct Connect / Cloud Connect CIDR (${a.cidr ?? ''}), not VPC traffic; left out`,
      );
      return;
    }
    const source = a.subnet_id || a.network_id || a.cidr;
    const addresses = (a.floating_ip_address || (a.floating_ip_id ? eips.get(a.floating_ip_id) : undefined) || '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    if (!source || !addresses.length) {
      inv.warnings.push(`${address}: no ${source ? 'EIP address' : 'source subnet or CIDR'} in the state; left out`);
      return;
    }
    for (const eip of addresses) gateway.snatRules.push({ id: a.id, source, eip });
  });
  inv.natGateways.push(...gateways.values());

  return { inventory: inv, options: { description: `imported from ${source}`, region: stateRegion(byType) } };
}

/** The region the state's resources live in, when they all name the same one (huaweicloud `region` attribute). */
function stateRegion(byType: ReadonlyMap<string, readonly { attributes: unknown }[]>): string | undefined {
  const regions = new Set<string>();
  for (const list of byType.values()) {
    for (const { attributes } of list) {
      if (typeof attributes !== 'object' || attributes === null || !('region' in attributes)) continue;
      const region = attributes.region;
      if (typeof region === 'string' && /^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) regions.add(region);
    }
  }
  return regions.size === 1 ? [...regions][0] : undefined;
}
