// The Store boundary: everything else talks to this interface, never to lowdb or the file system.
import type { StoreData } from './data.js';

/** A small document store with atomic whole-document writes; one process writes (see docs/STORE.md). */
export interface Store {
  /** The current document; treat as read-only outside `update`. */
  readonly data: Readonly<StoreData>;
  /** Apply a synchronous mutation and persist it atomically; if `mutate` throws, nothing is written. */
  update(mutate: (data: StoreData) => void): Promise<void>;
}
