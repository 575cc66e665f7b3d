// A validated topology compiled once into indexes, so that answering a question never scans every
// resource or security group: names and addresses are hash lookups, "which CIDR contains this address"
// is one hash lookup per distinct prefix length, and security-group rules arrive pre-sorted.
import { type HostIndex, indexHostNames } from '../names/resolve-host.js';
import {
  type AddressRange,
  type AddressSpan,
  addressBits,
  type Cidr,
  type Family,
  memoizedCidrParser,
  mustCidr,
  parseAddressEntry,
  parseIp,
} from '../net/address.js';
import { type PortRange, parseTopologyPortList, protocolNumber } from '../net/ports.js';
import { CLOUD_SYSTEM_ROUTES } from './cloud-ranges.js';
import { type CompiledEr, compileEr, type VpcAttachment, vpcAttachmentsOf } from './compile-er.js';
import type {
  AclRule,
  Cluster,
  ClusterNode,
  NatGateway,
  NetworkAcl,
  NetworkModel,
  Peering,
  Resource,
  RouteType,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  Topology,
  Vpc,
  Workload,
} from './schema.js';

/** The CCE default for `nonMasqueradeCidrs` (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041). */
export const DEFAULT_NON_MASQUERADE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;
/** System routes present in every route table besides the VPC's own subnets (VPC "Route Table Overview"). */
export const SYSTEM_LOCAL_ROUTES = [...CLOUD_SYSTEM_ROUTES, '127.0.0.0/8'] as const;
const SYSTEM_LOCAL_CIDRS = SYSTEM_LOCAL_ROUTES.map(mustCidr);

/** What a compiled index exposes: lookups only, so a patched copy can layer changes over a base. */
export interface Lookup<V> {
  get(key: string): V | undefined;
}

/**
 * A lookup by id over `items` that compiles each item on its first `get` and keeps the result (a later item of the
 * same id replaces an earlier one, as in a Map filled in order; ids are unique in a valid topology anyway).
 */
export function lazyLookup<T extends { readonly id: string }, V>(
  items: readonly T[],
  compile: (item: T) => V,
): Lookup<V> {
  const sources = new Map<string, T>();
  for (const item of items) sources.set(item.id, item);
  const compiled = new Map<string, V>();
  return {
    get(key) {
      const done = compiled.get(key);
      if (done !== undefined) return done;
      const source = sources.get(key);
      if (source === undefined) return undefined;
      const value = compile(source);
      compiled.set(key, value);
      return value;
    },
  };
}

/** The entries of one prefix length, by network address; `hostBits` is precomputed for the lookups. */
interface PrefixLevel<T> {
  readonly bits: number;
  readonly hostBits: bigint;
  readonly entries: Map<bigint, { cidr: Cidr; value: T }[]>;
}

/**
 * Entries keyed by CIDR: which entries contain an address (or range), and which lie within a range.
 * An index may sit on a shared `base` (a VPC's local routes under each of its tables), whose entries
 * it answers as its own, listed before its own entries of the same prefix length.
 */
export class PrefixIndex<T> {
  constructor(private readonly base?: PrefixIndex<T>) {}
  /** Per family, one level per prefix length in use, longest first: entries by their network address. */
  private readonly levels: Record<Family, PrefixLevel<T>[]> = { 4: [], 6: [] };
  private readonly all: { cidr: Cidr; value: T }[] = [];
  private sorted = true;

  /** Add an entry for `cidr`. */
  add(cidr: Cidr, value: T): void {
    const levels = this.levels[cidr.family];
    let level = levels.find((l) => l.bits === cidr.bits);
    if (!level) {
      level = { bits: cidr.bits, hostBits: BigInt(addressBits(cidr.family) - cidr.bits), entries: new Map() };
      levels.push(level);
      levels.sort((a, b) => b.bits - a.bits);
    }
    const list = level.entries.get(cidr.start);
    if (list) list.push({ cidr, value });
    else level.entries.set(cidr.start, [{ cidr, value }]);
    this.all.push({ cidr, value });
    this.sorted = false;
  }

