// The store document as file text. Stored topologies are frozen and shared between versions of the
// document (document.ts), so each one is serialized once and its JSON reused: a small update (an audit
// entry, a delivery claim) then costs a copy of the cached text, not a re-serialization of megabytes.
import type { StoreData, StoredTopology } from './data.js';

const cachedJson = new WeakMap<StoredTopology, string>();

function topologyJson(entry: StoredTopology): string {
  const cached = cachedJson.get(entry);
  if (cached !== undefined) return cached;
  // Frozen entries never change, so the cache can never go stale; unfrozen ones are not cached.
  const json = JSON.stringify(entry);
  if (Object.isFrozen(entry)) cachedJson.set(entry, json);
  return json;
}

/** JSON text of a store document: small sections pretty-printed, each stored topology on one line. */
export function serializeStore(data: StoreData): string {
  const { topologies, ...rest } = data;
  const entries = Object.entries(topologies).map(
    ([name, entry]) => `    ${JSON.stringify(name)}: ${topologyJson(entry)}`,
  );
  const block = `  "topologies": {${entries.length ? `\n${entries.join(',\n')}\n  ` : ''}}`;
  const head = JSON.stringify(rest, null, 2);
  return head === '{}' ? `{\n${block}\n}\n` : `${head.slice(0, -2)},\n${block}\n}\n`;
}
