// A Terraform state file (format version 4), validated at the edge, and the attributes of each
// huaweicloud provider resource reachbot maps (argument names from the provider's docs/resources).
import * as z from 'zod/v4';

const str = z.string();
const optStr = z.string().nullish();
const strList = z.array(z.string()).nullish();

/** A TCP/UDP port as a state records it; anything else (5e-324, 70000) leaves the resource out with a warning. */
const portNumber = z.number().int().min(1).max(65535);

export const terraformState = z.object({
  version: z.literal(4, { message: 'only Terraform state format version 4 (Terraform 0.12 and later) is read' }),
  terraform_version: z.string().optional(),
  resources: z.array(
    z.object({
      module: z.string().optional(),
      mode: z.string(),
      type: z.string(),
      name: z.string(),
      provider: z.string(),
      instances: z.array(
        z.object({
          index_key: z.union([z.string(), z.number()]).optional(),
          attributes: z.record(z.string(), z.unknown()).optional(),
        }),
      ),
    }),
  ),
});

export type TerraformState = z.output<typeof terraformState>;

const sgRule = {
  id: optStr,
  direction: str,
  ethertype: optStr,
  protocol: optStr,
  ports: optStr,
  port_range_min: z.number().int().min(0).max(65535).nullish(),
  port_range_max: z.number().int().min(0).max(65535).nullish(),
  remote_ip_prefix: optStr,
  remote_group_id: optStr,
  remote_address_group_id: optStr,
  action: optStr,
  priority: z.number().int().nullish(),
  description: optStr,
};

const aclRule = z.object({
  rule_id: optStr,
  name: optStr,
  description: optStr,
  action: str,
  protocol: optStr,
  ip_version: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  source_ip_address: optStr,
  source_ip_address_group_id: optStr,
  source_address_group_id: optStr,
  source_port: optStr,
  destination_ip_address: optStr,
  destination_ip_address_group_id: optStr,
  destination_address_group_id: optStr,
  destination_port: optStr,
});

const dmsInstance = z.object({
  id: str,
  name: str,
  vpc_id: optStr,
  network_id: optStr,
  security_group_id: optStr,
  connect_address: optStr,
  domain_name: optStr,
  port: portNumber.nullish(),
});

