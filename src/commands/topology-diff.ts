// What replacing a stored topology changes, for the import reply, the audit log and the change alerts.
import { EN, type I18n } from '../i18n/i18n.js';
import { diffTopologies, formatDiff, type TopologyDiff } from '../topology/diff.js';
import type { Topology } from '../topology/schema.js';

export interface TopologyChange {
  /** The change as data: each reader formats it in their own language. */
  readonly diff: TopologyDiff;
  /** "2 added (…), 1 changed (…)" (or "no changes"), in the reply's language. */
  readonly summary: string;
  /** One line per added, removed or changed object, in the reply's language. */
  readonly text: string;
}

/** The change from `before` to `after`, in words of `text`'s language. */
export function describeTopologyChange(before: Topology, after: Topology, text: I18n = EN): TopologyChange {
  const diff = diffTopologies(before, after);
  const lines = formatDiff(diff, text);
  return { diff, summary: lines.split('\n')[0] ?? '', text: lines };
}
