// The language a channel is told things in (digests, change alerts, sync notices, the watch/digest replies):
// its own setting (`digest lang zh`), else the workspace default. Kept in the store's `channelLangs` section.
import { type I18n, i18n } from '../i18n/i18n.js';
import { type Lang, langSettingSchema } from '../i18n/lang.js';
import type { StoreData } from '../store/data.js';
import type { Store } from '../store/store.js';

/** The channel's language: its setting, else `fallback` (the workspace default, REACHBOT_LANG). */
export function channelLang(data: Readonly<StoreData>, channel: string, fallback: Lang = 'en'): Lang {
  // Older documents read by a lenient store may lack the section.
  return data.channelLangs?.[channel] ?? fallback;
}

/** The I18n a channel's messages are written with. */
export function channelText(data: Readonly<StoreData>, channel: string, fallback: Lang = 'en'): I18n {
  return i18n(channelLang(data, channel, fallback));
}

/** Other spellings `digest lang …` accepts, lower case. */
const LANG_ALIASES: ReadonlyMap<string, string> = new Map([
  ['zh-cn', 'zh'],
  ['cn', 'zh'],
  ['中文', 'zh'],
  ['chinese', 'zh'],
  ['english', 'en'],
  ['英文', 'en'],
  ['default', 'auto'],
]);

/** What `digest lang …` accepts: a language, or `auto` (follow the workspace default); undefined when unreadable. */
export function parseLangSetting(typed: string): Lang | 'auto' | undefined {
  const word = typed.trim().toLowerCase();
  const parsed = langSettingSchema.safeParse(LANG_ALIASES.get(word) ?? word);
  return parsed.success ? parsed.data : undefined;
}

/** Store the channel's language; `auto` removes the setting so the workspace default applies. */
export async function setChannelLang(store: Store, channel: string, setting: Lang | 'auto'): Promise<void> {
  await store.update((data) => {
    const langs = { ...(data.channelLangs ?? {}) };
    if (setting === 'auto') delete langs[channel];
    else langs[channel] = setting;
    data.channelLangs = langs;
  });
}