  /** Entries whose CIDR contains all of `range`, most specific first. */
  containing(range: AddressSpan): { cidr: Cidr; value: T }[] {
    const own = this.ownContaining(range);
    if (!this.base) return own;
    const shared = this.base.containing(range);
    if (own.length === 0) return shared;
    // Merge two lists ordered by prefix length, longest first; the base's entry first on a tie.
    const out: { cidr: Cidr; value: T }[] = [];
    let i = 0;
    let j = 0;
    while (i < shared.length || j < own.length) {
      if (j >= own.length || (i < shared.length && shared[i]!.cidr.bits >= own[j]!.cidr.bits)) out.push(shared[i++]!);
      else out.push(own[j++]!);
    }
    return out;
  }

  private ownContaining(range: AddressSpan): { cidr: Cidr; value: T }[] {
    const out: { cidr: Cidr; value: T }[] = [];
    for (const level of this.levels[range.family]) {
      const start = (range.start >> level.hostBits) << level.hostBits;
      const list = level.entries.get(start);
      if (!list) continue;
      for (const entry of list) if (range.end <= entry.cidr.end) out.push(entry);
    }
    return out;
  }

  /** Entries whose CIDR lies inside `range` (including equal to it). */
  within(range: AddressSpan): { cidr: Cidr; value: T }[] {
    const own = this.ownWithin(range);
    return this.base ? [...this.base.within(range), ...own] : own;
  }

  private ownWithin(range: AddressSpan): { cidr: Cidr; value: T }[] {
    if (!this.sorted) {
      this.all.sort((a, b) => a.cidr.family - b.cidr.family || (a.cidr.start < b.cidr.start ? -1 : 1));
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const probe = this.all[mid]!.cidr;
      if (probe.family < range.family || (probe.family === range.family && probe.start < range.start)) lo = mid + 1;
      else hi = mid;
    }
    const out: { cidr: Cidr; value: T }[] = [];
    for (let i = lo; i < this.all.length; i++) {
      const entry = this.all[i]!;
      if (entry.cidr.family !== range.family || entry.cidr.start > range.end) break;
      if (entry.cidr.end <= range.end) out.push(entry);
    }
    return out;
  }

  /** Every entry (the base's too); insertion order is not guaranteed. */
  entries(): readonly { cidr: Cidr; value: T }[] {
    return this.base ? [...this.base.entries(), ...this.all] : this.all;
  }
}

export interface CompiledSubnet {
  readonly subnet: Subnet;
  readonly vpcId: string;
  readonly cidr: Cidr;
  readonly ipv6?: Cidr;
  /** The table that governs this subnet's outbound traffic: its own or the VPC default. */
  readonly routeTableId: string;
  readonly aclId?: string;
}

export interface CompiledRoute {
  readonly destination: Cidr;
  readonly type: RouteType;
  readonly nextHop?: string;
  /** How the route exists: declared in the file, a system local route, or a CCE node route. */
  readonly origin: 'declared' | 'local' | 'cce';
}

export interface CompiledRouteTable {
  readonly id: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  /** True when the VPC declared no tables and this default one is implied. */
  readonly implied: boolean;
  readonly routes: PrefixIndex<CompiledRoute>;
  /** Why its routes could not be read at import (the table's `unread`): its routes are unknown. */
  readonly unread?: string;
}

export interface CompiledVpc {
  readonly vpc: Vpc;
  readonly blocks: readonly Cidr[];
  readonly subnets: readonly CompiledSubnet[];
  readonly defaultTableId: string;
  readonly tables: ReadonlyMap<string, CompiledRouteTable>;
  readonly natGateways: readonly NatGateway[];
}

export type CompiledRemote =
  | { readonly kind: 'any' }
  | { readonly kind: 'ranges'; readonly ranges: readonly AddressRange[] }
  | { readonly kind: 'group'; readonly securityGroup: string };

