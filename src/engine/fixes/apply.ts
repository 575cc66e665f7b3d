// Applying fixes to a topology (pure: a new topology, unchanged parts shared). Used to verify that the
// fixes of a diagnosis make the flow reachable, and by anyone who wants to preview a change.
import { impliedDefaultTableId } from '../../topology/compile.js';
import type {
  Cluster,
  EnterpriseRouter,
  NetworkAcl,
  Resource,
  SecurityGroup,
  Topology,
  Vpc,
} from '../../topology/schema.js';
import type { Fix, FixSpec } from '../diagnosis.js';
import { policyOfFix } from './network-policy.js';

type AnyFix = Fix | FixSpec;

/** `vpc` with `destination -> nextHop` in `tableId` (the same destination replaced). */
function withRoute(vpc: Vpc, tableId: string, destination: string, type: string, nextHop: string): Vpc {
  const route = { destination, type: type as 'peering', nextHop };
  const tables = vpc.routeTables ?? [];
  if (tables.length === 0 && tableId === impliedDefaultTableId(vpc.id))
    return { ...vpc, routeTables: [{ id: tableId, default: true, routes: [route] }] };
  return {
    ...vpc,
    routeTables: tables.map((t) =>
      t.id === tableId
        ? { ...t, routes: [...(t.routes ?? []).filter((r) => r.destination !== destination), route] }
        : t,
    ),
  };
}

function applyToVpc(vpc: Vpc, fix: AnyFix): Vpc {
  if (fix.kind === 'peering')
    return fix.routes
      .filter((r) => r.vpc === vpc.id)
      .reduce((v, r) => withRoute(v, r.routeTable, r.destination, 'peering', fix.peering), vpc);
  if (fix.kind === 'nat-gateway' && fix.vpc === vpc.id) {
    // The new EIP's address is unknown until it is allocated: the rules carry its name.
    const rules = fix.sources.map((source) => ({ source, eip: fix.eip }));
    const gateways = vpc.natGateways ?? [];
    if (!gateways.some((g) => g.id === fix.natGateway))
      return { ...vpc, natGateways: [...gateways, { id: fix.natGateway, snatRules: rules }] };
    return {
      ...vpc,
      natGateways: gateways.map((g) =>
        g.id === fix.natGateway ? { ...g, snatRules: [...(g.snatRules ?? []), ...rules] } : g,
      ),
    };
  }
  if (fix.kind === 'route' && fix.vpc === vpc.id)
    return withRoute(vpc, fix.routeTable, fix.destination, fix.type, fix.nextHop);
  if (fix.kind === 'snat-rule' && fix.vpc === vpc.id) {
    const gateways = vpc.natGateways ?? [];
    const rule = { source: fix.source, eip: fix.eip };
    if (!gateways.some((g) => g.id === fix.natGateway))
      return { ...vpc, natGateways: [...gateways, { id: fix.natGateway, snatRules: [rule] }] };
    return {
      ...vpc,
      natGateways: gateways.map((g) =>
        g.id === fix.natGateway ? { ...g, snatRules: [...(g.snatRules ?? []), rule] } : g,
      ),
    };
  }
  return vpc;
}

function applyToGroup(group: SecurityGroup, fix: AnyFix): SecurityGroup {
  if (fix.kind !== 'security-group-rule' || fix.securityGroup !== group.id) return group;
  const rule = {
    direction: fix.direction,
    ethertype: fix.ethertype,
    protocol: fix.protocol,
    ...(fix.ports !== null ? { ports: fix.ports } : {}),
    remote: typeof fix.remote === 'string' ? fix.remote : { securityGroup: fix.remote.securityGroup },
    action: fix.action,
    priority: fix.priority,
  };
  return { ...group, rules: [...(group.rules ?? []), rule] };
}

function applyToAcl(acl: NetworkAcl, fixes: readonly AnyFix[]): NetworkAcl {
  const mine = fixes
    .filter((f) => f.kind === 'network-acl-rule' && f.networkAcl === acl.id)
    .sort((a, b) => (a.kind === 'network-acl-rule' && b.kind === 'network-acl-rule' ? b.position - a.position : 0));
  if (mine.length === 0) return acl;
  const next = { ...acl, ingress: [...(acl.ingress ?? [])], egress: [...(acl.egress ?? [])] };
  for (const fix of mine) {
    if (fix.kind !== 'network-acl-rule') continue;
    const list = next[fix.direction];
    list.splice(Math.min(fix.position, list.length), 0, {
      action: fix.action,
      protocol: fix.protocol,
      source: fix.source,
      destination: fix.destination,
      ...(fix.destinationPorts !== null ? { destinationPorts: fix.destinationPorts } : {}),
    });
  }
  return next;
}

function applyToResource(resource: Resource, fix: AnyFix): Resource {
  if (fix.kind === 'whitelist-entry' && fix.resource === resource.name) {
    const groups = resource.whitelist?.groups ?? [];
    const found = groups.some((g) => g.name === fix.group);
    return {
      ...resource,
      whitelist: {
        ...resource.whitelist,
        groups: found
          ? groups.map((g) => (g.name === fix.group ? { ...g, addresses: [...g.addresses, fix.address] } : g))
          : [...groups, { name: fix.group, addresses: [fix.address] }],
      },
    };
  }
  if (fix.kind === 'host-bridge' && fix.resource === resource.name)
    return {
      ...resource,
      hostBridges: (resource.hostBridges ?? []).map((b) => (b === fix.bridge ? fix.suggested : b)),
    };
  return resource;
}

