// What replacing a stored topology changes, for the import reply and the audit log.
import { diffTopologies, formatDiff, isEmptyDiff } from '../topology/diff.js';
import type { Topology } from '../topology/schema.js';

export interface TopologyChange {
  /** "2 added, 1 changed" (or "no changes"). */
  readonly summary: string;
  /** One line per added, removed or changed object. */
  readonly text: string;
}

/** The change from `before` to `after`, in words. */
export function describeTopologyChange(before: Topology, after: Topology): TopologyChange {
  const diff = diffTopologies(before, after);
  const text = formatDiff(diff);
  return { summary: isEmptyDiff(diff) ? 'no changes' : (text.split('\n')[0] ?? ''), text };
}