export interface CompiledSgRule {
  readonly securityGroup: string;
  /** Index of the rule in the group's `rules` list, for evidence. */
  readonly index: number;
  readonly rule: SecurityGroupRule;
  readonly direction: 'ingress' | 'egress';
  readonly family: Family;
  /** IP protocol number; null = any protocol. */
  readonly protocol: number | null;
  /** Ports (tcp/udp) or ICMP types (icmp/icmpv6); undefined = all. */
  readonly ports?: readonly PortRange[];
  readonly remote: CompiledRemote;
  readonly action: 'allow' | 'deny';
  readonly priority: number;
}

export interface CompiledSecurityGroup {
  readonly group: SecurityGroup;
  /** Sorted: priority ascending, deny before allow at equal priority, then declaration order. */
  readonly ingress: readonly CompiledSgRule[];
  readonly egress: readonly CompiledSgRule[];
}

export type CompiledEndpoint = { readonly kind: 'any' } | { readonly kind: 'ranges'; readonly ranges: AddressRange[] };

export interface CompiledAclRule {
  readonly index: number;
  readonly rule: AclRule;
  readonly protocol: number | null;
  readonly source: CompiledEndpoint;
  readonly destination: CompiledEndpoint;
  readonly sourcePorts?: readonly PortRange[];
  readonly destinationPorts?: readonly PortRange[];
}

export interface CompiledAcl {
  readonly acl: NetworkAcl;
  readonly ingress: readonly CompiledAclRule[];
  readonly egress: readonly CompiledAclRule[];
}

export interface CompiledNode {
  readonly node: ClusterNode;
  readonly ip: AddressRange;
  readonly subnet?: CompiledSubnet;
}

export interface CompiledCluster {
  readonly cluster: Cluster;
  readonly model: NetworkModel;
  readonly vpcId: string;
  readonly containerCidrs: readonly Cidr[];
  readonly serviceCidr?: Cidr;
  readonly nonMasquerade: readonly Cidr[];
  readonly nodeSubnets: readonly CompiledSubnet[];
  readonly containerSubnets: readonly CompiledSubnet[];
  readonly nodes: readonly CompiledNode[];
  readonly workloads: ReadonlyMap<string, Workload>;
}

export interface CompiledTopology {
  readonly topology: Topology;
  readonly clusters: Lookup<CompiledCluster>;
  readonly clusterNames: readonly string[];
  /** Resources by lowercased name. */
  readonly resources: Lookup<Resource>;
  /** Resources by canonical address text. */
  readonly resourcesByAddress: Lookup<readonly Resource[]>;
  readonly resourceNames: () => readonly string[];
  /** Private zones and service domain names, indexed on first use (most questions name no host). */
  readonly hostNames: () => HostIndex;
  readonly vpcs: Lookup<CompiledVpc>;
  readonly vpcBlocks: PrefixIndex<string>;
  /** Subnets by id and by ipv4SubnetId. */
  readonly subnets: Lookup<CompiledSubnet>;
  readonly subnetIndex: PrefixIndex<CompiledSubnet>;
  readonly securityGroups: Lookup<CompiledSecurityGroup>;
  readonly addressGroups: Lookup<readonly AddressRange[]>;
  readonly networkAcls: Lookup<CompiledAcl>;
  readonly peerings: Lookup<Peering>;
  /** Peerings by the unordered pair of VPC ids (see `pairKey`). */
  readonly peeringsByPair: Lookup<readonly Peering[]>;
  readonly nodesByAddress: Lookup<{ readonly cluster: string; readonly node: CompiledNode }>;
  readonly containerIndex: PrefixIndex<string>;
  readonly serviceIndex: PrefixIndex<string>;
  /** eni container subnets (by subnet id) to the name of the cluster whose pods take IPs there. */
  readonly eniSubnets: Lookup<string>;
  /** Enterprise routers by id. */
  readonly enterpriseRouters: Lookup<CompiledEr>;
  /** The ER attachments of each VPC, by VPC id. */
  readonly vpcAttachments: Lookup<readonly VpcAttachment[]>;
}

