// The Huawei Cloud API responses the importer reads, validated at the edge. Field names are
// Huawei's (VPC v1/v2.0/v3, CCE v3, ECS v1, DCS v2, RDS v3, DMS v2, NAT v2); unknown fields are
// ignored, and fields that some regions or versions omit are optional.
import * as z from 'zod/v4';

const str = z.string();
const optStr = z.string().nullish();
const pageInfo = z.object({ next_marker: optStr, current_count: z.number().nullish() }).nullish();

export const vpcList = z.object({
  vpcs: z.array(z.object({ id: str, name: optStr, cidr: str, extend_cidrs: z.array(str).nullish() })),
  page_info: pageInfo,
});

export const subnetList = z.object({
  subnets: z.array(
    z.object({
      id: str,
      name: optStr,
      cidr: str,
      vpc_id: str,
      neutron_subnet_id: optStr,
      cidr_v6: optStr,
    }),
  ),
});

export const routeTableList = z.object({
  routetables: z.array(
    z.object({
      id: str,
      name: optStr,
      default: z.boolean().nullish(),
      vpc_id: str,
      // ListRouteTables names each table's subnets too: kept for a table whose detail call fails.
      subnets: z.array(z.object({ id: str })).nullish(),
    }),
  ),
});

const route = z.object({ type: str, destination: str, nexthop: optStr, description: optStr });

export const routeTableDetail = z.object({
  routetable: z.object({
    id: str,
    name: optStr,
    default: z.boolean().nullish(),
    vpc_id: str,
    subnets: z.array(z.object({ id: str })).nullish(),
    routes: z.array(route).nullish(),
  }),
});

export const peeringList = z.object({
  peerings: z.array(
    z.object({
      id: str,
      name: optStr,
      status: optStr,
      request_vpc_info: z.object({ vpc_id: str }),
      accept_vpc_info: z.object({ vpc_id: str }),
    }),
  ),
  peerings_links: z.array(z.object({ href: str, rel: str })).nullish(),
});

export const securityGroupList = z.object({
  security_groups: z.array(z.object({ id: str, name: optStr, description: optStr })),
  page_info: pageInfo,
});

export const securityGroupRuleList = z.object({
  security_group_rules: z.array(
    z.object({
      id: str,
      security_group_id: str,
      direction: str,
      ethertype: optStr,
      protocol: optStr,
      multiport: optStr,
      remote_ip_prefix: optStr,
      remote_group_id: optStr,
      remote_address_group_id: optStr,
      action: optStr,
      priority: z.union([z.number(), z.string()]).nullish(),
      description: optStr,
    }),
  ),
  page_info: pageInfo,
});

export const addressGroupList = z.object({
  address_groups: z.array(z.object({ id: str, name: optStr, ip_set: z.array(str).nullish(), description: optStr })),
  page_info: pageInfo,
});

const firewallRule = z.object({
  id: optStr,
  name: optStr,
  description: optStr,
  action: str,
  protocol: optStr,
  // A number in responses, a string ("4") in the documented request bodies: accept both.
  ip_version: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  source_ip_address: optStr,
  destination_ip_address: optStr,
  source_port: optStr,
  destination_port: optStr,
  source_address_group_id: optStr,
  destination_address_group_id: optStr,
  enabled: z.boolean().nullish(),
});

const firewall = z.object({
  id: str,
  name: optStr,
  admin_state_up: z.boolean().nullish(),
  associations: z.array(z.object({ virsubnet_id: str })).nullish(),
});

export const firewallList = z.object({ firewalls: z.array(firewall), page_info: pageInfo });

export const firewallDetail = z.object({
  firewall: firewall.extend({
    ingress_rules: z.array(firewallRule).nullish(),
    egress_rules: z.array(firewallRule).nullish(),
  }),
});

export const portList = z.object({
  ports: z.array(
    z.object({
      id: str,
      network_id: optStr,
      device_id: optStr,
      device_owner: optStr,
      fixed_ips: z.array(z.object({ subnet_id: optStr, ip_address: optStr })).nullish(),
      security_groups: z.array(str).nullish(),
    }),
  ),
});

export const cceClusterList = z.object({
  items: z
    .array(
      z.object({
        metadata: z.object({ uid: optStr, name: str }),
        spec: z.object({
          version: optStr,
          hostNetwork: z.object({ vpc: str, subnet: str, SecurityGroup: optStr }),
          containerNetwork: z.object({
            mode: str,
            cidr: optStr,
            cidrs: z.array(z.object({ cidr: str })).nullish(),
          }),
          eniNetwork: z
            .object({
              eniSubnetId: optStr,
              subnets: z.array(z.object({ subnetID: str })).nullish(),
            })
            .nullish(),
          serviceNetwork: z.object({ IPv4CIDR: optStr }).nullish(),
          kubernetesSvcIpRange: optStr,
        }),
      }),
    )
    .nullish(),
});

export const cceNodeList = z.object({
  items: z
    .array(
      z.object({
        metadata: z.object({ uid: optStr, name: str }),
        status: z.object({ privateIP: optStr, publicIP: optStr, serverId: optStr }).nullish(),
      }),
    )
    .nullish(),
});

const ecsAddress = z.object({
  addr: str,
  version: z.union([z.string(), z.number()]).nullish(),
  'OS-EXT-IPS:type': optStr,
  'OS-EXT-IPS:port_id': optStr,
});

