// What changes when one topology replaces another: objects added, removed and changed, by kind and
// id, with each changed field. Shown before a stored topology is replaced, in the reader's language.
import { EN, type I18n } from '../i18n/i18n.js';
import { topologyDiff as D, DIFF_KIND_LABELS } from '../i18n/messages/topology-diff.js';
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

/**
 * One changed field of an object: a list gained or lost items (or only their order changed), or a value changed.
 * Kept as data, so that each reader gets it in their own language (`formatDiff`).
 */
export type FieldChange =
  | {
      readonly field: string;
      readonly added: readonly unknown[];
      readonly removed: readonly unknown[];
    }
  | { readonly field: string; readonly before: unknown; readonly after: unknown };

export interface DiffEntry {
  readonly kind: DiffKind;
  /** The object's id (clusters and resources: their name; route tables and NAT gateways: `vpc/id`; ER parts: `er/id`). */
  readonly id: string;
  /** For changed objects: one per changed field. */
  readonly changes?: readonly FieldChange[];
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

/** The diff as lines a person can read ("+ security group sg-db", "~ resource db1" then "    addresses: +10.0.0.5"). */
export function formatDiff(diff: TopologyDiff, text: I18n = EN): string {
  if (isEmptyDiff(diff)) return text.t(D['diff.none']);
  const label = (entry: DiffEntry) => `${text.t(DIFF_KIND_LABELS[entry.kind])} ${entry.id}`;
  // The first line is the summary alerts and import replies show: "2 changed" alone does not say what changed.
  const named = (entries: readonly DiffEntry[], verb: 'diff.added' | 'diff.removed' | 'diff.changed') =>
    entries.length
      ? [
          text.t(D[verb], {
            count: entries.length,
            shown: entries.slice(0, 3).map(label),
            more: Math.max(0, entries.length - 3),
          }),
        ]
      : [];
  const lines = [
    text.t(D['diff.summary-join'], {
      parts: [
        ...named(diff.added, 'diff.added'),
        ...named(diff.removed, 'diff.removed'),
        ...named(diff.changed, 'diff.changed'),
      ],
    }),
  ];
  for (const entry of diff.added) lines.push(`+ ${label(entry)}`);
  for (const entry of diff.removed) lines.push(`- ${label(entry)}`);
  for (const entry of diff.changed) {
    lines.push(`~ ${label(entry)}`);
    for (const change of entry.changes ?? []) lines.push(`    ${describeChange(entry.kind, change, text)}`);
  }
  return lines.join('\n');
}

/** One changed field as a line: `rules: +ingress allow tcp/3306 from 10.0.0.0/8 (priority 1)`, `mode: a -> b`. */
export function describeChange(kind: DiffKind, change: FieldChange, text: I18n = EN): string {
  if (!('added' in change)) return `${change.field}: ${short(change.before, text)} -> ${short(change.after, text)}`;
  const parts = [
    ...change.added.map((item) => `+${describeItem(kind, change.field, item, text)}`),
    ...change.removed.map((item) => `-${describeItem(kind, change.field, item, text)}`),
  ];
  // ACL rules and bound security groups are ordered: same members in another order is a change.
  if (!parts.length)
    parts.push(
      text.t(
        KUBERNETES_LISTS.has(change.field)
          ? D['diff.contents-changed']
          : kind === 'networkAcl'
            ? D['diff.rule-order-changed']
            : D['diff.order-changed'],
      ),
    );
  return `${change.field}: ${parts.join(', ')}`;
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
function describeItem(kind: DiffKind, field: string, item: unknown, text: I18n): string {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (field === 'rules') return describeSgRule(item as SecurityGroupRule, text);
  if (field === 'routes' && kind === 'erRouteTable') {
    const r = item as { destination: string; attachment?: string; blackhole?: boolean };
    return `${r.destination} -> ${r.blackhole ? text.t(D['diff.blackhole']) : r.attachment}`;
  }
  if (field === 'routes') {
    const r = item as Route;
    return `${r.destination} -> ${r.type}${r.nextHop ? ` ${r.nextHop}` : ''}`;
  }
  if (field === 'ingress' || field === 'egress') return describeAclRule(item as AclRule, text);
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
    return text.t(D['diff.snat-rule'], s);
  }
  return stableJson(item);
}

function describeSgRule(rule: SecurityGroupRule, text: I18n): string {
  const remote =
    rule.remote === undefined
      ? text.t(D['diff.any'])
      : typeof rule.remote === 'string'
        ? rule.remote
        : 'securityGroup' in rule.remote
          ? text.t(D['diff.remote-group'], { id: rule.remote.securityGroup })
          : text.t(D['diff.address-group'], { id: rule.remote.addressGroup });
  return text.t(D['diff.sg-rule'], {
    ingress: rule.direction === 'ingress',
    allow: (rule.action ?? 'allow') === 'allow',
    protocol: `${rule.protocol ?? text.t(D['diff.any'])}${rule.ports ? `/${rule.ports}` : ''}`,
    remote,
    priority: rule.priority ?? 1,
  });
}

function describeAclRule(rule: AclRule, text: I18n): string {
  const end = (value: AclRule['source'], ports: string | undefined) =>
    `${value === undefined ? text.t(D['diff.any']) : typeof value === 'string' ? value : text.t(D['diff.address-group'], { id: value.addressGroup })}${ports ? `:${ports}` : ''}`;
  return text.t(D['diff.acl-rule'], {
    allow: rule.action === 'allow',
    protocol: rule.protocol === undefined ? text.t(D['diff.any']) : String(rule.protocol),
    from: end(rule.source, rule.sourcePorts),
    to: end(rule.destination, rule.destinationPorts),
  });
}

function fieldChanges(kind: DiffKind, before: Obj, after: Obj): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const x = before[field];
    const y = after[field];
    if (stableJson(x) === stableJson(y)) continue;
    if (Array.isArray(x) || Array.isArray(y)) {
      // Items compare by their English description: what a reader would call the same rule is the same rule.
      const key = (item: unknown) => describeItem(kind, field, item, EN);
      const xs = (Array.isArray(x) ? x : []) as unknown[];
      const ys = (Array.isArray(y) ? y : []) as unknown[];
      const xKeys = new Set(xs.map(key));
      const yKeys = new Set(ys.map(key));
      changes.push({
        field,
        added: ys.filter((item) => !xKeys.has(key(item))),
        removed: xs.filter((item) => !yKeys.has(key(item))),
      });
    } else {
      changes.push({ field, before: x, after: y });
    }
  }
  return changes;
}

function short(value: unknown, text: I18n): string {
  if (value === undefined) return text.t(D['diff.no-value']);
  const shown = typeof value === 'string' ? value : stableJson(value);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
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
