// The store's sections keyed by names, ids and channels hold no inherited members: looking up "constructor" or
// "toString" finds nothing unless something was stored under that name (a topology named "constructor" once made
// `topology list` read Object's constructor as its sync schedule and crash).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYED_SECTIONS, type StoreData } from '../../src/store/data.js';
import { openFileStore } from '../../src/store/file-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { tempDir, topologyWith } from './helpers.js';

const INHERITED = Object.getOwnPropertyNames(Object.prototype);
/** A topology name that is also a member of every object (TypeScript would read `.valueOf` as the method). */
const NAME: string = 'valueOf';

/** Every keyed section finds nothing under Object's member names, but the topology `stored` if given. */
function expectNoInherited(data: StoreData, stored?: string): void {
  for (const section of KEYED_SECTIONS) {
    for (const name of INHERITED) {
      if (section === 'topologies' && name === stored) continue;
      expect(data[section][name], `${section}["${name}"]`).toBeUndefined();
    }
  }
}

/** Look up a member name inside an update, store a topology named "valueOf", then check every section again. */
async function exercise(store: Store): Promise<void> {
  expectNoInherited(store.data);
  let seenInUpdate: unknown = 'not run';
  await store.update((data) => {
    seenInUpdate = data.syncs[NAME];
    data.topologies[NAME] = { name: NAME, topology: topologyWith('prod'), importedAt: '2024-01-04T00:00:00Z' };
  });
  expect(seenInUpdate).toBeUndefined();
  expect(store.data.topologies[NAME]?.name).toBe(NAME);
  expect(store.data.syncs[NAME]).toBeUndefined();
  expect(Object.keys(store.data.topologies)).toEqual([NAME]);
  expectNoInherited(store.data, NAME);
}

describe('keyed sections of the store document', () => {
  it('find nothing inherited in a memory store, fresh and after an update', async () => {
    await exercise(new MemoryStore());
  });

  it('find nothing inherited in a file store, new, after an update and reopened', async () => {
    const path = join(await tempDir(), 'store.json');
    const store = await openFileStore(path);
    await exercise(store);
    await store.close();
    const reopened = await openFileStore(path);
    expect(reopened.data.topologies[NAME]?.name).toBe(NAME);
    expectNoInherited(reopened.data, NAME);
    await reopened.close();
  });
});
