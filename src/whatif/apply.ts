// Applying changes to a topology: a new topology, the input untouched (unchanged parts shared), so that a what-if
// never reaches the store. A change that names nothing known is a located error with the closest names.
import { applyFixes } from '../engine/fixes/apply.js';
import { i18n } from '../i18n/i18n.js';
import { type Localized, localized, localizedBy, type Message } from '../i18n/message.js';
import { type ChangeTarget, whatifErrors as W } from '../i18n/messages/whatif-errors.js';
import { closestNames } from '../names/closest.js';
import { impliedDefaultTableId } from '../topology/compile.js';
import { issueText, type TopologyIssue } from '../topology/errors.js';
import type { Resource, RouteTable, SecurityGroup, SecurityGroupRule, Topology, Vpc } from '../topology/schema.js';
import { checkReferences } from '../topology/validate.js';
import { type Change, ChangeError } from './change.js';

/** A change that cannot apply to this topology (as opposed to a bug, which is not caught). */
class Problem extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }

  static of<P>(m: Message<P>, params: P): Problem {
    return new Problem(localized(m, params));
  }
}

function unknown(what: ChangeTarget, typed: string, known: readonly string[]): Problem {
  return Problem.of(W['whatif.unknown'], { what, typed, close: closestNames(typed, known) });
}

const SAME_RULE_KEYS = ['direction', 'ethertype', 'protocol', 'ports', 'remote', 'action', 'priority'] as const;

/** Whether two rules mean the same (ids and descriptions aside; absent fields take their defaults). */
export function sameRule(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  const defaults: Partial<SecurityGroupRule> = { ethertype: 'IPv4', protocol: 'any', action: 'allow', priority: 1 };
  return SAME_RULE_KEYS.every(
    (key) => JSON.stringify(a[key] ?? defaults[key] ?? null) === JSON.stringify(b[key] ?? defaults[key] ?? null),
  );
}

interface Editing {
  topology: Topology;
}

function editGroup(state: Editing, id: string, edit: (group: SecurityGroup) => SecurityGroup): void {
  const groups = state.topology.securityGroups ?? [];
  const found = groups.find((g) => g.id === id);
  if (!found)
    throw unknown(
      'securityGroup',
      id,
      groups.map((g) => g.id),
    );
  state.topology = { ...state.topology, securityGroups: groups.map((g) => (g === found ? edit(g) : g)) };
}

/** The route table a change names: by id in any VPC, or a VPC's default table (created empty when implied). */
function editTable(
  state: Editing,
  change: { routeTable?: string; vpc?: string },
  edit: (table: RouteTable) => RouteTable,
): void {
  const vpcs = state.topology.vpcs ?? [];
  let owner: Vpc | undefined;
  let tableId = change.routeTable;
  if (change.vpc !== undefined) {
    owner = vpcs.find((v) => v.id === change.vpc);
    if (!owner)
      throw unknown(
        'vpc',
        change.vpc,
        vpcs.map((v) => v.id),
      );
    tableId = (owner.routeTables ?? []).find((t) => t.default)?.id ?? impliedDefaultTableId(owner.id);
  } else if (
    !vpcs.some((v) => (v.routeTables ?? []).some((t) => t.id === tableId)) &&
    vpcs.some((v) => v.id === tableId)
  ) {
    // "the route … in vpc-demo2": a VPC named where a table was expected means its default table.
    editTable(state, { vpc: tableId! }, edit);
    return;
  } else {
    owner = vpcs.find((v) => (v.routeTables ?? []).some((t) => t.id === tableId));
    if (!owner) {
      owner = vpcs.find((v) => impliedDefaultTableId(v.id) === tableId && (v.routeTables ?? []).length === 0);
      if (!owner)
        throw unknown(
          'routeTable',
          tableId ?? '',
          vpcs.flatMap((v) => (v.routeTables ?? []).map((t) => t.id)),
        );
    }
  }
  const vpc = owner;
  const tables = vpc.routeTables ?? [];
  const next: Vpc = tables.some((t) => t.id === tableId)
    ? { ...vpc, routeTables: tables.map((t) => (t.id === tableId ? edit(t) : t)) }
    : { ...vpc, routeTables: [...tables, edit({ id: tableId!, default: true, routes: [] })] };
  state.topology = { ...state.topology, vpcs: vpcs.map((v) => (v === vpc ? next : v)) };
}

function editResource(state: Editing, name: string, edit: (resource: Resource) => Resource): void {
  const resources = state.topology.resources ?? [];
  const found = resources.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (!found)
    throw unknown(
      'resource',
      name,
      resources.map((r) => r.name),
    );
  state.topology = { ...state.topology, resources: resources.map((r) => (r === found ? edit(r) : r)) };
}

