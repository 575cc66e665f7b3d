// From what an importer read (model.ts) to a valid topology v1 document. One place decides how
// Huawei's objects map: both subnet id forms resolve to our subnet `id`; clusters and resources keep
// their Huawei names (collisions get a deterministic suffix); every list is sorted, except where
// order is meaning (network ACL rules: first match wins; security groups bound to a NIC or cluster:
// binding order); and whatever cannot be mapped becomes a warning, never a silent drop.

import { contains, mustCidr, parseAddressEntry, parseCidr, parseIp } from '../net/address.js';
import { type NamedProtocol, PROTOCOL_NUMBERS, parseTopologyPortList, type RuleProtocol } from '../net/ports.js';
import { formatIssues } from '../topology/errors.js';
import {
  networkModelOf,
  PEERING_STATUSES,
  ROUTE_TYPES,
  type Topology,
  type TopologyInput,
} from '../topology/schema.js';
import { chunker, runCooperatively, runToEnd, type Steps } from './cooperative.js';
import { mapDnsZones, mapDomainNames } from './dns.js';
import { mapEnterpriseRouters } from './enterprise-router.js';
import { validateLeavingOut } from './leave-out-invalid.js';
import type {
  ImportResult,
  RawAclRule,
  RawCluster,
  RawInstance,
  RawInventory,
  RawSecurityGroupRule,
  RawSubnet,
} from './model.js';

type In = NonNullable<TopologyInput['vpcs']>[number];
type SubnetIn = NonNullable<In['subnets']>[number];
type RouteTableIn = NonNullable<In['routeTables']>[number];
type RouteIn = NonNullable<RouteTableIn['routes']>[number];
type NatIn = NonNullable<In['natGateways']>[number];
type SgIn = NonNullable<TopologyInput['securityGroups']>[number];
type SgRuleIn = NonNullable<SgIn['rules']>[number];
type AclIn = NonNullable<TopologyInput['networkAcls']>[number];
type AclRuleIn = NonNullable<AclIn['ingress']>[number];
type ClusterIn = NonNullable<TopologyInput['clusters']>[number];
type ResourceIn = NonNullable<TopologyInput['resources']>[number];

export interface AssembleOptions {
  /** The document's `name`. */
  readonly name?: string;
  /** The document's `description` (where it came from). */
  readonly description?: string;
  /** Where it came from, so that fixes name the real region and project. */
  readonly region?: string;
  readonly project?: string;
  /**
   * `false`: return the document without validating it (`validated: false` on the result), for a caller that
   * validates it elsewhere: a scheduled sync validates in a worker thread (src/sync/prepare.ts).
   */
  readonly validate?: boolean;
}

/** A validated topology from an inventory, with every unmapped thing as a warning. Throws if the result is invalid. */
export function assembleTopology(inventory: RawInventory, options: AssembleOptions = {}): ImportResult {
  return runToEnd(assemblySteps(inventory, options));
}

/**
 * The same, pausing (`pause`, by default one turn of the event loop) every few thousand rules or resources, so a
 * bot importing a large network keeps answering meanwhile. Validation of the result is one block (unless
 * `validate: false` leaves it to the caller).
 */
export function assembleTopologyCooperatively(
  inventory: RawInventory,
  options: AssembleOptions = {},
  pause?: () => Promise<void>,
): Promise<ImportResult> {
  return runCooperatively(assemblySteps(inventory, options), pause);
}

/** Work units (rules, resources, subnets) between two pauses of a cooperative assembly. */
const UNITS_PER_PAUSE = 2000;

