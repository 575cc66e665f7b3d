// What changes when one topology replaces another: objects added, removed and changed, by kind and
// id, with a short description of each changed field. Shown before a stored topology is replaced.
import type { AclRule, DnsRecord, Route, SecurityGroupRule, Topology } from './schema.js';

export type DiffKind =
  | 'vpc'
  | 'subnet'
  | 'routeTable'
  | 'natGateway'
  | 'peering'
  | 'enterpriseRouter'
  | 'erAttachment'
  | 'erRouteTable'
  | 'securityGroup'
  | 'addressGroup'
  | 'networkAcl'
  | 'cluster'
  | 'resource'
  | 'dnsZone';

export interface DiffEntry {
  readonly kind: DiffKind;
  /** The object's id (clusters and resources: their name; route tables and NAT gateways: `vpc/id`; ER parts: `er/id`). */
  readonly id: string;
  /** For changed objects: one line per changed field. */
  readonly changes?: readonly string[];
}

export interface TopologyDiff {
  readonly added: readonly DiffEntry[];
  readonly removed: readonly DiffEntry[];
  readonly changed: readonly DiffEntry[];
}

const KIND_ORDER: readonly DiffKind[] = [
  'vpc',
  'subnet',
  'routeTable',
  'natGateway',
  'peering',
  'enterpriseRouter',
  'erAttachment',
  'erRouteTable',
  'securityGroup',
  'addressGroup',
  'networkAcl',
  'cluster',
  'resource',
  'dnsZone',
];

const KIND_LABEL: Record<DiffKind, string> = {
  vpc: 'VPC',
  subnet: 'subnet',
  routeTable: 'route table',
  natGateway: 'NAT gateway',
  peering: 'peering',
  enterpriseRouter: 'enterprise router',
  erAttachment: 'ER attachment',
  erRouteTable: 'ER route table',
  securityGroup: 'security group',
  addressGroup: 'address group',
  networkAcl: 'network ACL',
  cluster: 'cluster',
  resource: 'resource',
  dnsZone: 'DNS zone',
};

type Obj = Readonly<Record<string, unknown>>;

/** Cluster lists whose items are shown by name only. */
const KUBERNETES_LISTS = new Set(['networkPolicies', 'securityGroupResources', 'namespaces', 'workloads']);

/** Compare two topologies object by object. */
export function diffTopologies(before: Topology, after: Topology): TopologyDiff {
  const a = objectsOf(before);
  const b = objectsOf(after);
  const added: DiffEntry[] = [];
  const removed: DiffEntry[] = [];
  const changed: DiffEntry[] = [];
  for (const [key, next] of b) {
    const prev = a.get(key);
    if (!prev) added.push({ kind: next.kind, id: next.id });
    else {
      const changes = fieldChanges(next.kind, prev.value, next.value);
      if (changes.length) changed.push({ kind: next.kind, id: next.id, changes });
    }
  }
  for (const [key, prev] of a) if (!b.has(key)) removed.push({ kind: prev.kind, id: prev.id });
  return { added: sortEntries(added), removed: sortEntries(removed), changed: sortEntries(changed) };
}

/** Whether two topologies are the same, object for object. */
export function isEmptyDiff(diff: TopologyDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length;
}

/** The diff as lines a person can read ("+ security group sg-db", "~ resource db1: addresses: +10.0.0.5"). */
export function formatDiff(diff: TopologyDiff): string {
  if (isEmptyDiff(diff)) return 'no changes';
  const lines: string[] = [];
  // The first line is the summary alerts and import replies show: "2 changed" alone does not say what changed.
  const named = (entries: readonly { kind: DiffKind; id: string }[], verb: string) => {
    if (!entries.length) return '';
    const shown = entries.slice(0, 3).map((e) => `${KIND_LABEL[e.kind]} ${e.id}`);
    const more = entries.length > 3 ? `, and ${entries.length - 3} more` : '';
    return `${entries.length} ${verb} (${shown.join(', ')}${more})`;
  };
  const counts = [named(diff.added, 'added'), named(diff.removed, 'removed'), named(diff.changed, 'changed')].filter(
    Boolean,
  );
  lines.push(counts.join(', '));
  for (const entry of diff.added) lines.push(`+ ${KIND_LABEL[entry.kind]} ${entry.id}`);
  for (const entry of diff.removed) lines.push(`- ${KIND_LABEL[entry.kind]} ${entry.id}`);
  for (const entry of diff.changed) {
    lines.push(`~ ${KIND_LABEL[entry.kind]} ${entry.id}`);
    for (const change of entry.changes ?? []) lines.push(`    ${change}`);
  }
  return lines.join('\n');
}

