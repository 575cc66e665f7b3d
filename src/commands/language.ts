// Which language a reply is written in, from who asks, where, and what they wrote; and `lang zh|en|auto`,
// the per-user setting. Precedence: the user's explicit language, then the thread's (its first question's),
// then, for a user on `auto`, the question's script; then the workspace default (REACHBOT_LANG); then the script.

import { i18n } from '../i18n/i18n.js';
import { detectLang, type Lang, langSettingSchema } from '../i18n/lang.js';
import { slack } from '../i18n/messages/slack.js';
import type { CommandContext, Reply, Subcommand } from './subcommand.js';

/** The language to answer `text` in, for this user, in a conversation that may already have one. */
export function replyLang(context: CommandContext, text: string, threadLang?: Lang): Lang {
  const setting = context.store.data.languages?.[context.userId];
  if (setting === 'zh' || setting === 'en') return setting;
  if (threadLang) return threadLang;
  const hasWords = text.trim() !== '';
  if (setting === 'auto' && hasWords) return detectLang(text);
  if (context.defaultLang) return context.defaultLang;
  return hasWords ? detectLang(text) : 'en';
}

/** `lang zh|en|auto`: set (or, alone, show) the asking user's answer language; stored, so it survives restarts. */
export const langSubcommand: Subcommand = {
  name: 'lang',
  usage: 'lang zh|en|auto',
  summary: 'the language I answer you in: zh (Chinese), en (English) or auto (the language of each question)',
  async run(args, context): Promise<Reply> {
    const value = args.trim().toLowerCase();
    const current = context.store.data.languages?.[context.userId] ?? 'auto';
    if (value === '') return { text: i18n(replyLang(context, '')).t(slack['lang.current'], { setting: current }) };
    const parsed = langSettingSchema.safeParse(value);
    if (!parsed.success)
      return { text: i18n(replyLang(context, args)).t(slack['lang.invalid'], { value: args.trim().slice(0, 40) }) };
    const setting = parsed.data;
    await context.store.update((data) => {
      data.languages ??= {};
      if (setting === 'auto') delete data.languages[context.userId];
      else data.languages[context.userId] = setting;
    });
    // Confirmed in the language just chosen (auto: the workspace default, else English).
    const confirmIn: Lang = setting === 'auto' ? (context.defaultLang ?? 'en') : setting;
    return { text: i18n(confirmIn).t(slack['lang.set'], { setting }) };
  },
};