/** The key of an unordered pair of VPC ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The peerings joining two VPCs (either side may be the requester). */
export function peeringsBetween(compiled: CompiledTopology, a: string, b: string): readonly Peering[] {
  return compiled.peeringsByPair.get(pairKey(a, b)) ?? [];
}

/** The VPC on the other side of a peering from `vpcId`. */
export function farSide(peering: Peering, vpcId: string): string {
  return peering.requesterVpc === vpcId ? peering.accepterVpc : peering.requesterVpc;
}

/** The peering a route should use among those joining two VPCs: the first ACTIVE one, else the first. */
export function preferredPeering(pair: readonly Peering[]): Peering | undefined {
  return pair.find((p) => (p.status ?? 'ACTIVE') === 'ACTIVE') ?? pair[0];
}

/** A subnet's block of one family (its IPv6 block may be absent). */
export function subnetBlock(subnet: CompiledSubnet, family: Family): Cidr | undefined {
  return family === 4 ? subnet.cidr : subnet.ipv6;
}

/** The id given to a VPC's default route table when the file declares none. */
export function impliedDefaultTableId(vpcId: string): string {
  return `${vpcId}-default`;
}

function protocolOf(value: SecurityGroupRule['protocol']): number | null {
  return protocolNumber(value ?? 'any');
}

function portsOf(text: string | undefined, protocol: number | null): readonly PortRange[] | undefined {
  if (text === undefined || protocol === null) return undefined;
  const parsed = parseTopologyPortList(text);
  return parsed.ok ? parsed.ranges : undefined;
}

function addressGroupRanges(topology: Topology): Map<string, AddressRange[]> {
  const out = new Map<string, AddressRange[]>();
  for (const group of topology.addressGroups ?? []) {
    out.set(
      group.id,
      group.addresses.flatMap((entry) => {
        const parsed = parseAddressEntry(entry);
        return parsed.ok ? [parsed.range] : [];
      }),
    );
  }
  return out;
}

/** Parses a rule's validated CIDR text: `mustCidr` itself, or a memoizedCidrParser() shared by many groups. */
type CidrParser = (text: string) => Cidr;

function compileSgRule(
  groupId: string,
  rule: SecurityGroupRule,
  index: number,
  addressGroups: Lookup<readonly AddressRange[]>,
  cidrOf: CidrParser,
): CompiledSgRule {
  const protocol = protocolOf(rule.protocol);
  let remote: CompiledRemote = { kind: 'any' };
  if (typeof rule.remote === 'string') remote = { kind: 'ranges', ranges: [cidrOf(rule.remote)] };
  else if (rule.remote && 'securityGroup' in rule.remote)
    remote = { kind: 'group', securityGroup: rule.remote.securityGroup };
  else if (rule.remote) remote = { kind: 'ranges', ranges: addressGroups.get(rule.remote.addressGroup) ?? [] };
  return {
    securityGroup: groupId,
    index,
    rule,
    direction: rule.direction,
    family: rule.ethertype === 'IPv6' ? 6 : 4,
    protocol,
    ports: portsOf(rule.ports, protocol),
    remote,
    action: rule.action ?? 'allow',
    priority: rule.priority ?? 1,
  };
}

function sortedGroup(group: SecurityGroup, rules: readonly CompiledSgRule[]): CompiledSecurityGroup {
  const sorted = sortSgRules(rules);
  return {
    group,
    ingress: sorted.filter((r) => r.direction === 'ingress'),
    egress: sorted.filter((r) => r.direction === 'egress'),
  };
}