function* assemblySteps(inventory: RawInventory, options: AssembleOptions): Steps<ImportResult> {
  const chunkFull = chunker(UNITS_PER_PAUSE);
  const warnings = [...inventory.warnings];
  const warn = (message: string) => warnings.push(message);

  // VPCs, deduplicated by id. A secondary CIDR that is blank or not a CIDR is left out, as a subnet's IPv6 CIDR is
  // below (found by the Terraform state fuzz test: `secondary_cidrs: [""]` made the whole import invalid).
  const vpcs = uniqueBy(inventory.vpcs, (v) => v.id)
    .filter((vpc) => {
      if (!isCidr(vpc.cidr)) warn(`VPC ${vpc.id}: CIDR "${vpc.cidr}" is not a CIDR; VPC skipped`);
      return isCidr(vpc.cidr);
    })
    .map((vpc) => {
      const extendCidrs = vpc.extendCidrs.map((c) => c.trim()).filter(Boolean);
      for (const c of extendCidrs)
        if (!isCidr(c, false)) warn(`VPC ${vpc.id}: secondary CIDR "${c}" is not a CIDR; left out`);
      return { ...vpc, extendCidrs: extendCidrs.filter((c) => isCidr(c, false)) };
    });
  const vpcIds = new Set(vpcs.map((v) => v.id));

  // Subnets, reachable by either id form.
  const subnets: RawSubnet[] = [];
  for (const subnet of uniqueBy(inventory.subnets, (s) => s.id)) {
    if (!vpcIds.has(subnet.vpcId)) {
      warn(`subnet ${subnet.id} (${subnet.cidr}): its VPC ${subnet.vpcId} was not imported; subnet skipped`);
    } else if (!isCidr(subnet.cidr, false)) {
      warn(`subnet ${subnet.id}: CIDR "${subnet.cidr}" is not a CIDR; subnet skipped`);
    } else {
      // An IPv6 CIDR that is blank or not a CIDR is left out (found by the Terraform state fuzz test: an IPv6 CIDR
      // of " " made the whole import invalid).
      const { ipv6Cidr, ...rest } = subnet;
      const ipv6 = ipv6Cidr?.trim();
      if (ipv6 && !isCidr(ipv6, false)) warn(`subnet ${subnet.id}: IPv6 CIDR "${ipv6Cidr}" is not a CIDR; left out`);
      subnets.push(ipv6 && isCidr(ipv6, false) ? { ...rest, ipv6Cidr: ipv6 } : rest);
    }
  }
  const subnetById = new Map<string, RawSubnet>();
  for (const s of subnets) {
    subnetById.set(s.id, s);
    if (s.ipv4SubnetId) subnetById.set(s.ipv4SubnetId, s);
  }
  const resolveSubnet = (id: string | undefined | null) => (id ? subnetById.get(id) : undefined);

  // Peerings: both ends must be imported VPCs, and the status must be one we understand.
  const peerings = uniqueBy(inventory.peerings, (p) => p.id).flatMap((p) => {
    const missing = [p.requesterVpc, p.accepterVpc].filter((v) => !vpcIds.has(v));
    if (missing.length) {
      warn(
        `peering ${p.id}${p.name ? ` (${p.name})` : ''}: VPC ${missing.join(', ')} was not imported (another project, region or account?); peering skipped`,
      );
      return [];
    }
    const status = (p.status ?? 'ACTIVE').toUpperCase();
    if (!(PEERING_STATUSES as readonly string[]).includes(status)) {
      warn(`peering ${p.id}: status "${p.status}" is not one of ${PEERING_STATUSES.join(', ')}; peering skipped`);
      return [];
    }
    return [
      compact({
        id: p.id,
        name: p.name,
        requesterVpc: p.requesterVpc,
        accepterVpc: p.accepterVpc,
        status: status as (typeof PEERING_STATUSES)[number],
      }),
    ];
  });
  const peeringIds = new Set(peerings.map((p) => p.id));

  // Address groups.
  const addressGroups = uniqueBy(inventory.addressGroups, (g) => g.id).map((group) =>
    compact({
      id: group.id,
      name: group.name,
      addresses: sortedUnique(
        group.addresses.filter((a) => {
          const ok = parseAddressEntry(a).ok;
          if (!ok) warn(`address group ${group.id}: entry "${a}" is not an address, CIDR or range; entry skipped`);
          return ok;
        }),
      ),
      description: group.description || undefined,
    }),
  );
  const addressGroupIds = new Set(addressGroups.map((g) => g.id));

  // Security groups.
  const rawGroups = uniqueBy(inventory.securityGroups, (g) => g.id);
  const sgIds = new Set(rawGroups.map((g) => g.id));
  const securityGroups: SgIn[] = [];
  for (const group of rawGroups) {
    if (chunkFull(group.rules.length + 1)) yield;
    const rules = uniqueBy(group.rules, (r, i) => r.id ?? `#${i}`).flatMap((rule) => {
      const mapped = mapSecurityGroupRule(rule, sgIds, addressGroupIds);
      const label = `security group ${group.id}${group.name ? ` (${group.name})` : ''}: rule ${rule.id ?? ''}`;
      if (typeof mapped === 'string') {
        warn(`${label} ${mapped}`);
        return [];
      }
      for (const note of mapped.notes) warn(`${label} ${note}`);
      return [mapped.rule];
    });
    securityGroups.push(
      compact({
        id: group.id,
        name: group.name,
        description: group.description || undefined,
        rules: sortByKey(rules, (r) => JSON.stringify([r.direction, r.priority ?? 1, r.action ?? 'allow', r])),
      }),
    );
  }

  // Network ACLs and their subnet associations.
  const aclOfSubnet = new Map<string, string>();
  const networkAcls: AclIn[] = [];
  for (const acl of uniqueBy(inventory.networkAcls, (a) => a.id)) {
    if (chunkFull(acl.ingress.length + acl.egress.length + 1)) yield;
    const label = `network ACL ${acl.id}${acl.name ? ` (${acl.name})` : ''}`;
    const mapRules = (rules: readonly RawAclRule[], direction: string) =>
      rules.flatMap((rule, index) => {
        if (rule.enabled === false) {
          warn(`${label}: ${direction} rule ${rule.id ?? index + 1} is disabled; left out (it does not filter)`);
          return [];
        }
        const mapped = mapAclRule(rule, addressGroupIds);
        if (typeof mapped === 'string') {
          warn(`${label}: ${direction} rule ${rule.id ?? index + 1} ${mapped}; the ACL's verdicts may be wrong`);
          return [];
        }
        return [mapped];
      });
    if (!acl.enabled) {
      warn(`${label} is disabled; imported without its subnet associations (a disabled ACL does not filter)`);
    } else {
      for (const subnetId of acl.subnetIds) {
        const subnet = resolveSubnet(subnetId);
        if (!subnet) warn(`${label}: associated subnet ${subnetId} was not imported`);
        else if (aclOfSubnet.has(subnet.id) && aclOfSubnet.get(subnet.id) !== acl.id)
          warn(`${label}: subnet ${subnet.id} is already associated with ${aclOfSubnet.get(subnet.id)}; kept that one`);
        else aclOfSubnet.set(subnet.id, acl.id);
      }
    }
    networkAcls.push(
      compact({
        id: acl.id,
        name: acl.name,
        ingress: mapRules(acl.ingress, 'inbound'),
        egress: mapRules(acl.egress, 'outbound'),
        unread: acl.unread,
      }),
    );
  }

  // Container CIDRs of vpc-router clusters per VPC, to recognise the routes CCE writes for their nodes.
  const podCidrsByVpc = new Map<string, string[]>();
  for (const c of inventory.clusters) {
    if (networkModelOf(c.mode) !== 'vpc-router') continue;
    podCidrsByVpc.set(c.vpcId, [
      ...(podCidrsByVpc.get(c.vpcId) ?? []),
      ...c.containerCidrs.filter((x) => isCidr(x, false)),
    ]);
  }
  const podCidrOf = (vpcId: string, destination: string) => {
    const dest = parseCidr(destination, true);
    if (!dest.ok) return undefined;
    return podCidrsByVpc.get(vpcId)?.find((cidr) => contains(mustCidr(cidr), dest.cidr));
  };

  // Enterprise routers: VPC routes to one of them are kept only when it was imported too.
  const enterpriseRouters = mapEnterpriseRouters(inventory.enterpriseRouters, { vpcIds, resolveSubnet, warn });
  const erIds = new Set(enterpriseRouters.map((e) => e.id));

  // Route tables per VPC; custom-table associations go on the subnets.
  const tableOfSubnet = new Map<string, string>();
  const tablesByVpc = new Map<string, RouteTableIn[]>();
  for (const table of uniqueBy(inventory.routeTables, (t) => t.id)) {
    if (!vpcIds.has(table.vpcId)) {
      warn(`route table ${table.id}: its VPC ${table.vpcId} was not imported; table skipped`);
      continue;
    }
    const routes: RouteIn[] = table.routes.flatMap((route) => {
      const type = route.type.toLowerCase();
      if (type === 'local') return []; // implied by the subnets, per the spec
      const what = `route table ${table.id}: route ${route.destination} -> ${route.type} ${route.nexthop ?? ''}`.trim();
      // CCE writes one route per node for a vpc-router cluster (destination: the node's pod slice, next hop:
      // the node); its API type string is undocumented (VPC "Route Table Overview" (undocumented)). Match it by destination.
      const podCidr = type === 'cce' ? undefined : podCidrOf(table.vpcId, route.destination);
      const routeType = oneOf(type, ROUTE_TYPES);
      let mappedType: (typeof ROUTE_TYPES)[number];
      if (podCidr && (type === 'ecs' || !routeType)) {
        warn(
          `${what}: its destination lies in the container CIDR ${podCidr} of a vpc-router cluster, so it is taken for a route CCE wrote for a node (its API type is undocumented); imported as type cce`,
        );
        mappedType = 'cce';
      } else if (!routeType) {
        warn(`${what}: route type "${route.type}" is not one reachbot models; route skipped`);
        return [];
      } else if (!isCidr(route.destination)) {
        warn(`${what}: destination is not a CIDR; route skipped`);
        return [];
      } else if (type === 'peering' && !(route.nexthop && peeringIds.has(route.nexthop))) {
        warn(`${what}: the peering was not imported; route skipped`);
        return [];
      } else if (type === 'er' && erIds.size > 0 && !(route.nexthop && erIds.has(route.nexthop))) {
        warn(`${what}: the enterprise router was not imported (another account or region?); route skipped`);
        return [];
      } else mappedType = routeType;
      return [
        compact({
          destination: route.destination,
          type: mappedType,
          nextHop: route.nexthop && route.nexthop !== '-' ? route.nexthop : undefined,
          description: route.description || undefined,
        }),
      ];
    });
    if (!table.isDefault) {
      for (const subnetId of table.subnetIds) {
        const subnet = resolveSubnet(subnetId);
        if (!subnet) warn(`route table ${table.id}: associated subnet ${subnetId} was not imported`);
        else tableOfSubnet.set(subnet.id, table.id);
      }
    }
    const list = tablesByVpc.get(table.vpcId) ?? [];
    list.push(
      compact({
        id: table.id,
        name: table.name,
        default: table.isDefault || undefined,
        routes: sortByKey(routes, (r) => `${r.destination}\u0000${r.type}\u0000${r.nextHop ?? ''}`),
        unread: table.unread,
      }),
    );
    tablesByVpc.set(table.vpcId, list);
  }
  // When the route-table listing itself failed, no table of any VPC is known: each VPC's default table is recorded
  // as unread rather than assumed to hold only local routes, so answers that route through it say uncertain.
  const tablesSkipped = inventory.skipped.find((section) => section.what === 'route tables');
  const routeTablesUnread = (vpcId: string) =>
    tablesSkipped && !inventory.routeTables.some((t) => t.vpcId === vpcId && t.isDefault)
      ? `the route tables could not be listed: ${tablesSkipped.detail}`
      : undefined;
  if (tablesSkipped) for (const vpcId of vpcIds) if (!tablesByVpc.has(vpcId)) tablesByVpc.set(vpcId, []);
  for (const [vpcId, tables] of tablesByVpc) {
    const defaults = tables.filter((t) => t.default);
    if (defaults.length === 0) {
      const id = `${vpcId}-default`;
      const unread = routeTablesUnread(vpcId);
      if (unread) tables.push({ id, default: true, routes: [], unread });
      else {
        warn(
          `VPC ${vpcId}: its default route table is not in the input; assumed to hold only local routes (added as ${id})`,
        );
        tables.push({ id, default: true, routes: [] });
      }
    } else if (defaults.length > 1) {
      const [keep, ...rest] = sortByKey(defaults, (t) => t.id);
      warn(`VPC ${vpcId}: several default route tables; kept ${keep?.id}, others marked custom`);
      for (const t of rest) delete t.default;
    }
  }

  // NAT gateways per VPC.
  const natsByVpc = new Map<string, NatIn[]>();
  for (const nat of uniqueBy(inventory.natGateways, (n) => n.id)) {
    if (!vpcIds.has(nat.vpcId)) {
      warn(`NAT gateway ${nat.id}: its VPC ${nat.vpcId} was not imported; gateway skipped`);
      continue;
    }
    const rules = nat.snatRules.flatMap((rule) => {
      const subnet = resolveSubnet(rule.source);
      const source = subnet?.id ?? (isCidr(rule.source) ? rule.source : undefined);
      const eip = parseIp(rule.eip)?.text;
      if (!source || !eip) {
        warn(
          `NAT gateway ${nat.id}: SNAT rule ${rule.id ?? ''} (${rule.source} -> ${rule.eip}) has ${!source ? 'a source that is neither an imported subnet nor a CIDR' : 'no EIP address'}; rule skipped`,
        );
        return [];
      }
      return [{ source, eip }];
    });
    const list = natsByVpc.get(nat.vpcId) ?? [];
    list.push(compact({ id: nat.id, name: nat.name, snatRules: sortByKey(rules, (r) => `${r.source} ${r.eip}`) }));
    natsByVpc.set(nat.vpcId, list);
  }

  const vpcDocs: In[] = sortByKey(vpcs, (v) => v.id).map((vpc) => {
    const own = sortByKey(
      subnets.filter((s) => s.vpcId === vpc.id),
      (s) => s.id,
    );
    const subnetDocs: SubnetIn[] = own.map((s) =>
      compact({
        id: s.id,
        name: s.name,
        ipv4SubnetId: s.ipv4SubnetId,
        cidr: s.cidr,
        ipv6Cidr: s.ipv6Cidr || undefined,
        routeTable: tableOfSubnet.get(s.id),
        networkAcl: aclOfSubnet.get(s.id),
      }),
    );
    const tables = tablesByVpc.get(vpc.id);
    const nats = natsByVpc.get(vpc.id);
    return compact({
      id: vpc.id,
      name: vpc.name,
      cidr: vpc.cidr,
      secondaryCidrs: vpc.extendCidrs.length ? sortedUnique(vpc.extendCidrs) : undefined,
      subnets: subnetDocs.length ? subnetDocs : undefined,
      routeTables: tables ? sortByKey(tables, (t) => t.id) : undefined,
      natGateways: nats ? sortByKey(nats, (n) => n.id) : undefined,
    });
  });

  const clusterDocs: ClusterIn[] = [];
  for (const c of inventory.clusters) {
    if (chunkFull(c.nodes.length + 1)) yield;
    const doc = mapCluster(c, { vpcIds, sgIds, subnets, resolveSubnet, warn });
    if (doc) clusterDocs.push(doc);
  }
  const clusters = dedupeNames(
    clusterDocs,
    (c, name) => ({ ...c, name }),
    (c) => c.id ?? '',
    'cluster',
    warn,
  );

  const resourceDocs: ResourceIn[] = [];
  for (const i of inventory.instances) {
    if (chunkFull()) yield;
    const doc = mapInstance(i, { vpcIds, sgIds, subnets, resolveSubnet, warn });
    if (doc) resourceDocs.push(doc);
  }
  yield;
  const resources = dedupeNames(
    resourceDocs,
    (r, name) => ({ ...r, name }),
    (r) => r.id ?? '',
    'resource',
    warn,
  );

  const dnsZones = mapDnsZones(inventory.dnsZones, vpcIds, warn);

  const document: TopologyInput = compact({
    version: 1 as const,
    name: options.name,
    description: options.description,
    region: options.region,
    project: options.project,
    vpcs: vpcDocs.length ? vpcDocs : undefined,
    peerings: peerings.length ? sortByKey(peerings, (p) => p.id) : undefined,
    enterpriseRouters: enterpriseRouters.length ? enterpriseRouters : undefined,
    securityGroups: securityGroups.length ? sortByKey(securityGroups, (g) => g.id) : undefined,
    addressGroups: addressGroups.length ? sortByKey(addressGroups, (g) => g.id) : undefined,
    networkAcls: networkAcls.length ? sortByKey(networkAcls, (a) => a.id) : undefined,
    clusters: clusters.length ? sortByKey(clusters, (c) => c.name) : undefined,
    resources: resources.length ? sortByKey(resources, (r) => r.name) : undefined,
    dnsZones: dnsZones.length ? dnsZones : undefined,
  });

  yield;
  if (options.validate === false) {
    return {
      // Not validated yet: the caller validates it (ImportResult.validated).
      topology: document as Topology,
      validated: false,
      warnings: [...new Set(warnings)],
      ...(inventory.skipped.length ? { skipped: [...inventory.skipped] } : {}),
    };
  }
  const result = validateLeavingOut(document, warn);
  if (!result.ok) {
    throw new Error(`the imported topology does not validate (a reachbot bug):\n${formatIssues(result.issues)}`);
  }
  return {
    topology: result.topology as Topology,
    warnings: [...new Set(warnings)],
    ...(inventory.skipped.length ? { skipped: [...inventory.skipped] } : {}),
  };
}

