// One resource change of a Terraform plan → edits to a topology, through the Terraform importer's own mapping:
// the resource's `before` or `after` is imported as a one-resource state (plus the VPC it names, from the
// topology) by importTerraformState, and the mapped rule, route or peering becomes a what-if change.
import { type Localized, localized, localizedBy, type Message } from '../i18n/message.js';
import { planNotes as N } from '../i18n/messages/plan-notes.js';
import { importTerraformState } from '../import/terraform/index.js';
import { parseCidr } from '../net/address.js';
import { impliedDefaultTableId } from '../topology/compile.js';
import type { Topology } from '../topology/schema.js';
import { sameRule } from '../whatif/apply.js';
import { type Change, normalizeRoute, normalizeRule } from '../whatif/change.js';
import { type ResourceChange, unknownKeys } from './plan.js';

const PROVIDER = 'provider["registry.terraform.io/huaweicloud/huaweicloud"]';

/** What a plan's resource change does to the topology, as far as it is known before apply. */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  /** The edits whose values are known. */
  readonly changes: readonly Change[];
  /** Ids and names of the objects it changes, as diagnoses name them (security group, route table, peering). */
  readonly touches: readonly string[];
  /** Attributes that matter for reachability but are known only after apply: paths through `touches` are uncertain. */
  readonly unknown?: readonly string[];
  /** Why it is not evaluated (a type reachbot does not map, an object the topology does not have). */
  readonly note?: PlanNote;
}

/** A note in every language; `quiet` ones (nothing to evaluate) are not listed as "not evaluated". */
export interface PlanNote extends Localized {
  readonly quiet?: boolean;
}

const note = <P>(m: Message<P>, params: P): PlanNote => localized(m, params);
const quiet = (m: Message<void>): PlanNote => ({ ...localized(m, undefined), quiet: true });

/** The resource types check-plan evaluates. */
export const PLAN_TYPES = [
  'huaweicloud_networking_secgroup_rule',
  'huaweicloud_vpc_route',
  'huaweicloud_vpc_peering_connection',
  'huaweicloud_dcs_instance',
] as const;

const RULE_KEYS = ['security_group_id', 'direction', 'ethertype', 'protocol', 'action', 'priority'];

/**
 * The rule attributes that decide reachability and are known only after apply. The provider computes
 * port_range_* from `ports` and leaves the other remotes empty, so those count only when they decide.
 */
function ruleUnknowns(after: Attrs, afterUnknown: unknown): string[] {
  const unknown = new Set(unknownKeys(afterUnknown));
  const given = (key: string) => (typeof after[key] === 'string' ? after[key] !== '' : after[key] != null);
  const found = RULE_KEYS.filter((key) => unknown.has(key));
  if (unknown.has('ports') || (!given('ports') && (unknown.has('port_range_min') || unknown.has('port_range_max'))))
    found.push('ports');
  const remotes = ['remote_ip_prefix', 'remote_group_id', 'remote_address_group_id'];
  if (!remotes.some(given)) found.push(...remotes.filter((key) => unknown.has(key)));
  return found;
}
const ROUTE_KEYS = ['vpc_id', 'destination', 'type', 'nexthop', 'route_table_id'];
const PEERING_KEYS = ['id', 'vpc_id', 'peer_vpc_id'];

type Attrs = Record<string, unknown>;

function attrs(value: unknown): Attrs | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Attrs) : undefined;
}

/**
 * Import one resource with the Terraform importer, plus stubs (from the topology) of the VPCs and the peering it
 * refers to, which the importer needs to place it.
 */
