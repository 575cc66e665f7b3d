// The store document as file text. Stored topologies are frozen and shared between versions of the
// document (document.ts), so each one is serialized once and its JSON reused: a small update (an audit
// entry, a delivery claim) then costs a copy of the cached text, not a re-serialization of megabytes.
// Each frozen (validated) entry is written with its seal (seal.ts), so the next open can trust it.
import type { StoreData, StoredTopology } from './data.js';
import { SEALS_KEY, sealOf } from './seal.js';

const cachedJson = new WeakMap<StoredTopology, { json: string; seal: string }>();

function topologyJson(entry: StoredTopology): { json: string; seal?: string } {
  const cached = cachedJson.get(entry);
  if (cached !== undefined) return cached;
  // Frozen entries never change, so the cache can never go stale; unfrozen ones are not cached, nor sealed.
  const json = JSON.stringify(entry);
  if (!Object.isFrozen(entry)) return { json };
  const sealed = { json, seal: sealOf(json) };
  cachedJson.set(entry, sealed);
  return sealed;
}

/** Remember the text a frozen entry was read from (it is what JSON.stringify gives), so its first write is free. */
export function rememberJson(entry: StoredTopology, json: string, seal: string): void {
  if (Object.isFrozen(entry)) cachedJson.set(entry, { json, seal });
}

/** The layout of the topologies block, which parse.ts reads back line by line: its opening, each line's indent, its close. */
export const TOPOLOGIES_OPEN = '  "topologies": {';
export const ENTRY_INDENT = '    ';
export const TOPOLOGIES_CLOSE = '  }';

/** JSON text of a store document: small sections pretty-printed, each stored topology on one line, then the seals. */
export function serializeStore(data: StoreData): string {
  const { topologies, ...rest } = data;
  // No prototype: a topology may be named "__proto__", and its seal must still be an own property.
  const seals: Record<string, string> = Object.create(null);
  const entries = Object.entries(topologies).map(([name, entry]) => {
    const { json, seal } = topologyJson(entry);
    if (seal !== undefined) seals[name] = seal;
    return `${ENTRY_INDENT}${JSON.stringify(name)}: ${json}`;
  });
  const block = entries.length
    ? `${TOPOLOGIES_OPEN}\n${entries.join(',\n')}\n${TOPOLOGIES_CLOSE}`
    : `${TOPOLOGIES_OPEN}}`;
  const sealBlock = Object.keys(seals).length
    ? `,\n  ${JSON.stringify(SEALS_KEY)}: ${JSON.stringify(seals, null, 2).replace(/\n/g, '\n  ')}`
    : '';
  const head = JSON.stringify(rest, null, 2);
  return head === '{}' ? `{\n${block}${sealBlock}\n}\n` : `${head.slice(0, -2)},\n${block}${sealBlock}\n}\n`;
}