/** A rule in topology terms with what its mapping assumed, or why it cannot be mapped. */
function mapSecurityGroupRule(
  rule: RawSecurityGroupRule,
  sgIds: ReadonlySet<string>,
  addressGroupIds: ReadonlySet<string>,
): { rule: SgRuleIn; notes: string[] } | string {
  const direction = oneOf(rule.direction.toLowerCase(), ['ingress', 'egress'] as const);
  if (!direction) return `has direction "${rule.direction}"; rule skipped`;
  const ethertype: 'IPv4' | 'IPv6' = (rule.ethertype ?? 'IPv4').toLowerCase() === 'ipv6' ? 'IPv6' : 'IPv4';
  const protocol = mapProtocol(rule.protocol);
  if (protocol === null) return `has protocol "${rule.protocol}", which reachbot cannot model; rule skipped`;
  let ports: string | undefined;
  const notes: string[] = [];
  const isIcmp = protocol === 'icmp' || protocol === 'icmpv6';
  if (rule.ports) ports = rule.ports.replace(/\s+/g, '');
  else if (isIcmp && (rule.portRangeMin != null || rule.portRangeMax != null)) {
    // For ICMP, port_range_min/max are the ICMP type and code (Echo = 8/0, Echo reply = 0/0; VPC API v3 "Creating a Security Group Rule"),
    // not a range; topology `ports` is the ICMP type and has no code.
    if (rule.portRangeMin == null) return `has an ICMP code (${rule.portRangeMax}) without a type; rule skipped`;
    ports = `${rule.portRangeMin}`;
    if (rule.portRangeMax != null && !icmpCodeIsWhole(rule.portRangeMin, rule.portRangeMax))
      notes.push(
        `matches ICMP type ${rule.portRangeMin} code ${rule.portRangeMax} only; imported as every code of type ${rule.portRangeMin} (topology v1 has no ICMP code)`,
      );
  } else if (rule.portRangeMin != null || rule.portRangeMax != null) {
    const lo = rule.portRangeMin ?? rule.portRangeMax;
    const hi = rule.portRangeMax ?? rule.portRangeMin;
    // 1-65535 (or 0-0 from old APIs) means all ports.
    if (!((lo === 1 || lo === 0) && (hi === 65535 || hi === 0))) ports = lo === hi ? `${lo}` : `${lo}-${hi}`;
  }
  if (ports !== undefined && !parseTopologyPortList(ports).ok) return `has ports "${ports}"; rule skipped`;
  let remote: SgRuleIn['remote'];
  if (rule.remoteGroupId) {
    if (!sgIds.has(rule.remoteGroupId))
      return `allows remote security group ${rule.remoteGroupId}, which was not imported; rule skipped`;
    remote = { securityGroup: rule.remoteGroupId };
  } else if (rule.remoteAddressGroupId) {
    if (!addressGroupIds.has(rule.remoteAddressGroupId))
      return `allows remote address group ${rule.remoteAddressGroupId}, which was not imported; rule skipped`;
    remote = { addressGroup: rule.remoteAddressGroupId };
  } else if (rule.remoteIpPrefix) {
    if (!isCidr(rule.remoteIpPrefix)) return `has remote "${rule.remoteIpPrefix}", not a CIDR; rule skipped`;
    remote = rule.remoteIpPrefix;
  }
  // The API always returns action and priority, and Huawei's documented defaults disagree (VPC FAQ on conflicting security group rules, vpc_faq_0077):
  // when one is missing, the default used is an assumption, said so.
  if (!rule.action) notes.push('has no action; assumed "allow" (the request default)');
  const action = oneOf((rule.action || 'allow').toLowerCase(), ['allow', 'deny'] as const);
  if (!action) return `has action "${rule.action}"; rule skipped`;
  if (rule.priority == null) notes.push('has no priority; assumed 1 (the console and Terraform default)');
  const priority = rule.priority ?? 1;
  if (!Number.isInteger(priority) || priority < 1 || priority > 100) return `has priority ${priority}; rule skipped`;
  const mapped = compact({
    id: rule.id,
    direction,
    ethertype,
    protocol: protocol === 'any' ? undefined : protocol,
    ports,
    remote,
    action,
    priority,
    description: rule.description || undefined,
  });
  return { rule: mapped, notes };
}

