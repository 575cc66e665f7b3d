// The language an answer is being written in, with the formatting that goes with it: messages, numbers,
// lists, durations and times, all for that locale. Pure: the clock is never read here.
import { once } from '../bounds/remembered.js';
import { type Lang, LOCALES } from './lang.js';
import type { Localized, Message } from './message.js';

/** Everything a renderer needs to write in one language. */
export interface I18n {
  readonly lang: Lang;
  /** The message's text in this language. */
  t(message: Message<void>): string;
  t<P>(message: Message<P>, params: P): string;
  /** A text written earlier in every language, in this one. */
  pick(text: Localized): string;
  /** 1,234 / 1,234 (grouped for the locale). */
  number(value: number): string;
  /** "a, b and c" / "a、b和c". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** "3 minutes" / "3分钟": the largest unit that fits, rounded down. */
  duration(ms: number): string;
  /** "2026-12-03 09:30 UTC": the same unambiguous form in both languages (times in answers are UTC). */
  time(date: Date): string;
}

const cache = new Map<Lang, I18n>();

/** The I18n for a language (shared, stateless). */
export function i18n(lang: Lang): I18n {
  let found = cache.get(lang);
  if (!found) {
    found = create(lang);
    cache.set(lang, found);
  }
  return found;
}

const UNITS = [
  { ms: 86_400_000, unit: 'day' },
  { ms: 3_600_000, unit: 'hour' },
  { ms: 60_000, unit: 'minute' },
  { ms: 1_000, unit: 'second' },
] as const;

/** English: what every caller gets when no language was asked for. */
export const EN: I18n = i18n('en');

function create(lang: Lang): I18n {
  const locale = LOCALES[lang];
  // Built on first use: the seven Intl formatters took about 18 ms at every process start (EN is made at import),
  // and most commands never format a number, a list or a duration.
  const numbers = once(() => new Intl.NumberFormat(locale));
  const lists = {
    conjunction: once(() => new Intl.ListFormat(locale, { type: 'conjunction' })),
    disjunction: once(() => new Intl.ListFormat(locale, { type: 'disjunction' })),
  };
  const units = new Map(
    UNITS.map(({ unit }) => [
      unit,
      once(() => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })),
    ]),
  );
  return {
    lang,
    t<P>(message: Message<P>, params?: P): string {
      return message[lang](params as P);
    },
    pick: (text) => text[lang],
    number: (value) => numbers().format(value),
    list: (items, type = 'conjunction') => lists[type]().format(items),
    duration(ms) {
      const step = UNITS.find((u) => ms >= u.ms) ?? UNITS[3];
      return units.get(step.unit)!().format(Math.floor(Math.max(0, ms) / step.ms));
    },
    time: (date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}

/** What WORDLESS writes for every text: not empty, so that code asking whether there is a text gets the same answer. */
export const WORDLESS_TEXT = '-';

/**
 * An I18n that writes nothing worth reading: every message, number, list and time is WORDLESS_TEXT. For walks whose
 * words nobody reads (the verdicts of thousands of watched paths): the verdict, the steps' checks and statuses and
 * the fixes' kinds do not depend on the words.
 */
export const WORDLESS: I18n = {
  lang: 'en',
  t: () => WORDLESS_TEXT,
  pick: () => WORDLESS_TEXT,
  number: () => WORDLESS_TEXT,
  list: () => WORDLESS_TEXT,
  duration: () => WORDLESS_TEXT,
  time: () => WORDLESS_TEXT,
};
