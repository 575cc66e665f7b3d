// The topology file's own words: its keys and the values its enums and literals accept. A Chinese issue quotes
// them as written ("nextHop", "containerCidrs", "overlay_l2"), since they are what the reader looks for in the file.
import { z } from 'zod';
import { NETWORK_MODEL_ALIASES, topologySchema } from '../../src/topology/schema.js';

/** Every key and enum or literal value of the topology schema, read from its JSON Schema. */
function schemaWords(): Set<string> {
  const words = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const schema = node as Record<string, unknown>;
    if (schema.properties && typeof schema.properties === 'object') {
      for (const key of Object.keys(schema.properties)) words.add(key);
    }
    if (Array.isArray(schema.enum)) for (const value of schema.enum) words.add(String(value));
    if (schema.const !== undefined) words.add(String(schema.const));
    for (const child of Object.values(schema)) walk(child);
  };
  walk(z.toJSONSchema(topologySchema, { io: 'input', unrepresentable: 'any' }));
  return words;
}

/** The words a Chinese topology issue may keep in Latin letters beyond untranslated.ts's own. */
export const TOPOLOGY_FILE_WORDS: readonly string[] = [
  ...schemaWords(),
  // Spellings a transform accepts (not an enum in the schema), and the booleans a key is set to.
  ...NETWORK_MODEL_ALIASES.keys(),
  'true',
  'false',
];

/** Every key and string value of a document, and every word of a text: the file's own words. */
export function wordsOf(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const word of value.split(/[^A-Za-z0-9_-]+/)) if (word) out.add(word);
  } else if (Array.isArray(value)) {
    for (const item of value) wordsOf(item, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.add(key);
      wordsOf(item, out);
    }
  }
  return out;
}