export const ecsServerList = z.object({
  count: z.number().nullish(),
  servers: z.array(
    z.object({
      id: str,
      name: str,
      addresses: z.record(str, z.array(ecsAddress)).nullish(),
      security_groups: z.array(z.object({ id: optStr, name: optStr })).nullish(),
      flavor: z.object({ id: optStr, name: optStr }).nullish(),
      metadata: z.record(str, z.unknown()).nullish(),
    }),
  ),
});

export const dcsInstanceList = z.object({
  instance_num: z.number().nullish(),
  instances: z
    .array(
      z.object({
        instance_id: str,
        name: str,
        engine: optStr,
        engine_version: optStr,
        ip: optStr,
        port: z.number().nullish(),
        vpc_id: optStr,
        subnet_id: optStr,
        security_group_id: optStr,
        domain_name: optStr,
      }),
    )
    .nullish(),
});

const whitelistGroup = z.object({ group_name: str, ip_list: z.array(str).nullish() });

export const dcsWhitelist = z.object({
  enable_whitelist: z.boolean().nullish(),
  // An array per the SDK model; the API reference's example shows a single object, so accept both.
  whitelist: z.union([z.array(whitelistGroup), whitelistGroup.transform((group) => [group])]).nullish(),
});

export const rdsInstanceList = z.object({
  total_count: z.number().nullish(),
  instances: z.array(
    z.object({
      id: str,
      name: str,
      private_ips: z.array(str).nullish(),
      port: z.number().nullish(),
      vpc_id: optStr,
      subnet_id: optStr,
      security_group_id: optStr,
      datastore: z.object({ type: optStr }).nullish(),
      private_dns_names: z.array(str).nullish(),
    }),
  ),
});

export const dmsInstanceList = z.object({
  instance_num: z.number().nullish(),
  instances: z
    .array(
      z.object({
        instance_id: str,
        name: str,
        engine: optStr,
        port: z.number().nullish(),
        connect_address: optStr,
        domain_name: optStr,
        vpc_id: optStr,
        subnet_id: optStr,
        security_group_id: optStr,
      }),
    )
    .nullish(),
});

export const natGatewayList = z.object({
  nat_gateways: z.array(z.object({ id: str, name: optStr, router_id: str })),
});

export const snatRuleList = z.object({
  snat_rules: z.array(
    z.object({
      id: str,
      nat_gateway_id: str,
      network_id: optStr,
      cidr: optStr,
      source_type: z.number().nullish(),
      floating_ip_address: optStr,
    }),
  ),
});

/** Links of a DNS listing: `next` is present while more pages follow. */
const dnsLinks = z.object({ next: optStr }).nullish();

export const dnsZoneList = z.object({
  links: dnsLinks,
  zones: z.array(
    z.object({
      id: str,
      name: str,
      zone_type: optStr,
      status: optStr,
      routers: z.array(z.object({ router_id: str, router_region: optStr })).nullish(),
    }),
  ),
});

export const dnsRecordSetList = z.object({
  links: dnsLinks,
  recordsets: z.array(z.object({ id: str, name: str, type: str, status: optStr, records: z.array(str).nullish() })),
});

export const iamProjectList = z.object({ projects: z.array(z.object({ id: str, name: str })) });

// Enterprise Router v3 (Huawei ER API reference: ListEnterpriseRouters, ListVpcAttachments, ListAttachments,
// ListRouteTables, ListAssociations, ListPropagations, ListStaticRoutes, ListEffectiveRoutes).
export const erInstanceList = z.object({
  instances: z.array(
    z.object({
      id: str,
      name: optStr,
      asn: z.number().nullish(),
      enable_default_association: z.boolean().nullish(),
      enable_default_propagation: z.boolean().nullish(),
      default_association_route_table_id: optStr,
      default_propagation_route_table_id: optStr,
    }),
  ),
  page_info: pageInfo,
});

export const erVpcAttachmentList = z.object({
  vpc_attachments: z.array(
    z.object({ id: str, name: optStr, vpc_id: str, virsubnet_id: str, auto_create_vpc_routes: z.boolean().nullish() }),
  ),
  page_info: pageInfo,
});

export const erAttachmentList = z.object({
  attachments: z.array(z.object({ id: str, name: optStr, resource_type: str, resource_id: optStr, state: optStr })),
  page_info: pageInfo,
});

export const erRouteTableList = z.object({
  route_tables: z.array(
    z.object({
      id: str,
      name: optStr,
      is_default_association: z.boolean().nullish(),
      is_default_propagation: z.boolean().nullish(),
    }),
  ),
  page_info: pageInfo,
});

const erTableLink = z.object({ id: str, attachment_id: str, resource_type: optStr, state: optStr });

export const erAssociationList = z.object({ associations: z.array(erTableLink), page_info: pageInfo });

export const erPropagationList = z.object({ propagations: z.array(erTableLink), page_info: pageInfo });

const erNextHop = z.object({ attachment_id: optStr, resource_id: optStr, resource_type: optStr });

export const erStaticRouteList = z.object({
  routes: z.array(
    z.object({
      id: str,
      destination: str,
      is_blackhole: z.boolean().nullish(),
      attachments: z.array(erNextHop).nullish(),
    }),
  ),
  page_info: pageInfo,
});

export const erEffectiveRouteList = z.object({
  routes: z.array(
    z.object({
      route_id: optStr,
      destination: str,
      is_blackhole: z.boolean().nullish(),
      route_type: optStr,
      next_hops: z.array(erNextHop).nullish(),
    }),
  ),
  page_info: pageInfo,
});
