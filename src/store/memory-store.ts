// An in-memory Store with the same update semantics as the file store (copy, mutate, validate, swap),
// for tests of the modules that use a store.
import type { StoreData } from './data.js';
import { applyUpdate, checkStoreData, withDefaultSections } from './document.js';
import { StoreValidationError } from './errors.js';
import type { Store } from './store.js';

/** A Store that lives only in memory; `initial` sections are validated like a file would be. */
export class MemoryStore implements Store {
  #data: StoreData;
  /** How many updates have been applied (for tests that assert a write did or did not happen). */
  writes = 0;

  constructor(initial: Partial<StoreData> = {}) {
    const checked = checkStoreData(withDefaultSections(initial));
    if (!checked.ok) throw new StoreValidationError(checked.issues);
    this.#data = checked.data;
  }

  get data(): Readonly<StoreData> {
    return this.#data;
  }

  async update(mutate: (data: StoreData) => void): Promise<void> {
    this.#data = applyUpdate(this.#data, mutate);
    this.writes += 1;
  }
}
