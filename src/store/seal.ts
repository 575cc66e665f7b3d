// Seals on stored topologies: a hash of each entry's JSON text, written beside it by this reachbot, so that opening
// the store does not validate megabytes of topology that were validated before they were stored (issue #16, item 6).
// A seal is an integrity check against damage and hand edits, not a signature: an entry whose text does not hash to
// its seal (edited, truncated, written by another program or by a reachbot with other validation rules) is validated
// in full as before, and refused when invalid.
import { createHash } from 'node:crypto';

/** The top-level key of the seals in the store file; never part of the document the store hands out. */
export const SEALS_KEY = 'topologySeals';

/**
 * Which topology validation a seal vouches for. Bump it whenever validation accepts less than before (a stricter
 * rule, a new cross-check), so files sealed under the older rules are validated again once.
 */
const SEAL_VERSION = 'v1';

/** The seal of one stored topology entry's JSON text (`JSON.stringify(entry)`). */
export function sealOf(json: string): string {
  // Hashing the string directly is the fastest way found for the text JSON.stringify returns: TextEncoder bytes, or an
  // ASCII check followed by Latin-1 bytes, took about twice as long on a 15 MB entry (BENCHMARKS.md).
  return `${SEAL_VERSION}:sha256:${createHash('sha256').update(json).digest('hex')}`;
}

/**
 * Take the seals out of a parsed store document (the document is changed: the key is removed, so it is never
 * written back stale). Returns them by topology name; malformed seals are left out (their entries get validated).
 */
export function takeSeals(document: Record<string, unknown>): Map<string, string> {
  const raw = document[SEALS_KEY];
  delete document[SEALS_KEY];
  const seals = new Map<string, string>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return seals;
  for (const [name, seal] of Object.entries(raw)) if (typeof seal === 'string') seals.set(name, seal);
  return seals;
}
