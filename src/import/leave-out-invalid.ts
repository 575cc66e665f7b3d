// What an importer does with a record its source described inconsistently. Each record is mapped on its own, but
// some problems show only in the whole document: a subnet outside its VPC's CIDRs, a secondary CIDR overlapping
// the primary, a rule whose remote is IPv6 under an IPv4 ethertype, an id left blank. A Terraform state edited by
// hand, or an API answering oddly, must not make the whole import fail as if reachbot were broken (found by
// replacing every value of a real state in turn, test/import/leave-out-invalid.test.ts): such a record is left
// out with a warning naming the problem, as the importers already leave out what they cannot map.
import type { TopologyIssue } from '../topology/errors.js';
import { validateTopology } from '../topology/load.js';
import type { Topology } from '../topology/schema.js';

/** Passes of leaving out and checking again: each leaves out at least one record, and most imports need none. */
export const MAX_LEAVE_OUT_PASSES = 8;

/** The validated topology, or the issues that leaving records out did not resolve. */
export type LeaveOutResult = { ok: true; topology: Topology } | { ok: false; issues: TopologyIssue[] };

export interface LeaveOutOptions {
  /**
   * Which list entry on an issue's path goes: the one this many lists deep (2: `clusters[0].networkPolicies[3]`,
   * the whole object a Kubernetes import added); an issue whose path is not that deep (`clusters[0].vpc`) leaves
   * nothing out, and the validation fails. Default: the innermost (`vpcs[1].subnets[0]`, not the whole VPC).
   */
  readonly depth?: number;
}

/**
 * Validate an assembled document; for each issue, a list entry on its path is left out (with a warning through
 * `warn`) and the rest checked again, since what referred to it may now refer to nothing.
 */
export function validateLeavingOut(
  document: unknown,
  warn: (message: string) => void,
  options: LeaveOutOptions = {},
): LeaveOutResult {
  for (let pass = 0; ; pass += 1) {
    const result = validateTopology(document);
    if (result.ok) return { ok: true, topology: result.topology as Topology };
    if (pass === MAX_LEAVE_OUT_PASSES || !leaveOut(document, result.issues, warn, options.depth))
      return { ok: false, issues: result.issues };
  }
}

interface Entry {
  readonly list: unknown[];
  readonly index: number;
  /** The path to the entry, like `vpcs[1].subnets[0]`. */
  readonly at: string;
}

/**
 * Remove from `document` (the importer's own, so changed in place) the entries the issues point into; false, and
 * nothing removed, when an issue points into none.
 */
function leaveOut(
  document: unknown,
  issues: readonly TopologyIssue[],
  warn: (message: string) => void,
  depth: number | undefined,
): boolean {
  const doomed = new Map<unknown[], Map<number, { entry: Entry; issue: TopologyIssue }>>();
  for (const issue of issues) {
    // The line that counts issues past the reported ones has no path: those entries go in a later pass.
    if (issue.path === '' && issues.length > 1) continue;
    const entries = entriesOn(document, issue.path);
    const entry = entries[(depth ?? entries.length) - 1];
    if (!entry) return false;
    const atIndex = doomed.get(entry.list) ?? new Map<number, { entry: Entry; issue: TopologyIssue }>();
    if (!atIndex.has(entry.index)) atIndex.set(entry.index, { entry, issue });
    doomed.set(entry.list, atIndex);
  }
  for (const [list, atIndex] of doomed) {
    for (const { entry, issue } of atIndex.values()) {
      // What of the entry is wrong, by its path within it: `vpcs[0].id` says "id: must not be empty".
      const within = issue.path.slice(entry.at.length).replace(/^\./, '');
      warn(`${labelOf(entry)}: ${within ? `${within}: ` : ''}${issue.message}; left out`);
    }
    // From the end, so the indices still to remove stay valid.
    for (const index of [...atIndex.keys()].sort((a, b) => b - a)) list.splice(index, 1);
  }
  return true;
}

/** The list entries on `path` (like `vpcs[1].subnets[0].cidr`) in `root`, outermost first. */
function entriesOn(root: unknown, path: string): Entry[] {
  let node = root;
  const found: Entry[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    const [, index, key] = match;
    if (typeof node !== 'object' || node === null) break;
    if (index !== undefined && Array.isArray(node)) {
      const at = Number(index);
      if (at >= node.length) break;
      found.push({ list: node, index: at, at: path.slice(0, match.index + match[0].length) });
      node = node[at];
    } else if (key !== undefined && !Array.isArray(node) && Object.hasOwn(node, key)) {
      node = (node as Record<string, unknown>)[key];
    } else break;
  }
  return found;
}

/** How a warning names an entry: its path, with its name, id or value. */
function labelOf({ list, index, at }: Entry): string {
  const value = list[index];
  if (typeof value !== 'object' || value === null) return `${at} (${String(value)})`;
  const record = value as { name?: unknown; id?: unknown };
  const name = [record.name, record.id].find((v): v is string => typeof v === 'string' && v !== '');
  return name ? `${at} (${name})` : at;
}