/** Compile one security group: rules parsed and sorted for first-match evaluation. */
export function compileSecurityGroup(
  group: SecurityGroup,
  addressGroups: Lookup<readonly AddressRange[]>,
  cidrOf: CidrParser = mustCidr,
): CompiledSecurityGroup {
  return sortedGroup(
    group,
    (group.rules ?? []).map((rule, index) => compileSgRule(group.id, rule, index, addressGroups, cidrOf)),
  );
}

/** Recompile a group whose `next` version only appended rules to `compiled.group`: parses only the new rules. */
export function extendSecurityGroup(
  compiled: CompiledSecurityGroup,
  next: SecurityGroup,
  addressGroups: Lookup<readonly AddressRange[]>,
): CompiledSecurityGroup {
  const before = compiled.group.rules?.length ?? 0;
  const added = (next.rules ?? [])
    .slice(before)
    .map((rule, i) => compileSgRule(next.id, rule, before + i, addressGroups, mustCidr));
  const existing = [...compiled.ingress, ...compiled.egress].sort((a, b) => a.index - b.index);
  return sortedGroup(next, [...existing, ...added]);
}

/** Priority ascending; at equal priority deny first; otherwise keep the given order (stable sort). */
export function sortSgRules<R extends { priority: number; action: 'allow' | 'deny' }>(rules: readonly R[]): R[] {
  return [...rules].sort(
    (a, b) => a.priority - b.priority || (a.action === b.action ? 0 : a.action === 'deny' ? -1 : 1),
  );
}

function endpointOf(value: AclRule['source'], addressGroups: Lookup<readonly AddressRange[]>): CompiledEndpoint {
  if (value === undefined) return { kind: 'any' };
  if (typeof value === 'string') return { kind: 'ranges', ranges: [mustCidr(value)] };
  return { kind: 'ranges', ranges: [...(addressGroups.get(value.addressGroup) ?? [])] };
}

/** Compile one network ACL: rules keep their order (first match wins). */
export function compileAcl(acl: NetworkAcl, addressGroups: Lookup<readonly AddressRange[]>): CompiledAcl {
  const compileRules = (rules: readonly AclRule[] | undefined) =>
    (rules ?? []).map((rule, index): CompiledAclRule => {
      const protocol = protocolOf(rule.protocol);
      return {
        index,
        rule,
        protocol,
        source: endpointOf(rule.source, addressGroups),
        destination: endpointOf(rule.destination, addressGroups),
        sourcePorts: portsOf(rule.sourcePorts, protocol),
        destinationPorts: portsOf(rule.destinationPorts, protocol),
      };
    });
  return { acl, ingress: compileRules(acl.ingress), egress: compileRules(acl.egress) };
}

