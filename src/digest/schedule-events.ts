// Telling a running scheduler that a channel's schedule changed: the digest subcommands write the store and
// announce it here, so a new schedule takes effect at once without the Slack layer wiring the two together.
import type { Store } from '../store/store.js';

const listeners = new WeakMap<Store, Set<() => void>>();

/** Call `listener` whenever schedules of `store` change; returns the unsubscribe function. */
export function onSchedulesChanged(store: Store, listener: () => void): () => void {
  let set = listeners.get(store);
  if (!set) {
    set = new Set();
    listeners.set(store, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Announce that schedules of `store` changed. */
export function schedulesChanged(store: Store): void {
  for (const listener of listeners.get(store) ?? []) listener();
}
