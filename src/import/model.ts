// What an importer reads, in Huawei's own terms, before it becomes a topology. Both importers (the
// cloud API and Terraform state) fill this one shape, so that the mapping to topology v1 — ids,
// subnet id forms, names, order, what cannot be mapped — is written once, in assemble.ts.
import type { RESOURCE_TYPES, Topology } from '../topology/schema.js';

export interface RawVpc {
  readonly id: string;
  readonly name?: string;
  readonly cidr: string;
  /** Huawei `extend_cidrs` (API) / `secondary_cidrs` (Terraform). */
  readonly extendCidrs: readonly string[];
}

export interface RawSubnet {
  /** The subnet (network) id: what CCE `hostNetwork.subnet` and Terraform `subnet_id` use. */
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string;
  readonly cidr: string;
  readonly ipv6Cidr?: string;
  /** `neutron_subnet_id` / `ipv4_subnet_id`: what ports and CCE ENI settings use. */
  readonly ipv4SubnetId?: string;
}

export interface RawRoute {
  readonly destination: string;
  readonly type: string;
  readonly nexthop?: string;
  readonly description?: string;
}

export interface RawRouteTable {
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  /** Subnet ids (either form) associated with this table. */
  readonly subnetIds: readonly string[];
  readonly routes: readonly RawRoute[];
  /** Set when the table's routes could not be read: why (the routes above are then empty and unknown). */
  readonly unread?: string;
}

export interface RawPeering {
  readonly id: string;
  readonly name?: string;
  readonly requesterVpc: string;
  readonly accepterVpc: string;
  readonly status?: string;
}

/** A security group rule with the API v3 / Terraform argument names. */
export interface RawSecurityGroupRule {
  readonly id?: string;
  readonly direction: string;
  readonly ethertype?: string;
  readonly protocol?: string | null;
  /** v3 `multiport` / Terraform `ports`. */
  readonly ports?: string | null;
  readonly portRangeMin?: number | null;
  readonly portRangeMax?: number | null;
  readonly remoteIpPrefix?: string | null;
  readonly remoteGroupId?: string | null;
  readonly remoteAddressGroupId?: string | null;
  readonly action?: string | null;
  readonly priority?: number | null;
  readonly description?: string | null;
}

export interface RawSecurityGroup {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly rules: readonly RawSecurityGroupRule[];
}

export interface RawAddressGroup {
  readonly id: string;
  readonly name?: string;
  readonly addresses: readonly string[];
  readonly description?: string;
}

export interface RawAclRule {
  readonly id?: string;
  readonly name?: string;
  readonly action: string;
  readonly protocol?: string | null;
  readonly ipVersion?: number | null;
  readonly sourceIp?: string | null;
  readonly sourceAddressGroupId?: string | null;
  readonly sourcePort?: string | null;
  readonly destinationIp?: string | null;
  readonly destinationAddressGroupId?: string | null;
  readonly destinationPort?: string | null;
  readonly enabled?: boolean | null;
  readonly description?: string | null;
}

export interface RawNetworkAcl {
  readonly id: string;
  readonly name?: string;
  readonly enabled: boolean;
  /** Subnet ids (either form) the ACL is associated with. */
  readonly subnetIds: readonly string[];
  /** In evaluation order: the first matching rule wins, so this order is never changed. */
  readonly ingress: readonly RawAclRule[];
  readonly egress: readonly RawAclRule[];
  /** Set when the ACL's rules could not be read: why (the rules above are then empty and unknown). */
  readonly unread?: string;
}

export interface RawNode {
  readonly name: string;
  readonly ip?: string;
  readonly eip?: string;
}

export interface RawCluster {
  readonly id?: string;
  readonly name: string;
  readonly vpcId: string;
  /** `hostNetwork.subnet` (a subnet network id), and any other node subnets seen on nodes. */
  readonly nodeSubnetIds: readonly string[];
  /** `containerNetwork.mode`. */
  readonly mode: string;
  readonly containerCidrs: readonly string[];
  /** `eniNetwork.subnets[].subnetID`: IPv4 subnet ids (either form is resolved). */
  readonly eniSubnetIds: readonly string[];
  readonly serviceCidr?: string;
  readonly nodeSecurityGroupId?: string;
  readonly version?: string;
  readonly nodes: readonly RawNode[];
}

