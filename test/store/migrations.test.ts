import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/data.js';
import { checkStoreData } from '../../src/store/document.js';
import { MIGRATIONS, migrate, versionOf } from '../../src/store/migrations.js';
import { topologyWith } from './helpers.js';

describe('migrations', () => {
  it('form a chain from 0 to the current version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i));
  });

  it('reads versions: absent is 0, garbage is null', () => {
    expect(versionOf({ topologies: {} })).toBe(0);
    expect(versionOf({ schemaVersion: 1 })).toBe(1);
    expect(versionOf({ schemaVersion: '1' })).toBeNull();
    expect(versionOf([])).toBeNull();
  });

  it('turns a v0 document into a valid v1 document', () => {
    const now = new Date('2024-01-04T03:00:00Z');
    const { document, applied } = migrate({ topologies: { prod: topologyWith('prod') } }, now);
    expect(applied).toHaveLength(1);
    const checked = checkStoreData(document);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.data.topologies.prod).toMatchObject({ name: 'prod', importedAt: now.toISOString() });
      expect(checked.data.watches).toEqual([]);
    }
  });

  it('leaves a current document alone', () => {
    const document = { schemaVersion: 1, topologies: {} };
    expect(migrate(document, new Date())).toEqual({ document, applied: [] });
  });
});