/** Compile one VPC: subnets with their governing tables, and every table with its implied routes. */
export function compileVpc(vpc: Vpc, clusters: readonly Cluster[]): CompiledVpc {
  const declared = vpc.routeTables ?? [];
  const defaultTableId = declared.find((t) => t.default)?.id ?? declared[0]?.id ?? impliedDefaultTableId(vpc.id);
  const subnets = (vpc.subnets ?? []).map(
    (subnet): CompiledSubnet => ({
      subnet,
      vpcId: vpc.id,
      cidr: mustCidr(subnet.cidr),
      ipv6: subnet.ipv6Cidr ? mustCidr(subnet.ipv6Cidr) : undefined,
      routeTableId: subnet.routeTable ?? defaultTableId,
      aclId: subnet.networkAcl,
    }),
  );
  // CCE writes one route per node slice into the VPC's default table (CCE "VPC Network", cce_10_0283); modelled as one
  // route per container CIDR of each vpc-router cluster in this VPC.
  const cceCidrs = distinctCidrs(
    clusters.filter((c) => c.vpc === vpc.id && c.networkModel === 'vpc-router').flatMap((c) => c.containerCidrs ?? []),
  );
  // Every table holds the same local routes: one shared index, so a VPC of n subnets and m tables costs n + m.
  const locals = new PrefixIndex<CompiledRoute>();
  for (const s of subnets) {
    locals.add(s.cidr, { destination: s.cidr, type: 'local', origin: 'local' });
    if (s.ipv6) locals.add(s.ipv6, { destination: s.ipv6, type: 'local', origin: 'local' });
  }
  for (const cidr of SYSTEM_LOCAL_CIDRS) locals.add(cidr, { destination: cidr, type: 'local', origin: 'local' });
  const buildTable = (id: string, isDefault: boolean, implied: boolean, routes: Vpc['routeTables']) => {
    const unread = routes?.find((t) => t.unread)?.unread;
    const index = new PrefixIndex<CompiledRoute>(locals);
    if (isDefault) for (const cidr of cceCidrs) index.add(cidr, { destination: cidr, type: 'cce', origin: 'cce' });
    for (const table of routes ?? []) {
      for (const route of table.routes ?? []) {
        const destination = mustCidr(route.destination);
        index.add(destination, { destination, type: route.type, nextHop: route.nextHop, origin: 'declared' });
      }
    }
    return {
      id,
      vpcId: vpc.id,
      isDefault,
      implied,
      routes: index,
      ...(unread ? { unread } : {}),
    } satisfies CompiledRouteTable;
  };
  const tables = new Map<string, CompiledRouteTable>();
  if (declared.length === 0) tables.set(defaultTableId, buildTable(defaultTableId, true, true, []));
  for (const table of declared) tables.set(table.id, buildTable(table.id, table.id === defaultTableId, false, [table]));
  return {
    vpc,
    blocks: [vpc.cidr, ...(vpc.secondaryCidrs ?? [])].map(mustCidr),
    subnets,
    defaultTableId,
    tables,
    natGateways: vpc.natGateways ?? [],
  };
}

function compileCluster(cluster: Cluster, subnets: Lookup<CompiledSubnet>, subnetIndex: PrefixIndex<CompiledSubnet>) {
  const resolve = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => subnets.get(id)).filter((s): s is CompiledSubnet => s !== undefined);
  const nodes = (cluster.nodes ?? []).map((node): CompiledNode => {
    const ip = parseIp(node.ip)!;
    const subnet = subnetIndex.containing(ip).find((e) => e.value.vpcId === cluster.vpc)?.value;
    return { node, ip, subnet };
  });
  return {
    cluster,
    model: cluster.networkModel,
    vpcId: cluster.vpc,
    containerCidrs: distinctCidrs(cluster.containerCidrs ?? []),
    serviceCidr: cluster.serviceCidr ? mustCidr(cluster.serviceCidr) : undefined,
    nonMasquerade: distinctCidrs(cluster.nonMasqueradeCidrs ?? DEFAULT_NON_MASQUERADE),
    nodeSubnets: resolve(cluster.nodeSubnets),
    containerSubnets: resolve(cluster.containerSubnets),
    nodes,
    workloads: new Map((cluster.workloads ?? []).map((w) => [w.name.toLowerCase(), w])),
  } satisfies CompiledCluster;
}

/** Parsed CIDRs with repeats collapsed: a list written 10,000 times over indexes (and is searched) once. */
function distinctCidrs(texts: readonly string[]): Cidr[] {
  const seen = new Map<string, Cidr>();
  for (const text of texts) {
    const cidr = mustCidr(text);
    if (!seen.has(cidr.text)) seen.set(cidr.text, cidr);
  }
  return [...seen.values()];
}