export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface RawInstance {
  readonly type: ResourceType;
  readonly id: string;
  readonly name: string;
  readonly vpcId?: string;
  /** A subnet id (either form); when absent, the subnet is the one containing the first address. */
  readonly subnetId?: string;
  readonly addresses: readonly string[];
  /** In binding order. */
  readonly securityGroupIds: readonly string[];
  readonly flavor?: string;
  readonly eip?: string;
  readonly ports?: readonly { readonly protocol: 'tcp' | 'udp'; readonly port: number }[];
  /** Host names the service reports for the instance (RDS private_dns_names, DCS domain_name, DMS addresses). */
  readonly domainNames?: readonly string[];
  readonly whitelist?: {
    readonly enabled: boolean;
    readonly groups: readonly { readonly name: string; readonly addresses: readonly string[] }[];
  };
}

export interface RawSnatRule {
  readonly id?: string;
  /** A subnet id (either form) or a CIDR. */
  readonly source: string;
  readonly eip: string;
}

export interface RawNatGateway {
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string;
  readonly snatRules: readonly RawSnatRule[];
}

export interface RawDnsRecordSet {
  /** As the API gives it: usually fully qualified with a trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly values: readonly string[];
}

/** A private DNS zone and the VPCs (routers) associated with it. */
export interface RawDnsZone {
  readonly id: string;
  readonly name: string;
  readonly vpcIds: readonly string[];
  readonly records: readonly RawDnsRecordSet[];
  /** Set when the zone's record sets could not be read: why (`records` is then empty). */
  readonly unread?: string;
}

export interface RawErAttachment {
  readonly id: string;
  readonly name?: string;
  /** `resource_type`: vpc, vpn, vgw, peering, cfw, ... */
  readonly type: string;
  /** vpc attachments: `vpc_id` (API `resource_id`) and `subnet_id` (API `vpc_subnet_id`). */
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly autoCreateVpcRoutes?: boolean;
  /** Non-vpc attachments: the CIDRs the ER learned from them (propagated routes), when read. */
  readonly cidrs?: readonly string[];
}

export interface RawErRoute {
  readonly destination: string;
  readonly attachmentId?: string;
  readonly blackhole: boolean;
}

export interface RawErRouteTable {
  readonly id: string;
  readonly name?: string;
  readonly isDefault?: boolean;
  readonly associations: readonly string[];
  readonly propagations: readonly string[];
  /** Static and blackhole routes. */
  readonly routes: readonly RawErRoute[];
  /** Set when the table (associations, propagations, routes) could not be read: why; the lists above are then empty. */
  readonly unread?: string;
}

export interface RawEnterpriseRouter {
  readonly id: string;
  readonly name?: string;
  readonly asn?: number;
  readonly attachments: readonly RawErAttachment[];
  readonly routeTables: readonly RawErRouteTable[];
}

/** Everything an importer read, plus what it already knows it could not read or map. */
export interface RawInventory {
  vpcs: RawVpc[];
  subnets: RawSubnet[];
  routeTables: RawRouteTable[];
  peerings: RawPeering[];
  securityGroups: RawSecurityGroup[];
  addressGroups: RawAddressGroup[];
  networkAcls: RawNetworkAcl[];
  clusters: RawCluster[];
  instances: RawInstance[];
  natGateways: RawNatGateway[];
  dnsZones: RawDnsZone[];
  enterpriseRouters: RawEnterpriseRouter[];
  warnings: string[];
  /** Sections, or single items of one (a route table, a network ACL), the importer could not read (each also has a
   *  warning); empty for a complete import. */
  skipped: SkippedSection[];
}

/** Why a section was not read: the service is not offered in the region, the key may not read it, throttled, other. */
export type SkipReason = 'unavailable' | 'forbidden' | 'throttled' | 'error';

/** A section of the inventory an import left out, so a sync can tell a partial import from a complete one. */
export interface SkippedSection {
  readonly what: string;
  /** The cloud service it comes from (vpc, cce, ecs, dcs, rds, dms, nat). */
  readonly service: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

/** An empty inventory to fill. */
export function emptyInventory(): RawInventory {
  return {
    vpcs: [],
    subnets: [],
    routeTables: [],
    peerings: [],
    securityGroups: [],
    addressGroups: [],
    networkAcls: [],
    clusters: [],
    instances: [],
    natGateways: [],
    dnsZones: [],
    enterpriseRouters: [],
    warnings: [],
    skipped: [],
  };
}

/** What an import produces: a valid topology, and everything that could not be mapped, in words. */
export interface ImportResult {
  /** Validated, unless `validated` is false (an importer asked to leave validation to its caller). */
  readonly topology: Topology;
  /** `false`: `topology` is the assembled document, not validated yet (scheduled syncs validate it off-thread). */
  readonly validated?: false;
  readonly warnings: readonly string[];
  /** Sections left out because they could not be read (absent: none). */
  readonly skipped?: readonly SkippedSection[];
}