function importOne(
  type: string,
  attributes: Attrs,
  topology: Topology,
  vpcIds: readonly string[],
  peeringId?: string,
  subnetId?: string,
) {
  const peering = peeringId ? (topology.peerings ?? []).find((p) => p.id === peeringId) : undefined;
  const allVpcs = [...new Set([...vpcIds, ...(peering ? [peering.requesterVpc, peering.accepterVpc] : [])])];
  const stub = (stubType: string, attributes: Attrs) => ({
    mode: 'managed',
    type: stubType,
    name: `stub_${String(attributes.id)}`,
    provider: PROVIDER,
    instances: [{ attributes }],
  });
  const stubs = allVpcs.map((id) =>
    stub('huaweicloud_vpc', { id, cidr: (topology.vpcs ?? []).find((v) => v.id === id)?.cidr ?? '10.0.0.0/8' }),
  );
  const subnet = subnetId
    ? (topology.vpcs ?? [])
        .flatMap((v) => (v.subnets ?? []).map((sn) => ({ vpc: v.id, sn })))
        .find(({ sn }) => sn.id === subnetId || sn.ipv4SubnetId === subnetId)
    : undefined;
  if (subnet)
    stubs.push(
      stub('huaweicloud_vpc_subnet', {
        id: subnetId,
        vpc_id: subnet.vpc,
        cidr: subnet.sn.cidr,
        ipv4_subnet_id: subnetId,
      }),
    );
  if (peering)
    stubs.push(
      stub('huaweicloud_vpc_peering_connection', {
        id: peering.id,
        vpc_id: peering.requesterVpc,
        peer_vpc_id: peering.accepterVpc,
        status: peering.status ?? 'ACTIVE',
      }),
    );
  const state = {
    version: 4,
    resources: [...stubs, { mode: 'managed', type, name: 'planned', provider: PROVIDER, instances: [{ attributes }] }],
  };
  return importTerraformState(state, 'the plan').topology;
}

function groupKnown(topology: Topology, id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  return (topology.securityGroups ?? []).some((g) => g.id === id) ? id : undefined;
}

function namesOf(topology: Topology, ids: readonly string[]): string[] {
  const out = new Set(ids);
  for (const g of topology.securityGroups ?? []) if (ids.includes(g.id) && g.name) out.add(g.name);
  for (const p of topology.peerings ?? []) if (ids.includes(p.id) && p.name) out.add(p.name);
  return [...out];
}

function mapRule(rc: ResourceChange, topology: Topology, deleting: boolean, creating: boolean): PlannedChange {
  const base = { address: rc.address, type: rc.type, actions: rc.change.actions };
  const before = attrs(rc.change.before);
  const after = attrs(rc.change.after);
  const changes: Change[] = [];
  const touches: string[] = [];
  const notes: PlanNote[] = [];
  if (deleting && before) {
    const group = groupKnown(topology, before.security_group_id);
    const mapped = importOne(rc.type, before, topology, []).securityGroups?.[0]?.rules?.[0];
    const rule = mapped ? normalizeRule(mapped) : undefined;
    if (group && rule && !Array.isArray(rule)) {
      changes.push({
        op: 'remove-rule',
        securityGroup: group,
        rule,
        ...(typeof before.id === 'string' ? { ruleId: before.id } : {}),
        at: rc.address,
      });
      touches.push(group);
    } else notes.push(note(N['plan.note.group-missing'], { id: String(before.security_group_id) }));
  }
  if (creating && after) {
    const unknown = ruleUnknowns(after, rc.change.after_unknown);
    const groupId = typeof after.security_group_id === 'string' ? after.security_group_id : undefined;
    if (unknown.length) {
      if (groupId && groupKnown(topology, groupId)) touches.push(groupId);
      else if (!groupId) notes.push(note(N['plan.note.group-created'], undefined));
      return { ...base, changes, touches: namesOf(topology, touches), unknown };
    }
    const group = groupKnown(topology, groupId);
    // A new rule's id is computed at apply: the importer needs one, the topology does not.
    const planned = { id: 'known-after-apply', ...after };
    const mapped = importOne(rc.type, planned, topology, []).securityGroups?.[0]?.rules?.[0];
    const rule = mapped ? normalizeRule(after.id ? mapped : { ...mapped, id: undefined }) : undefined;
    const removed = changes.find((c) => c.op === 'remove-rule');
    if (
      group &&
      rule &&
      !Array.isArray(rule) &&
      removed?.op === 'remove-rule' &&
      removed.rule &&
      removed.securityGroup === group &&
      sameRule(removed.rule, rule)
    )
      return { ...base, changes: [], touches: [], note: quiet(N['plan.note.same-rule']) };
    if (group && rule && !Array.isArray(rule)) {
      changes.push({ op: 'add-rule', securityGroup: group, rule, at: rc.address });
      touches.push(group);
    } else notes.push(note(N['plan.note.group-unused'], { id: String(groupId) }));
  }
  return {
    ...base,
    changes,
    touches: namesOf(topology, [...new Set(touches)]),
    ...(notes.length && changes.length === 0 ? { note: joinNotes(notes) } : {}),
  };
}

function joinNotes(notes: readonly PlanNote[]): PlanNote {
  return localizedBy(N['plan.note.join'], (lang) => ({ notes: notes.map((n) => n[lang]) }));
}