/** Whether an ICMP (type, code) pair from port_range_min/max stands for every code of the type. */
function icmpCodeIsWhole(type: number, code: number): boolean {
  // Echo (8/0), echo reply (0/0) and the ICMPv6 echo pair (128/0, 129/0) have code 0 as their only code.
  return code === 0 && [0, 8, 128, 129].includes(type);
}

function mapAclRule(rule: RawAclRule, addressGroupIds: ReadonlySet<string>): AclRuleIn | string {
  const action = oneOf(rule.action.toLowerCase(), ['allow', 'deny'] as const);
  if (!action) return `has action "${rule.action}"; rule skipped`;
  const protocol = mapProtocol(rule.protocol);
  if (protocol === null) return `has protocol "${rule.protocol}", which reachbot cannot model; rule skipped`;
  const endpoint = (ip: string | null | undefined, group: string | null | undefined, what: string) => {
    if (group) return addressGroupIds.has(group) ? { addressGroup: group } : `${what} address group ${group}`;
    if (ip) return isCidr(ip) ? ip : `${what} "${ip}"`;
    return undefined;
  };
  if (rule.ipVersion != null && rule.ipVersion !== 4 && rule.ipVersion !== 6) return `has ip_version ${rule.ipVersion}`;
  // A rule matches only its ip_version; topology v1 ACL rules have no family, and an absent endpoint means
  // any address of both families, so an absent endpoint becomes the family's whole space.
  const anyOfFamily = rule.ipVersion === 6 ? '::/0' : rule.ipVersion === 4 ? '0.0.0.0/0' : undefined;
  const source = endpoint(rule.sourceIp, rule.sourceAddressGroupId, 'source') ?? anyOfFamily;
  const destination = endpoint(rule.destinationIp, rule.destinationAddressGroupId, 'destination') ?? anyOfFamily;
  for (const end of [source, destination])
    if (typeof end === 'string' && !isCidr(end)) return `has ${end}, which was not imported or is not a CIDR`;
  for (const ports of [rule.sourcePort, rule.destinationPort])
    if (ports && !parseTopologyPortList(ports).ok) return `has ports "${ports}"`;
  return compact({
    id: rule.id,
    name: rule.name || undefined,
    action,
    protocol: protocol === 'any' ? undefined : protocol,
    source,
    sourcePorts: rule.sourcePort || undefined,
    destination,
    destinationPorts: rule.destinationPort || undefined,
    description: rule.description || undefined,
  }) as AclRuleIn;
}

