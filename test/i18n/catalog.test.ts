// Every message exists in every language, and the Chinese text is Chinese: a missing or copied translation
// fails here (a missing language does not even type-check).
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { LANGS } from '../../src/i18n/lang.js';
import { CATALOGS } from '../../src/i18n/messages/index.js';
import { TERMS } from '../../src/i18n/terms.js';
import { TOPOLOGY_FILE_WORDS } from './topology-words.js';
import { untranslatedWords } from './untranslated.js';

const entries = Object.entries(CATALOGS).flatMap(([area, catalog]) =>
  Object.entries(catalog).map(([id, message]) => ({ area, id, message })),
);

/** Parameters that make any message render: every property read gives a sample string, every list one item. */
function sampleParams(): unknown {
  const sample: unknown = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (key === Symbol.toPrimitive) return () => 'x1';
        if (key === 'length') return 1;
        if (key === Symbol.iterator)
          return function* () {
            yield 'sample-1';
          };
        return 'sample-1';
      },
    },
  );
  return sample;
}

describe('the message catalog', () => {
  it('holds messages', () => {
    expect(entries.length).toBeGreaterThan(10);
  });

  it.each(entries)('$area/$id has a text in every language', ({ message }) => {
    for (const lang of LANGS) expect(typeof message[lang]).toBe('function');
  });

  it('has no id twice across areas', () => {
    const ids = entries.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(entries)('$area/$id is written in Chinese, not copied from English', ({ area, message }) => {
    let zh: string;
    try {
      zh = message.zh(sampleParams() as never);
    } catch {
      // A message that computes on its parameters (counts, lists) cannot render from samples; its area's tests render it.
      return;
    }
    const en = message.en(sampleParams() as never);
    // Sample parameters that do not fit (a verdict, a kind) make no text: its area's tests render it.
    if (typeof en !== 'string' || typeof zh !== 'string' || `${en}${zh}`.includes('undefined')) return;
    // Texts that are only names, symbols or kept words (e.g. "NetworkPolicy") are the same in both languages.
    if (untranslatedWords(en).length === 0) return;
    expect(zh).not.toBe(en);
    // A topology issue quotes the file's own keys and values as written (`nextHop`, `containerCidrs`).
    expect(untranslatedWords(zh, area === 'topologyIssues' ? TOPOLOGY_FILE_WORDS : [])).toEqual([]);
  });
});

describe('the glossary', () => {
  it('gives every term in Chinese', () => {
    for (const [name, t] of Object.entries(TERMS)) {
      expect(t.zh, name).not.toBe('');
      expect(untranslatedWords(t.zh), name).toEqual([]);
    }
  });
});

describe('formatting for the locale', () => {
  it('groups numbers, joins lists and words durations per language', () => {
    expect(i18n('en').number(12345)).toBe('12,345');
    expect(i18n('zh').list(['a', 'b', 'c'])).toBe('a、b和c');
    expect(i18n('en').list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(i18n('zh').duration(3 * 60_000 + 5_000)).toBe('3分钟');
    expect(i18n('en').duration(2 * 3_600_000)).toBe('2 hours');
    expect(i18n('en').duration(0)).toBe('0 seconds');
    expect(i18n('zh').time(new Date(Date.UTC(2026, 11, 3, 9, 30)))).toBe('2026-12-03 09:30 UTC');
  });
});