function tableOf(topology: Topology, a: Attrs): { routeTable?: string; vpc?: string; id: string } | undefined {
  if (typeof a.route_table_id === 'string' && a.route_table_id)
    return { routeTable: a.route_table_id, id: a.route_table_id };
  if (typeof a.vpc_id !== 'string') return undefined;
  const vpc = (topology.vpcs ?? []).find((v) => v.id === a.vpc_id);
  if (!vpc) return undefined;
  const id = (vpc.routeTables ?? []).find((t) => t.default)?.id ?? impliedDefaultTableId(vpc.id);
  return { vpc: vpc.id, id };
}

function mapRoute(rc: ResourceChange, topology: Topology, deleting: boolean, creating: boolean): PlannedChange {
  const base = { address: rc.address, type: rc.type, actions: rc.change.actions };
  const before = attrs(rc.change.before);
  const after = attrs(rc.change.after);
  const changes: Change[] = [];
  const touches: string[] = [];
  if (deleting && before && typeof before.destination === 'string') {
    const table = tableOf(topology, before);
    if (!table)
      return { ...base, changes, touches, note: note(N['plan.note.vpc-missing'], { id: String(before.vpc_id) }) };
    changes.push({ op: 'remove-route', ...table, destination: before.destination, at: rc.address });
    touches.push(table.id);
  }
  if (creating && after) {
    const table = tableOf(topology, after);
    const unknown = unknownKeys(rc.change.after_unknown, ROUTE_KEYS);
    if (unknown.length || !table) {
      if (table) touches.push(table.id);
      return unknown.length
        ? { ...base, changes, touches, unknown }
        : { ...base, changes, touches, note: note(N['plan.note.vpc-missing'], { id: String(after.vpc_id) }) };
    }
    const vpcId = String(after.vpc_id);
    const imported = importOne(
      rc.type,
      after,
      topology,
      [vpcId],
      typeof after.nexthop === 'string' ? after.nexthop : undefined,
    );
    const mapped = (imported.vpcs ?? []).flatMap((v) => (v.routeTables ?? []).flatMap((t) => t.routes ?? []))[0];
    const route = mapped ? normalizeRoute(mapped) : undefined;
    // Nothing of a change that cannot be mapped whole is applied (an update's removal alone would mislead).
    if (!route || Array.isArray(route))
      return { ...base, changes: [], touches: [], note: note(N['plan.note.route-unmapped'], undefined) };
    const { id: _id, ...where } = table;
    const removed = changes.find((c) => c.op === 'remove-route');
    const previous = (topology.vpcs ?? [])
      .flatMap((v) => v.routeTables ?? [])
      .find((t) => t.id === table.id)
      ?.routes?.find((r) => r.destination === route.destination);
    if (
      removed?.op === 'remove-route' &&
      removed.destination === route.destination &&
      previous?.type === route.type &&
      previous.nextHop === route.nextHop
    )
      return { ...base, changes: [], touches: [], note: quiet(N['plan.note.same-route']) };
    changes.push({ op: 'add-route', ...where, route, at: rc.address });
    touches.push(table.id);
  }
  return { ...base, changes: dedupeRemoveAdd(changes), touches: [...new Set(touches)] };
}

// An update that removes and re-adds the same route destination: the add replaces it (add-route does).
function dedupeRemoveAdd(changes: Change[]): Change[] {
  const add = changes.find((c) => c.op === 'add-route');
  if (add?.op !== 'add-route') return changes;
  return changes.filter(
    (c) =>
      !(
        c.op === 'remove-route' &&
        c.destination === add.route.destination &&
        c.routeTable === add.routeTable &&
        c.vpc === add.vpc
      ),
  );
}

function mapPeering(rc: ResourceChange, topology: Topology, deleting: boolean, creating: boolean): PlannedChange {
  const base = { address: rc.address, type: rc.type, actions: rc.change.actions };
  const before = attrs(rc.change.before);
  const after = attrs(rc.change.after);
  const changes: Change[] = [];
  const touches: string[] = [];
  const known = (id: unknown) => typeof id === 'string' && (topology.peerings ?? []).some((p) => p.id === id);
  if (deleting && before && known(before.id)) {
    // A deleted peering passes nothing; routes that still name it are black holes, as in the cloud.
    changes.push({ op: 'set-peering', peering: String(before.id), status: 'DELETED', at: rc.address });
    touches.push(String(before.id));
  }
  if (creating && after) {
    const unknown = unknownKeys(rc.change.after_unknown, PEERING_KEYS);
    if (unknown.length) return { ...base, changes, touches: namesOf(topology, touches), unknown };
    const ids = [String(after.vpc_id), String(after.peer_vpc_id)];
    const peering = importOne(rc.type, after, topology, ids).peerings?.[0];
    if (peering) {
      changes.push({ op: 'add-peering', peering: { ...peering, status: peering.status ?? 'ACTIVE' }, at: rc.address });
      touches.push(peering.id);
    }
  }
  return { ...base, changes, touches: namesOf(topology, touches) };
}

