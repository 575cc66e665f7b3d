// The store document's life cycle shared by the file and memory stores: validate what was loaded,
// and apply an update as "copy, mutate, validate, swap", so a throwing or invalid mutation changes
// nothing. Stored topologies are validated once, deep-frozen and shared between versions of the
// document (not cloned per update): that keeps updates cheap, and keeps each stored topology the same
// object until it is replaced, which is what the compiled-topology cache is keyed on.
import { formatIssues } from '../topology/errors.js';
import { validateTopology } from '../topology/load.js';
import { emptyStoreData, type StoreData, type StoredTopology, withKeyedRecords } from './data.js';
import { StoreValidationError } from './errors.js';
import { storeDataSchema, storedTopologyEntrySchema } from './schema.js';

/** Entries that passed validation; only these are shared across updates untouched. */
const validated = new WeakSet<object>();

export type CheckResult = { ok: true; data: StoreData } | { ok: false; issues: string[] };

/** Validate a whole document (already migrated to the current version); returns every issue found. */
export function checkStoreData(input: unknown): CheckResult {
  const parsed = storeDataSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map(
        (issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`,
      ),
    };
  }
  const issues: string[] = [];
  const topologies: Record<string, StoredTopology> = {};
  for (const [key, entry] of Object.entries(parsed.data.topologies)) {
    const checked = checkEntry(key, entry, issues);
    if (checked) topologies[key] = checked;
  }
  const data = withKeyedRecords({ ...parsed.data, topologies } as unknown as StoreData);
  if (data.defaultTopology !== undefined && !topologies[data.defaultTopology]) {
    issues.push(`defaultTopology: "${data.defaultTopology}" is not a stored topology`);
  }
  return issues.length ? { ok: false, issues } : { ok: true, data };
}

function checkEntry(key: string, entry: unknown, issues: string[]): StoredTopology | null {
  if (typeof entry === 'object' && entry !== null && validated.has(entry)) {
    const known = entry as StoredTopology;
    if (known.name !== key) issues.push(`topologies.${key}.name: "${known.name}" must equal its key "${key}"`);
    return known;
  }
  const shape = storedTopologyEntrySchema.safeParse(entry);
  if (!shape.success) {
    for (const issue of shape.error.issues)
      issues.push(`topologies.${[key, ...issue.path.map(String)].join('.')}: ${issue.message}`);
    return null;
  }
  if (shape.data.name !== key) issues.push(`topologies.${key}.name: "${shape.data.name}" must equal its key "${key}"`);
  const topology = validateTopology(shape.data.topology);
  if (!topology.ok) {
    issues.push(`topologies.${key}.topology: ${formatIssues(topology.issues)}`);
    return null;
  }
  const stored = deepFreeze({ ...shape.data, topology: topology.topology }) as StoredTopology;
  validated.add(stored);
  return stored;
}

/**
 * Take a stored entry read back from the file as validated without validating it again, because its text matches the
 * seal this reachbot wrote with it (file-store.ts, seal.ts). Freezes it, as validation would.
 */
export function trustSealedEntry(entry: object): void {
  deepFreeze(entry);
  validated.add(entry);
}

/**
 * Validate and freeze a topology entry ahead of an update, so that the update keeps this very object (and so any
 * compiled form keyed on it): a sync compiles a new topology before it is swapped in. Throws StoreValidationError.
 */
export function sealStoredTopology(entry: StoredTopology): StoredTopology {
  const issues: string[] = [];
  const sealed = checkEntry(entry.name, entry, issues);
  if (!sealed || issues.length) throw new StoreValidationError(issues);
  return sealed;
}

/** A copy to mutate: every section cloned, stored topology entries shared (they are frozen). */
function draftOf(data: StoreData): StoreData {
  const { topologies, ...rest } = data;
  // structuredClone gives every record a prototype again.
  return withKeyedRecords({ ...structuredClone(rest), topologies: { ...topologies } });
}

/** Apply `mutate` to a copy of `current` and validate it; `current` is never changed. */
export function applyUpdate(current: StoreData, mutate: (data: StoreData) => void): StoreData {
  const draft = draftOf(current);
  mutate(draft);
  const checked = checkStoreData(draft);
  if (!checked.ok) throw new StoreValidationError(checked.issues);
  return checked.data;
}

/** A fresh document, with any sections the input lacks filled in (a v1 file written before a section existed). */
export function withDefaultSections(document: Record<string, unknown>): Record<string, unknown> {
  return { ...emptyStoreData(), ...document };
}

/**
 * Freeze a value and everything in it (already frozen parts are not walked again). A loop over a stack, without
 * `Object.values` arrays: a large stored topology freezes in about 30 ms instead of 115, and depth costs no stack.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const pending: object[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (Object.isFrozen(next)) continue;
    Object.freeze(next);
    if (Array.isArray(next)) {
      for (const child of next) if (typeof child === 'object' && child !== null) pending.push(child);
    } else {
      const record = next as Record<string, unknown>;
      // for...in sees only own keys here: stored data is plain objects and arrays parsed from JSON.
      for (const key in record) {
        const child = record[key];
        if (typeof child === 'object' && child !== null) pending.push(child);
      }
    }
  }
  return value;
}
