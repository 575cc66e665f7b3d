// The store file's text as a document, keeping the text of each stored topology as the file holds it. serializeStore
// writes each topology on one line of the "topologies" block; a seal (seal.ts) is the hash of that text, so the open
// can check it on the file's own text instead of serializing megabytes again (issue #16, item 6: the bot's start).
// Only what serializeStore writes is read this way, and only when the result is the document JSON.parse gives:
// anything else (a hand-edited layout, a second "topologies" key) is JSON.parse'd as a whole, with no texts kept.

import { ENTRY_INDENT, TOPOLOGIES_CLOSE, TOPOLOGIES_OPEN } from './serialize.js';

/** A parsed store document, and the text of each stored topology that is one line of the file. */
export interface ParsedStoreText {
  readonly document: unknown;
  /** By topology name; absent names (and names written twice) have no text of their own to trust. */
  readonly entryTexts: ReadonlyMap<string, string>;
}

const HEADER = `\n${TOPOLOGIES_OPEN}\n`;
const CLOSE = `\n${TOPOLOGIES_CLOSE}`;
/** Stands in for the block while the rest is parsed: a value no store document holds, so a second key is seen. */
const PLACEHOLDER = '"\\u0000reachbot: the topologies block"';
const PLACEHOLDER_VALUE = '\u0000reachbot: the topologies block';

/** Parse the store file's text as JSON.parse would, keeping each stored topology's own text where the file has one. */
export function parseStoreText(text: string): ParsedStoreText {
  try {
    const parsed = parseByBlock(text);
    if (parsed) return parsed;
  } catch {
    // Not the layout serializeStore writes after all: the whole parse below decides (and words any error).
  }
  return { document: JSON.parse(text), entryTexts: new Map() };
}

function parseByBlock(text: string): ParsedStoreText | null {
  const header = text.indexOf(HEADER);
  if (header < 0 || text.indexOf(HEADER, header + 1) >= 0) return null;
  const first = header + HEADER.length;
  const close = text.indexOf(CLOSE, first - 1);
  if (close < first - 1) return null;
  const after = close + CLOSE.length;
  // The block ends the object: what follows is a comma or the end of the document.
  if (text[after] !== ',' && text[after] !== '\n') return null;

  const topologies: Record<string, unknown> = {};
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  for (let at = first; at < close; ) {
    const end = text.indexOf('\n', at);
    const lineEnd = end < 0 || end > close ? close : end;
    const line = text.slice(at, lineEnd);
    at = lineEnd + 1;
    if (!line.startsWith(ENTRY_INDENT)) return null;
    const { name, json } = splitEntry(line.slice(ENTRY_INDENT.length), lineEnd === close);
    // As JSON.parse does with a name written twice: the last value, at the place of the first.
    Object.defineProperty(topologies, name, {
      value: JSON.parse(json),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (seen.has(name)) texts.delete(name);
    else texts.set(name, json);
    seen.add(name);
  }

  const document: unknown = JSON.parse(`${text.slice(0, header)}\n  "topologies": ${PLACEHOLDER}${text.slice(after)}`);
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
  const record = document as Record<string, unknown>;
  // A later "topologies" key would have replaced the placeholder: then the block is not what JSON.parse reads.
  if (record.topologies !== PLACEHOLDER_VALUE) return null;
  record.topologies = topologies;
  return { document, entryTexts: texts };
}

/** `"name": {...}` (with a comma unless it is the block's last line) as the name and the value's text. */
function splitEntry(line: string, last: boolean): { name: string; json: string } {
  if (line[0] !== '"') throw new SyntaxError('not an entry line');
  let i = 1;
  while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
  const name: unknown = JSON.parse(line.slice(0, i + 1));
  if (typeof name !== 'string' || line.slice(i + 1, i + 3) !== ': ') throw new SyntaxError('not an entry line');
  const value = line.slice(i + 3);
  const json = last ? value : value.endsWith(',') ? value.slice(0, -1) : null;
  if (json === null) throw new SyntaxError('an entry line without its comma');
  return { name, json };
}