/** Huawei's protocol field: absent/empty/"any" = all, a name, or an IP protocol number; null if unknown. */
function mapProtocol(value: string | null | undefined): RuleProtocol | null {
  if (value === null || value === undefined || value === '') return 'any';
  const text = String(value).trim().toLowerCase();
  if (text === 'any' || text === 'all') return 'any';
  if (Object.hasOwn(PROTOCOL_NUMBERS, text)) return text as NamedProtocol;
  if (/^\d{1,3}$/.test(text) && Number(text) <= 255) {
    const n = Number(text);
    return PROTOCOL_NAMES.get(n) ?? n;
  }
  return null;
}

const PROTOCOL_NAMES = new Map(
  Object.entries(PROTOCOL_NUMBERS).map(([name, number]) => [number as number, name as NamedProtocol]),
);

interface Context {
  readonly vpcIds: ReadonlySet<string>;
  readonly sgIds: ReadonlySet<string>;
  readonly resolveSubnet: (id: string | undefined | null) => RawSubnet | undefined;
  readonly warn: (message: string) => void;
}

function mapCluster(c: RawCluster, ctx: Context & { readonly subnets: readonly RawSubnet[] }): ClusterIn | null {
  const label = `CCE cluster ${c.name}${c.id ? ` (${c.id})` : ''}`;
  const model = networkModelOf(c.mode);
  if (!model) {
    ctx.warn(`${label}: container network mode "${c.mode}" is not one reachbot models; cluster skipped`);
    return null;
  }
  if (!ctx.vpcIds.has(c.vpcId)) {
    ctx.warn(`${label}: its VPC ${c.vpcId} was not imported; cluster skipped`);
    return null;
  }
  const resolveAll = (ids: readonly string[], what: string) =>
    uniqueBy(
      ids.flatMap((id) => {
        const subnet = ctx.resolveSubnet(id);
        if (!subnet) ctx.warn(`${label}: ${what} ${id} was not imported`);
        else if (subnet.vpcId !== c.vpcId) ctx.warn(`${label}: ${what} ${id} is in another VPC; left out`);
        return subnet && subnet.vpcId === c.vpcId ? [subnet.id] : [];
      }),
      (id) => id,
    );
  const nodes = sortByKey(
    c.nodes.flatMap((n) => {
      const ip = n.ip ? parseIp(n.ip)?.text : undefined;
      if (!ip) {
        ctx.warn(`${label}: node ${n.name} has no private IP yet; left out`);
        return [];
      }
      const eip = n.eip ? parseIp(n.eip)?.text : undefined;
      // A node reported without a name is named by its IP rather than left out.
      return [compact({ name: n.name.trim() || ip, ip, eip })];
    }),
    (n) => `${n.name}\u0000${n.ip}`,
  );
  // Node pools may place nodes in other subnets of the VPC than hostNetwork.subnet; the engine needs every
  // node subnet (its ACL and route table apply to node traffic), so each subnet holding a node's IP is added.
  const vpcSubnets = ctx.subnets.filter((s) => s.vpcId === c.vpcId);
  const subnetsOfNodes = nodes.flatMap((n) => {
    const ip = parseIp(n.ip);
    if (!ip) return [];
    const holding = vpcSubnets.filter((s) => subnetBlocks(s).some((b) => contains(b, ip)));
    if (!holding.length)
      ctx.warn(
        `${label}: node ${n.name} (${n.ip}) is in no imported subnet of VPC ${c.vpcId}; kept with its IP, but which subnet's network ACL and route table apply to it is unknown`,
      );
    return holding.map((s) => s.id);
  });
  // Stable order: the cluster's hostNetwork subnet (the first id given) first, then the others by id.
  const [hostNetworkId, ...declaredOthers] = uniqueBy(c.nodeSubnetIds, (id) => id);
  const hostSubnet = resolveAll(hostNetworkId ? [hostNetworkId] : [], 'node subnet')[0];
  const otherDeclared = resolveAll(declaredOthers, 'node subnet');
  const nodeSubnets = [
    ...(hostSubnet ? [hostSubnet] : []),
    ...sortedUnique([...otherDeclared, ...subnetsOfNodes]).filter((id) => id !== hostSubnet),
  ];
  if (!nodeSubnets.length) {
    ctx.warn(`${label}: no node subnet could be resolved; cluster skipped`);
    return null;
  }
  let containerCidrs: string[] | undefined;
  let containerSubnets: string[] | undefined;
  if (model === 'eni') {
    containerSubnets = resolveAll(c.eniSubnetIds, 'container (ENI) subnet');
    if (!containerSubnets.length) {
      ctx.warn(`${label}: an eni cluster without resolvable container subnets; cluster skipped`);
      return null;
    }
    ctx.warn(
      `${label}: the default pod security groups of a CCE Turbo cluster are not in the cluster API; set podSecurityGroups by hand`,
    );
  } else {
    containerCidrs = uniqueBy(
      c.containerCidrs.filter((cidr) => {
        if (!isCidr(cidr, false)) ctx.warn(`${label}: container CIDR "${cidr}" is not a CIDR; left out`);
        return isCidr(cidr, false);
      }),
      (x) => x,
    );
    if (!containerCidrs.length) {
      ctx.warn(`${label}: a ${model} cluster without container CIDRs; cluster skipped`);
      return null;
    }
  }
  let nodeSecurityGroups: string[] | undefined;
  if (c.nodeSecurityGroupId) {
    if (ctx.sgIds.has(c.nodeSecurityGroupId)) nodeSecurityGroups = [c.nodeSecurityGroupId];
    else ctx.warn(`${label}: node security group ${c.nodeSecurityGroupId} was not imported`);
  }
  return compact({
    name: c.name,
    id: c.id,
    vpc: c.vpcId,
    networkModel: model,
    version: c.version,
    nodeSubnets,
    nodeSecurityGroups,
    nodes: nodes.length ? nodes : undefined,
    containerCidrs,
    containerSubnets,
    serviceCidr: c.serviceCidr && isCidr(c.serviceCidr, false) ? c.serviceCidr : undefined,
  });
}

