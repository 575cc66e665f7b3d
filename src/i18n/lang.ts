// The languages reachbot answers in, and how one is chosen when nobody said: the question's own script,
// a locale environment variable, or a stored preference ("auto" means "follow the question").
import * as z from 'zod/v4';

/** The languages every user-facing text exists in. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A preference as people set it: a language, or `auto` (answer in the language of the question). */
export const langSettingSchema = z.enum(['en', 'zh', 'auto']);
export type LangSetting = z.infer<typeof langSettingSchema>;

/** The BCP 47 locale `Intl` formats numbers, dates and lists with, per language. */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-US', zh: 'zh-CN' };

// CJK Unified Ideographs (with extension A) and CJK punctuation: one of them makes a text Chinese.
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/u;

/** The language a text is written in: Chinese if it holds any Chinese character, else English. */
export function detectLang(text: string): Lang {
  return CHINESE.test(text) ? 'zh' : 'en';
}

/**
 * The language a POSIX locale names (`zh_CN.UTF-8`, `en_US`), or undefined when it names neither. `C` and
 * `POSIX` (the default of containers and CI machines) express no preference: answers follow the question.
 */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const lower = locale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** The terminal's language from the environment, POSIX order: LC_ALL, then LC_MESSAGES, then LANG. */
export function langOfEnvironment(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  // The first variable that is set decides, even when it names neither language (then: no preference).
  const set = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return langOfLocale(set);
}
