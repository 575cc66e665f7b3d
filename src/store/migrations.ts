// Schema migrations of the store document: an ordered list, each taking version N to N+1. A file with
// no schemaVersion is version 0 (the first reachbot stored only `{ topologies: { name: document } }`).
import { SCHEMA_VERSION } from './data.js';
import { StoreError } from './errors.js';

type Document = Record<string, unknown>;

/** One step: a document of version `from` becomes one of version `from + 1`. */
export interface Migration {
  readonly from: number;
  readonly summary: string;
  migrate(document: Document, now: Date): Document;
}

/** Every migration, in order; the last one ends at SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    summary: 'v0 -> v1: topologies stored as bare documents become entries with metadata; the other sections are added',
    migrate(document, now) {
      const legacy = isRecord(document.topologies) ? document.topologies : {};
      const topologies: Document = {};
      for (const [name, value] of Object.entries(legacy)) {
        // An entry already in the v1 shape is kept; a bare topology document is wrapped.
        topologies[name] =
          isRecord(value) && 'topology' in value
            ? { name, ...value }
            : { name, topology: value, importedAt: now.toISOString(), source: 'migrated from a v0 store' };
      }
      return {
        threads: {},
        audit: [],
        deliveries: {},
        watches: [],
        schedules: {},
        ...document,
        topologies,
        schemaVersion: 1,
      };
    },
  },
];

/** The schema version a document declares (0 when absent); null when it is not a version at all. */
export function versionOf(document: unknown): number | null {
  if (!isRecord(document)) return null;
  const version = document.schemaVersion;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/**
 * Bring a document up to SCHEMA_VERSION. The caller refuses newer documents before calling this.
 * Returns the migrated document and the summaries of the steps applied (empty when already current).
 */
export function migrate(document: Document, now: Date): { document: Document; applied: string[] } {
  let current = document;
  let version = versionOf(document) ?? 0;
  const applied: string[] = [];
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS.find((migration) => migration.from === version);
    if (!step) throw new StoreError(`no migration from store schema version ${version}`, 'reachbot_store_migration');
    current = step.migrate(current, now);
    applied.push(step.summary);
    version += 1;
  }
  return { document: current, applied };
}

function isRecord(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