function mapInstance(i: RawInstance, ctx: Context & { readonly subnets: readonly RawSubnet[] }): ResourceIn | null {
  const label = `${i.type.toUpperCase()} ${i.name} (${i.id})`;
  const addresses = i.addresses.flatMap((a) => {
    const ip = parseIp(a);
    if (!ip) ctx.warn(`${label}: "${a}" is not an IP address; left out`);
    return ip ? [ip] : [];
  });
  if (!addresses.length) {
    ctx.warn(`${label}: no private IP address; resource skipped`);
    return null;
  }
  let subnet = ctx.resolveSubnet(i.subnetId);
  if (!subnet) {
    const inVpc = ctx.subnets.filter((s) => !i.vpcId || s.vpcId === i.vpcId);
    subnet = inVpc.find((s) => subnetBlocks(s).some((b) => addresses.some((a) => contains(b, a))));
  }
  if (!subnet) {
    ctx.warn(`${label}: its subnet ${i.subnetId ?? `(for ${addresses[0]?.text})`} was not imported; resource skipped`);
    return null;
  }
  if (i.vpcId && i.vpcId !== subnet.vpcId) {
    ctx.warn(`${label}: subnet ${subnet.id} is not in its VPC ${i.vpcId}; resource skipped`);
    return null;
  }
  const blocks = subnetBlocks(subnet);
  const inside = addresses.filter((a) => {
    const ok = blocks.some((b) => contains(b, a));
    if (!ok) ctx.warn(`${label}: address ${a.text} is outside subnet ${subnet.id} (another NIC?); left out`);
    return ok;
  });
  if (!inside.length) return null;
  const securityGroups = uniqueBy(i.securityGroupIds, (x) => x).filter((id) => {
    if (!ctx.sgIds.has(id)) ctx.warn(`${label}: security group ${id} was not imported; left out`);
    return ctx.sgIds.has(id);
  });
  // "If no whitelists are added for the instance or the whitelist function is disabled, all IP
  // addresses that can communicate with the VPC can access the instance." (DCS docs, CCE "Configuring Intra-VPC Access", cce_10_0399)
  const whitelist = i.whitelist && {
    enabled: i.whitelist.enabled && i.whitelist.groups.some((g) => g.addresses.length > 0),
    groups: sortByKey(
      i.whitelist.groups.map((g, index) => ({
        // A group without a name still admits its addresses.
        name: g.name.trim() || `group ${index + 1}`,
        addresses: sortedUnique(
          g.addresses.filter((a) => {
            const ok = isCidr(a);
            if (!ok) ctx.warn(`${label}: whitelist entry "${a}" in ${g.name} is not an address or CIDR; left out`);
            return ok;
          }),
        ),
      })),
      (g) => g.name,
    ),
  };
  return compact({
    name: i.name,
    id: i.id,
    type: i.type,
    flavor: i.flavor,
    vpc: subnet.vpcId,
    subnet: subnet.id,
    addresses: sortedUnique(inside.map((a) => a.text)),
    securityGroups: securityGroups.length ? securityGroups : undefined,
    whitelist,
    ports: i.ports?.length
      ? sortByKey(
          uniqueBy(i.ports, (p) => `${p.protocol}/${p.port}`),
          (p) => `${p.protocol}/${String(p.port).padStart(5, '0')}`,
        )
      : undefined,
    eip: i.eip ? parseIp(i.eip)?.text : undefined,
    domainNames: mapDomainNames(label, i.domainNames, ctx.warn),
  });
}