/** An enterprise router with the ER route, association and propagation fixes that concern it applied. */
export function applyFixesToEr(er: EnterpriseRouter, fixes: readonly AnyFix[]): EnterpriseRouter {
  const mine = fixes.filter(
    (f) =>
      (f.kind === 'er-route' || f.kind === 'er-association' || f.kind === 'er-propagation') &&
      f.enterpriseRouter === er.id,
  );
  if (mine.length === 0) return er;
  return {
    ...er,
    routeTables: (er.routeTables ?? []).map((table) => {
      let next = table;
      for (const fix of mine) {
        if (!('routeTable' in fix) || fix.routeTable !== table.id) continue;
        if (fix.kind === 'er-route')
          next = {
            ...next,
            routes: [
              ...(next.routes ?? []).filter((r) => r.destination !== fix.destination),
              { destination: fix.destination, attachment: fix.attachment },
            ],
          };
        else if (fix.kind === 'er-association' && !(next.associations ?? []).includes(fix.attachment))
          next = { ...next, associations: [...(next.associations ?? []), fix.attachment] };
        else if (fix.kind === 'er-propagation' && !(next.propagations ?? []).includes(fix.attachment))
          next = { ...next, propagations: [...(next.propagations ?? []), fix.attachment] };
      }
      return next;
    }),
  };
}

/** A VPC with the route, SNAT, NAT gateway and new-peering route fixes that concern it applied. */
export function applyFixesToVpc(vpc: Vpc, fixes: readonly AnyFix[]): Vpc {
  return fixes.reduce(applyToVpc, vpc);
}

/** A security group with the rule fixes that concern it applied. */
export function applyFixesToGroup(group: SecurityGroup, fixes: readonly AnyFix[]): SecurityGroup {
  return fixes.reduce(applyToGroup, group);
}

/** A network ACL with the rule fixes that concern it inserted. */
export function applyFixesToAcl(acl: NetworkAcl, fixes: readonly AnyFix[]): NetworkAcl {
  return applyToAcl(acl, fixes);
}

/** A resource with the whitelist and host-bridge fixes that concern it applied. */
export function applyFixesToResource(resource: Resource, fixes: readonly AnyFix[]): Resource {
  return fixes.reduce(applyToResource, resource);
}

/** A cluster with the NetworkPolicies of the fixes that concern it added (the same name replaces). */
export function applyFixesToCluster(cluster: Cluster, fixes: readonly AnyFix[]): Cluster {
  const added = fixes.flatMap((f) =>
    f.kind === 'network-policy' && f.cluster === cluster.name ? [policyOfFix(f)] : [],
  );
  if (added.length === 0) return cluster;
  const key = (p: { metadata: { name: string; namespace?: string } }) => `${p.metadata.namespace}/${p.metadata.name}`;
  const replaced = new Set(added.map(key));
  return {
    ...cluster,
    networkPolicies: [...(cluster.networkPolicies ?? []).filter((p) => !replaced.has(key(p))), ...added],
  };
}

/** A new topology with every fix applied (`replan` changes nothing; alternatives are applied as given). */
export function applyFixes(topology: Topology, fixes: readonly AnyFix[]): Topology {
  const touches = (kinds: readonly AnyFix['kind'][]) => fixes.some((f) => kinds.includes(f.kind));
  let next: Topology = topology;
  if (touches(['route', 'snat-rule', 'nat-gateway', 'peering']))
    next = { ...next, vpcs: (next.vpcs ?? []).map((v) => fixes.reduce(applyToVpc, v)) };
  if (touches(['security-group-rule']))
    next = { ...next, securityGroups: (next.securityGroups ?? []).map((g) => fixes.reduce(applyToGroup, g)) };
  if (touches(['network-acl-rule']))
    next = { ...next, networkAcls: (next.networkAcls ?? []).map((a) => applyToAcl(a, fixes)) };
  if (touches(['er-route', 'er-association', 'er-propagation']))
    next = { ...next, enterpriseRouters: (next.enterpriseRouters ?? []).map((e) => applyFixesToEr(e, fixes)) };
  const created = fixes.flatMap((f) =>
    f.kind === 'peering'
      ? [{ id: f.peering, requesterVpc: f.requesterVpc, accepterVpc: f.accepterVpc, status: 'ACTIVE' as const }]
      : [],
  );
  if (created.length > 0) {
    const ids = new Set(created.map((p) => p.id));
    next = { ...next, peerings: [...(next.peerings ?? []).filter((p) => !ids.has(p.id)), ...created] };
  }
  if (touches(['peering-accept'])) {
    const accepted = new Set(fixes.flatMap((f) => (f.kind === 'peering-accept' ? [f.peering] : [])));
    next = {
      ...next,
      peerings: (next.peerings ?? []).map((p) => (accepted.has(p.id) ? { ...p, status: 'ACTIVE' as const } : p)),
    };
  }
  if (touches(['network-policy']))
    next = { ...next, clusters: (next.clusters ?? []).map((c) => applyFixesToCluster(c, fixes)) };
  if (touches(['whitelist-entry', 'host-bridge'])) {
    const names = new Set(fixes.flatMap((f) => ('resource' in f ? [f.resource] : [])));
    next = {
      ...next,
      resources: (next.resources ?? []).map((r) => (names.has(r.name) ? fixes.reduce(applyToResource, r) : r)),
    };
  }
  return next;
}
