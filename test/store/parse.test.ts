// The store file's text is parsed by its topologies block (each stored topology one line, as serializeStore writes
// it), so that a seal is checked on the file's own text. Held to JSON.parse: the same document for any store
// serializeStore writes and for any edit of one, each kept text being exactly its entry's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/store/data.js';
import { parseStoreText } from '../../src/store/parse.js';
import { serializeStore } from '../../src/store/serialize.js';

/** Names a topology may have in a file, hand-written ones included: keys JSON.parse treats specially, escapes. */
const name = fc.oneof(
  fc.constantFrom('prod', '__proto__', 'constructor', '0', '12', 'a"b', 'back\\slash', '生产', 'tab\there', ''),
  fc.string({ maxLength: 8 }),
);

const entry = fc.dictionary(
  fc.string({ maxLength: 6 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => v ?? null),
  { maxKeys: 4 },
);

/** A store document as serializeStore writes it (the sections it does not look into are kept as they are). */
const storeText = fc
  .record({
    topologies: fc.array(fc.tuple(name, entry), { maxLength: 4 }),
    audit: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
  })
  .map(({ topologies, audit }) => {
    const byName: Record<string, unknown> = {};
    for (const [key, value] of topologies)
      Object.defineProperty(byName, key, { value, enumerable: true, writable: true, configurable: true });
    return serializeStore({ schemaVersion: 1, audit, topologies: byName } as unknown as StoreData);
  });

/** The outcome of a parse, comparable: the document as text (key order and `__proto__` keys included), or a throw. */
function outcome(parse: () => unknown): string {
  try {
    return `ok ${JSON.stringify(parse())}`;
  } catch {
    return 'throws';
  }
}

function expectSameAsJsonParse(text: string) {
  expect(outcome(() => parseStoreText(text).document)).toBe(outcome(() => JSON.parse(text)));
  let parsed: ReturnType<typeof parseStoreText>;
  try {
    parsed = parseStoreText(text);
  } catch {
    return;
  }
  // Each kept text is the one its entry was parsed from (a seal over it vouches for that entry).
  const topologies = (parsed.document as { topologies?: Record<string, unknown> }).topologies ?? {};
  for (const [key, json] of parsed.entryTexts)
    expect(JSON.stringify(JSON.parse(json))).toBe(JSON.stringify(topologies[key]));
}

describe('parseStoreText', () => {
  it('reads what serializeStore writes as JSON.parse does, keeping each topology’s own text (property)', () => {
    fc.assert(
      fc.property(storeText, (text) => {
        expectSameAsJsonParse(text);
        const { document, entryTexts } = parseStoreText(text);
        // Every topology written once has its text kept, exactly as JSON.stringify wrote it (what its seal hashes):
        // the seal check never serializes those again.
        const topologies = (document as { topologies: Record<string, unknown> }).topologies;
        const once = Object.keys(topologies).filter((key) => text.split(`\n    ${JSON.stringify(key)}: `).length === 2);
        for (const key of once) expect(entryTexts.get(key)).toBe(JSON.stringify(topologies[key]));
      }),
      { numRuns: 300 },
    );
  });

  it('reads any edit of such a file as JSON.parse does, or throws where it throws (property)', () => {
    const edit = fc.oneof(
      // A character removed or put in, anywhere.
      fc.tuple(fc.nat(), fc.constantFrom('', ',', '"', '}', '\n', ' ', 'x')).map(
        ([at, put]) =>
          (text: string) =>
            text.slice(0, at % (text.length + 1)) + put + text.slice((at % (text.length + 1)) + (put ? 0 : 1)),
      ),
      // A line written twice.
      fc.nat().map((at) => (text: string) => {
        const lines = text.split('\n');
        const i = at % lines.length;
        return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
      }),
      // A second "topologies" key after the first.
      fc.constant((text: string) => text.replace(/\n}\n$/, ',\n  "topologies": {}\n}\n')),
    );
    fc.assert(
      fc.property(storeText, edit, (text, change) => {
        expectSameAsJsonParse(change(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps no text for a name written twice, and none when the layout is not serializeStore’s', () => {
    const twice = '{\n  "schemaVersion": 1,\n  "topologies": {\n    "a": {"x":1},\n    "a": {"x":2}\n  }\n}\n';
    expect(parseStoreText(twice).entryTexts.has('a')).toBe(false);
    expect(parseStoreText(twice).document).toEqual(JSON.parse(twice));
    const compact = JSON.stringify({ schemaVersion: 1, topologies: { a: { x: 1 } } });
    expect(parseStoreText(compact).entryTexts.size).toBe(0);
  });
});