function subnetBlocks(s: RawSubnet) {
  return [s.cidr, s.ipv6Cidr].filter((b): b is string => !!b && isCidr(b, false)).map(mustCidr);
}

/** Give colliding names a deterministic suffix (the first by id keeps the plain name). */
function dedupeNames<T extends { name: string }>(
  items: T[],
  rename: (item: T, name: string) => T,
  idOf: (item: T) => string,
  what: string,
  warn: (message: string) => void,
): T[] {
  // A name is required in the topology; an object the cloud left unnamed is known by its id.
  const named = items.map((item) => {
    if (item.name.trim()) return item;
    const id = idOf(item) || what;
    warn(`${what} ${id} has no name; it is named "${id}"`);
    return rename(item, id);
  });
  const sorted = sortByKey(named, (item) => `${item.name}\u0000${idOf(item)}`);
  const taken = new Set<string>();
  return sorted.map((item) => {
    if (!taken.has(item.name)) {
      taken.add(item.name);
      return item;
    }
    const id = idOf(item);
    let candidate = `${item.name}-${id.slice(0, 8) || 'dup'}`;
    for (let n = 2; taken.has(candidate); n++) candidate = `${item.name}-${id.slice(0, 8) || 'dup'}-${n}`;
    taken.add(candidate);
    warn(`${what} name "${item.name}" is used more than once; ${id || 'another'} was named "${candidate}"`);
    return rename(item, candidate);
  });
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function isCidr(text: string, allowBareIp = true): boolean {
  return parseCidr(text, allowBareIp).ok;
}

function uniqueBy<T>(items: readonly T[], key: (item: T, index: number) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item, index) => {
    const k = key(item, index);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sortByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  // Each key once, not once per comparison (a rule's key is its JSON: 100,000 rules made this seconds).
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.item);
}

function sortedUnique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}

/** The object without its undefined properties, so documents compare and print cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