/** A DCS instance's whitelist as the importer maps it: group name → normalized entries. */
function whitelistOf(a: Attrs, topology: Topology): Map<string, string[]> | undefined {
  const vpc = typeof a.vpc_id === 'string' ? [a.vpc_id] : [];
  const subnet = typeof a.subnet_id === 'string' ? a.subnet_id : undefined;
  const imported = importOne('huaweicloud_dcs_instance', a, topology, vpc, undefined, subnet);
  const resource = imported.resources?.[0];
  if (!resource) return undefined;
  const groups = new Map<string, string[]>();
  for (const group of resource.whitelist?.groups ?? [])
    groups.set(
      group.name,
      group.addresses.map((entry) => {
        const parsed = parseCidr(entry, true);
        return parsed.ok ? parsed.cidr.text : entry;
      }),
    );
  return groups;
}

// A DCS instance's whitelist changes in place (an update): the entries added and removed become edits. Creating or
// deleting an instance changes which resources exist, which a topology import says better.
function mapDcs(rc: ResourceChange, topology: Topology): PlannedChange {
  const base = { address: rc.address, type: rc.type, actions: rc.change.actions };
  const before = attrs(rc.change.before);
  const after = attrs(rc.change.after);
  if (!rc.change.actions.includes('update') || !before || !after)
    return {
      ...base,
      changes: [],
      touches: [],
      note: note(N['plan.note.dcs-lifecycle'], undefined),
    };
  const resource = (topology.resources ?? []).find(
    (r) => (typeof before.id === 'string' && r.id === before.id) || r.name === before.name,
  );
  if (!resource)
    return { ...base, changes: [], touches: [], note: note(N['plan.note.dcs-missing'], { name: String(before.name) }) };
  const unknown = unknownKeys(rc.change.after_unknown, ['whitelists', 'whitelist_enable']);
  if (unknown.length) return { ...base, changes: [], touches: [resource.name], unknown };
  const was = whitelistOf(before, topology);
  const now = whitelistOf(after, topology);
  if (!was || !now)
    return { ...base, changes: [], touches: [], note: note(N['plan.note.attributes-unmapped'], undefined) };
  const changes: Change[] = [];
  for (const [group, entries] of now)
    for (const address of entries)
      if (!was.get(group)?.includes(address))
        changes.push({ op: 'add-whitelist-entry', resource: resource.name, group, address, at: rc.address });
  for (const [group, entries] of was)
    for (const address of entries)
      if (!now.get(group)?.includes(address))
        changes.push({ op: 'remove-whitelist-entry', resource: resource.name, group, address, at: rc.address });
  if (changes.length === 0) return { ...base, changes, touches: [], note: quiet(N['plan.note.same-whitelist']) };
  return { ...base, changes, touches: [resource.name] };
}

/** Map one resource change; types not in PLAN_TYPES come back with a note and no edits. */
export function mapResourceChange(rc: ResourceChange, topology: Topology): PlannedChange {
  const actions = rc.change.actions;
  const base = { address: rc.address, type: rc.type, actions, changes: [], touches: [] };
  if (actions.every((a) => a === 'no-op' || a === 'read' || a === 'forget'))
    return { ...base, note: quiet(N['plan.note.no-network-change']) };
  // 'forget' drops an object from the state without destroying it: the network does not change.
  const deleting = actions.includes('delete') || actions.includes('update');
  const creating = actions.includes('create') || actions.includes('update');
  switch (rc.type) {
    case 'huaweicloud_networking_secgroup_rule':
      return mapRule(rc, topology, deleting, creating);
    case 'huaweicloud_vpc_route':
      return mapRoute(rc, topology, deleting, creating);
    case 'huaweicloud_vpc_peering_connection':
      return mapPeering(rc, topology, deleting, creating);
    case 'huaweicloud_dcs_instance':
      return mapDcs(rc, topology);
    default:
      return { ...base, note: note(N['plan.note.type-not-evaluated'], { type: rc.type, types: PLAN_TYPES }) };
  }
}