/** Compile a validated topology into the indexes the engine asks. */
export function compileTopology(topology: Topology): CompiledTopology {
  const clustersList = topology.clusters ?? [];
  const addressGroups = addressGroupRanges(topology);

  const vpcs = new Map<string, CompiledVpc>();
  const vpcBlocks = new PrefixIndex<string>();
  const subnets = new Map<string, CompiledSubnet>();
  const subnetIndex = new PrefixIndex<CompiledSubnet>();
  for (const vpc of topology.vpcs ?? []) {
    const compiled = compileVpc(vpc, clustersList);
    vpcs.set(vpc.id, compiled);
    for (const block of compiled.blocks) vpcBlocks.add(block, vpc.id);
    for (const s of compiled.subnets) {
      subnets.set(s.subnet.id, s);
      if (s.subnet.ipv4SubnetId) subnets.set(s.subnet.ipv4SubnetId, s);
      subnetIndex.add(s.cidr, s);
      if (s.ipv6) subnetIndex.add(s.ipv6, s);
    }
  }

  // A question touches a handful of the thousands of groups and ACLs a large network has: each is compiled on first
  // use, which takes most of the compile off the start (issue #16, item 6). The result is the same either way.
  // One parser for every group this topology compiles: their rules repeat a few hundred CIDRs.
  const cidrOf = memoizedCidrParser();
  const securityGroups = lazyLookup(topology.securityGroups ?? [], (group) =>
    compileSecurityGroup(group, addressGroups, cidrOf),
  );
  const networkAcls = lazyLookup(topology.networkAcls ?? [], (acl) => compileAcl(acl, addressGroups));

  const peerings = new Map<string, Peering>();
  const peeringsByPair = new Map<string, Peering[]>();
  for (const p of topology.peerings ?? []) {
    peerings.set(p.id, p);
    const key = pairKey(p.requesterVpc, p.accepterVpc);
    const list = peeringsByPair.get(key);
    if (list) list.push(p);
    else peeringsByPair.set(key, [p]);
  }

  const clusters = new Map<string, CompiledCluster>();
  const nodesByAddress = new Map<string, { cluster: string; node: CompiledNode }>();
  const containerIndex = new PrefixIndex<string>();
  const serviceIndex = new PrefixIndex<string>();
  const eniSubnets = new Map<string, string>();
  for (const cluster of clustersList) {
    const compiled = compileCluster(cluster, subnets, subnetIndex);
    clusters.set(cluster.name.toLowerCase(), compiled);
    for (const cidr of compiled.containerCidrs) containerIndex.add(cidr, cluster.name);
    if (compiled.serviceCidr) serviceIndex.add(compiled.serviceCidr, cluster.name);
    for (const node of compiled.nodes) nodesByAddress.set(node.ip.text, { cluster: cluster.name, node });
    if (compiled.model === 'eni') for (const s of compiled.containerSubnets) eniSubnets.set(s.subnet.id, cluster.name);
  }

  const resources = new Map<string, Resource>();
  const resourcesByAddress = new Map<string, Resource[]>();
  for (const resource of topology.resources ?? []) {
    resources.set(resource.name.toLowerCase(), resource);
    for (const address of resource.addresses) {
      const text = parseIp(address)?.text ?? address;
      const list = resourcesByAddress.get(text);
      if (list) list.push(resource);
      else resourcesByAddress.set(text, [resource]);
    }
  }
  let resourceNames: string[] | undefined;
  const enterpriseRouters = new Map<string, CompiledEr>();
  for (const er of topology.enterpriseRouters ?? []) enterpriseRouters.set(er.id, compileEr(er, vpcs));
  let hostNames: HostIndex | undefined;

  return {
    topology,
    clusters,
    clusterNames: clustersList.map((c) => c.name),
    resources,
    resourcesByAddress,
    resourceNames: () => {
      resourceNames ??= (topology.resources ?? []).map((r) => r.name);
      return resourceNames;
    },
    hostNames: () => {
      hostNames ??= indexHostNames(topology);
      return hostNames;
    },
    vpcs,
    vpcBlocks,
    subnets,
    subnetIndex,
    securityGroups,
    addressGroups,
    networkAcls,
    peerings,
    peeringsByPair,
    nodesByAddress,
    containerIndex,
    serviceIndex,
    eniSubnets,
    enterpriseRouters,
    vpcAttachments: vpcAttachmentsOf(topology),
  };
}