function objectsOf(topology: Topology): Map<string, { kind: DiffKind; id: string; value: Obj }> {
  const out = new Map<string, { kind: DiffKind; id: string; value: Obj }>();
  const put = (kind: DiffKind, id: string, value: Obj) => out.set(`${kind}\u0000${id}`, { kind, id, value });
  for (const vpc of topology.vpcs ?? []) {
    const { subnets, routeTables, natGateways, ...rest } = vpc;
    put('vpc', vpc.id, rest);
    for (const subnet of subnets ?? []) put('subnet', subnet.id, { ...subnet, vpc: vpc.id });
    for (const table of routeTables ?? []) put('routeTable', `${vpc.id}/${table.id}`, table);
    for (const nat of natGateways ?? []) put('natGateway', `${vpc.id}/${nat.id}`, nat);
  }
  for (const p of topology.peerings ?? []) put('peering', p.id, p);
  for (const er of topology.enterpriseRouters ?? []) {
    const { attachments, routeTables, ...rest } = er;
    put('enterpriseRouter', er.id, rest);
    for (const a of attachments ?? []) put('erAttachment', `${er.id}/${a.id}`, a);
    for (const t of routeTables ?? []) put('erRouteTable', `${er.id}/${t.id}`, t);
  }
  for (const g of topology.securityGroups ?? []) put('securityGroup', g.id, g);
  for (const g of topology.addressGroups ?? []) put('addressGroup', g.id, g);
  for (const acl of topology.networkAcls ?? []) put('networkAcl', acl.id, acl);
  for (const c of topology.clusters ?? []) put('cluster', c.name, c);
  for (const r of topology.resources ?? []) put('resource', r.name, r);
  // Zones of one name may exist per VPC set: the id tells them apart when there is one.
  for (const z of topology.dnsZones ?? []) put('dnsZone', z.id ?? z.name, z);
  return out;
}

/** How list elements are shown, per field: short and recognizable. */
function describeItem(kind: DiffKind, field: string, item: unknown): string {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (field === 'rules') return describeSgRule(item as SecurityGroupRule);
  if (field === 'routes' && kind === 'erRouteTable') {
    const r = item as { destination: string; attachment?: string; blackhole?: boolean };
    return `${r.destination} -> ${r.blackhole ? 'blackhole' : r.attachment}`;
  }
  if (field === 'routes') {
    const r = item as Route;
    return `${r.destination} -> ${r.type}${r.nextHop ? ` ${r.nextHop}` : ''}`;
  }
  if (field === 'ingress' || field === 'egress') return describeAclRule(item as AclRule);
  if (field === 'records') {
    const r = item as DnsRecord;
    return `${r.name} ${r.type} ${r.values.join(', ')}`;
  }
  if (field === 'nodes') {
    const n = item as { name: string; ip: string };
    return `${n.name} ${n.ip}`;
  }
  // Kubernetes objects by name: their specs are long, and a changed one is listed as "contents changed".
  if (field === 'networkPolicies' || field === 'securityGroupResources') {
    const m = (item as { metadata: { name: string; namespace?: string } }).metadata;
    return `${m.namespace ?? 'default'}/${m.name}`;
  }
  if (field === 'namespaces' || field === 'workloads') return (item as { name: string }).name;
  if (field === 'snatRules') {
    const s = item as { source: string; eip: string };
    return `${s.source} via ${s.eip}`;
  }
  return stableJson(item);
}

function describeSgRule(rule: SecurityGroupRule): string {
  const remote =
    rule.remote === undefined
      ? 'any'
      : typeof rule.remote === 'string'
        ? rule.remote
        : 'securityGroup' in rule.remote
          ? `sg ${rule.remote.securityGroup}`
          : `address group ${rule.remote.addressGroup}`;
  const proto = `${rule.protocol ?? 'any'}${rule.ports ? `/${rule.ports}` : ''}`;
  return `${rule.direction} ${rule.action ?? 'allow'} ${proto} ${rule.direction === 'ingress' ? 'from' : 'to'} ${remote} (priority ${rule.priority ?? 1})`;
}

function describeAclRule(rule: AclRule): string {
  const end = (value: AclRule['source']) =>
    value === undefined ? 'any' : typeof value === 'string' ? value : `address group ${value.addressGroup}`;
  return `${rule.action} ${rule.protocol ?? 'any'} ${end(rule.source)}${rule.sourcePorts ? `:${rule.sourcePorts}` : ''} -> ${end(rule.destination)}${rule.destinationPorts ? `:${rule.destinationPorts}` : ''}`;
}

function fieldChanges(kind: DiffKind, before: Obj, after: Obj): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: string[] = [];
  for (const field of fields) {
    const x = before[field];
    const y = after[field];
    if (stableJson(x) === stableJson(y)) continue;
    if (Array.isArray(x) || Array.isArray(y)) {
      const xs = (Array.isArray(x) ? x : []).map((item) => describeItem(kind, field, item));
      const ys = (Array.isArray(y) ? y : []).map((item) => describeItem(kind, field, item));
      const plus = ys.filter((item) => !xs.includes(item));
      const minus = xs.filter((item) => !ys.includes(item));
      const parts = [...plus.map((p) => `+${p}`), ...minus.map((m) => `-${m}`)];
      // ACL rules and bound security groups are ordered: same members in another order is a change.
      if (!parts.length)
        parts.push(
          KUBERNETES_LISTS.has(field)
            ? 'contents changed'
            : kind === 'networkAcl'
              ? 'rule order changed'
              : 'order changed',
        );
      changes.push(`${field}: ${parts.join(', ')}`);
    } else {
      changes.push(`${field}: ${short(x)} -> ${short(y)}`);
    }
  }
  return changes;
}

function short(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : stableJson(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Obj).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : v,
  );
}

function sortEntries(entries: DiffEntry[]): DiffEntry[] {
  return entries.sort(
    (p, q) => KIND_ORDER.indexOf(p.kind) - KIND_ORDER.indexOf(q.kind) || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0),
  );
}