function applyOne(state: Editing, change: Change): void {
  switch (change.op) {
    case 'add-rule':
      editGroup(state, change.securityGroup, (g) => ({ ...g, rules: [...(g.rules ?? []), change.rule] }));
      return;
    case 'remove-rule':
      editGroup(state, change.securityGroup, (g) => {
        const rules = g.rules ?? [];
        let at = -1;
        if (change.index !== undefined) {
          if (change.index > rules.length)
            throw Problem.of(W['whatif.no-rule-number'], { group: g.id, count: rules.length, index: change.index });
          at = change.index - 1;
        } else if (change.ruleId !== undefined && (rules.some((r) => r.id === change.ruleId) || !change.rule)) {
          at = rules.findIndex((r) => r.id === change.ruleId);
          if (at < 0) throw Problem.of(W['whatif.no-rule-id'], { group: g.id, id: change.ruleId });
        } else if (change.rule) {
          const wanted = change.rule;
          at = rules.findIndex((r) => sameRule(r, wanted));
          if (at < 0) throw Problem.of(W['whatif.no-equal-rule'], { group: g.id });
        }
        return { ...g, rules: rules.filter((_, i) => i !== at) };
      });
      return;
    case 'add-route':
      editTable(state, change, (t) => ({
        ...t,
        routes: [...(t.routes ?? []).filter((r) => r.destination !== change.route.destination), change.route],
      }));
      return;
    case 'remove-route':
      editTable(state, change, (t) => {
        const routes = t.routes ?? [];
        const wanted = change.destination.includes('/') ? change.destination : `${change.destination}/32`;
        const kept = routes.filter((r) => r.destination !== change.destination && r.destination !== wanted);
        if (kept.length === routes.length)
          throw Problem.of(W['whatif.no-route'], {
            table: t.id,
            destination: change.destination,
            has: routes.map((r) => r.destination),
          });
        return { ...t, routes: kept };
      });
      return;
    case 'add-whitelist-entry':
    case 'remove-whitelist-entry':
      editResource(state, change.resource, (r) => {
        const groups = r.whitelist?.groups ?? [];
        const name = change.group ?? groups[0]?.name ?? 'default';
        if (change.op === 'remove-whitelist-entry') {
          const group = groups.find((g) => g.name === name);
          if (!group?.addresses.includes(change.address))
            throw Problem.of(W['whatif.no-whitelist-entry'], {
              resource: r.name,
              address: change.address,
              group: name,
            });
          return {
            ...r,
            whitelist: {
              ...r.whitelist,
              groups: groups.map((g) =>
                g === group ? { ...g, addresses: g.addresses.filter((a) => a !== change.address) } : g,
              ),
            },
          };
        }
        const next = groups.some((g) => g.name === name)
          ? groups.map((g) => (g.name === name ? { ...g, addresses: [...g.addresses, change.address] } : g))
          : [...groups, { name, addresses: [change.address] }];
        return { ...r, whitelist: { enabled: true, ...r.whitelist, groups: next } };
      });
      return;
    case 'set-peering':
    case 'remove-peering': {
      const peerings = state.topology.peerings ?? [];
      const found = peerings.find((p) => p.id === change.peering);
      if (!found)
        throw unknown(
          'peering',
          change.peering,
          peerings.map((p) => p.id),
        );
      state.topology = {
        ...state.topology,
        peerings:
          change.op === 'remove-peering'
            ? peerings.filter((p) => p !== found)
            : peerings.map((p) => (p === found ? { ...p, status: change.status } : p)),
      };
      return;
    }
    case 'add-peering':
      state.topology = {
        ...state.topology,
        peerings: [...(state.topology.peerings ?? []).filter((p) => p.id !== change.peering.id), change.peering],
      };
      return;
    case 'apply-fixes':
      state.topology = applyFixes(state.topology, change.fixes);
      return;
  }
}

/** The topology after one change; throws ChangeError (located by the change's `at`) when it cannot apply. */
export function applyChange(topology: Topology, change: Change, source?: string): Topology {
  const state: Editing = { topology };
  try {
    applyOne(state, change);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    throw new ChangeError([{ path: change.at ?? 'change', message: error.text.en, text: error.text }], source);
  }
  return state.topology;
}

/** The references of a changed topology still resolve; throws ChangeError listing those that do not. */
export function checkChangedReferences(topology: Topology, source?: string): void {
  const broken = checkReferences(topology);
  if (broken.length)
    throw new ChangeError(
      broken.map((issue) => {
        const text = localizedBy(W['whatif.broken-reference'], (lang) => ({
          path: issue.path,
          issue: issueText(issue, i18n(lang)),
        }));
        return { path: '', message: text.en, text };
      }),
      source,
    );
}

/**
 * The topology after `changes`, in order. Throws ChangeError naming the change (its `at`, else its position)
 * for a change that refers to nothing known, and for a result whose references no longer resolve.
 */
export function applyChanges(topology: Topology, changes: readonly Change[], source?: string): Topology {
  let next = topology;
  const issues: TopologyIssue[] = [];
  changes.forEach((change, index) => {
    try {
      next = applyChange(next, { ...change, at: change.at ?? `changes[${index}]` }, source);
    } catch (error) {
      if (!(error instanceof ChangeError)) throw error;
      issues.push(...error.issues);
    }
  });
  if (issues.length) throw new ChangeError(issues, source);
  checkChangedReferences(next, source);
  return next;
}