/** Attribute schemas by resource type. */
export const attributeSchemas = {
  huaweicloud_vpc: z.object({
    id: str,
    name: optStr,
    cidr: str,
    secondary_cidrs: strList,
    secondary_cidr: optStr,
  }),
  huaweicloud_vpc_subnet: z.object({
    id: str,
    name: optStr,
    cidr: str,
    vpc_id: str,
    ipv4_subnet_id: optStr,
    ipv6_cidr: optStr,
  }),
  huaweicloud_vpc_route_table: z.object({
    id: str,
    name: optStr,
    vpc_id: str,
    subnets: strList,
    route: z.array(z.object({ destination: str, type: str, nexthop: optStr, description: optStr })).nullish(),
  }),
  huaweicloud_vpc_route: z.object({
    id: optStr,
    vpc_id: str,
    destination: str,
    type: str,
    nexthop: optStr,
    route_table_id: optStr,
    description: optStr,
  }),
  huaweicloud_er_instance: z.object({
    id: str,
    name: optStr,
    asn: z.number().nullish(),
    enable_default_association: z.boolean().nullish(),
    enable_default_propagation: z.boolean().nullish(),
    default_association_route_table_id: optStr,
    default_propagation_route_table_id: optStr,
  }),
  huaweicloud_er_route_table: z.object({
    id: str,
    instance_id: str,
    name: optStr,
    is_default_association: z.boolean().nullish(),
    is_default_propagation: z.boolean().nullish(),
  }),
  huaweicloud_er_vpc_attachment: z.object({
    id: str,
    instance_id: str,
    vpc_id: str,
    subnet_id: str,
    name: optStr,
    auto_create_vpc_routes: z.boolean().nullish(),
  }),
  huaweicloud_er_association: z.object({
    instance_id: str,
    route_table_id: str,
    attachment_id: str,
  }),
  huaweicloud_er_propagation: z.object({
    instance_id: str,
    route_table_id: str,
    attachment_id: str,
  }),
  huaweicloud_er_static_route: z.object({
    route_table_id: str,
    destination: str,
    attachment_id: optStr,
    is_blackhole: z.boolean().nullish(),
  }),
  huaweicloud_vpc_peering_connection: z.object({
    id: str,
    name: optStr,
    vpc_id: str,
    peer_vpc_id: str,
    status: optStr,
  }),
  huaweicloud_networking_secgroup: z.object({
    id: str,
    name: optStr,
    description: optStr,
    rules: z.array(z.object(sgRule)).nullish(),
  }),
  huaweicloud_networking_secgroup_rule: z.object({ ...sgRule, id: str, security_group_id: str }),
  huaweicloud_vpc_address_group: z.object({ id: str, name: optStr, addresses: strList, description: optStr }),
  huaweicloud_vpc_network_acl: z.object({
    id: str,
    name: optStr,
    enabled: z.boolean().nullish(),
    ingress_rules: z.array(aclRule).nullish(),
    egress_rules: z.array(aclRule).nullish(),
    associated_subnets: z.array(z.object({ subnet_id: str })).nullish(),
  }),
  huaweicloud_cce_cluster: z.object({
    id: str,
    name: str,
    vpc_id: str,
    subnet_id: str,
    container_network_type: str,
    container_network_cidr: optStr,
    service_network_cidr: optStr,
    eni_subnet_id: optStr,
    security_group_id: optStr,
    cluster_version: optStr,
  }),
  huaweicloud_cce_node: z.object({
    id: str,
    name: str,
    cluster_id: str,
    private_ip: optStr,
    public_ip: optStr,
    subnet_id: optStr,
  }),
  huaweicloud_compute_instance: z.object({
    id: str,
    name: str,
    flavor_id: optStr,
    security_group_ids: strList,
    public_ip: optStr,
    network: z.array(z.object({ uuid: optStr, fixed_ip_v4: optStr, fixed_ip_v6: optStr, port: optStr })).nullish(),
  }),
  huaweicloud_dcs_instance: z.object({
    id: str,
    name: str,
    engine: optStr,
    engine_version: optStr,
    vpc_id: optStr,
    subnet_id: optStr,
    security_group_id: optStr,
    private_ip: optStr,
    port: portNumber.nullish(),
    whitelist_enable: z.boolean().nullish(),
    whitelists: z.array(z.object({ group_name: str, ip_address: strList })).nullish(),
    domain_name: optStr,
  }),
  huaweicloud_rds_instance: z.object({
    id: str,
    name: str,
    vpc_id: optStr,
    subnet_id: optStr,
    security_group_id: optStr,
    private_ips: strList,
    fixed_ip: optStr,
    db: z.array(z.object({ type: optStr, port: portNumber.nullish() })).nullish(),
    private_dns_names: strList,
  }),
  huaweicloud_dms_kafka_instance: dmsInstance,
  huaweicloud_dms_rabbitmq_instance: dmsInstance,
  huaweicloud_nat_gateway: z.object({ id: str, name: optStr, vpc_id: str }),
  huaweicloud_nat_snat_rule: z.object({
    id: str,
    nat_gateway_id: str,
    subnet_id: optStr,
    network_id: optStr,
    cidr: optStr,
    source_type: z.number().nullish(),
    floating_ip_id: optStr,
    floating_ip_address: optStr,
  }),
  huaweicloud_dns_zone: z.object({
    id: str,
    name: str,
    zone_type: optStr,
    router: z.array(z.object({ router_id: str, router_region: optStr })).nullish(),
  }),
  huaweicloud_dns_recordset: z.object({ id: str, zone_id: str, name: str, type: str, records: strList }),
  // Read only to resolve SNAT rules' floating_ip_id to an address.
  huaweicloud_vpc_eip: z.object({ id: str, address: optStr }),
} as const;

export type MappedType = keyof typeof attributeSchemas;
export type Attributes<T extends MappedType> = z.output<(typeof attributeSchemas)[T]>;
