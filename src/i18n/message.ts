// One user-facing message: an id (its key in a catalog), typed parameters and its text in every language,
// side by side. A catalog entry without a language does not type-check.
import type { Lang } from './lang.js';

/** A message's texts, one function per language from the same typed parameters. */
export type Message<P = void> = { readonly [L in Lang]: (params: P) => string };

/** A group of messages keyed by id (`whitelist.disabled`). `never` accepts every parameter type. */
export type Catalog = Readonly<Record<string, Message<never>>>;

/** Declare one message; the type parameter names its parameters. */
export function message<P = void>(texts: Message<P>): Message<P> {
  return texts;
}

/** Declare a message without parameters from its two texts. */
export function fixed(en: string, zh: string): Message<void> {
  return { en: () => en, zh: () => zh };
}

/** A message already written in every language: for a value kept (or sent between threads) before its reader is known. */
export type Localized = { readonly [L in Lang]: string };

/** Write a message in every language now; a reader later picks theirs (`I18n.pick`). */
export function localized<P>(message: Message<P>, params: P): Localized {
  return localizedBy(message, () => params);
}

/** The same, with parameters that are themselves worded per language (a nested message, a duration). */
export function localizedBy<P>(message: Message<P>, params: (lang: Lang) => P): Localized {
  return { en: message.en(params('en')), zh: message.zh(params('zh')) };
}
