// Messages that are not questions nor subcommands but still deserve an answer: thanks, "why?", questions the
// bot recognises but cannot answer yet, a misspelled subcommand, Chinese command words. Pure: text in, words out.

import { distance } from 'fastest-levenshtein';
import { EN, type I18n } from '../i18n/i18n.js';
import { slack } from '../i18n/messages/slack.js';
import { closestNames } from '../names/closest.js';

/** Chinese command words, mapped to the subcommand they name. */
const CHINESE_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['帮助', 'help'],
  ['集群', 'clusters'],
  ['拓扑', 'topology'],
  ['拓扑列表', 'topologies'],
  ['关注', 'watch'],
  ['取消关注', 'unwatch'],
  ['关注列表', 'watches'],
  ['摘要', 'digest'],
]);

/** `帮助` -> `help`: the subcommand a Chinese first word names, if any. */
export function chineseCommand(word: string): string | undefined {
  return CHINESE_COMMANDS.get(word);
}

const THANKS =
  /^(thanks?( you)?|thx|ty|cheers|great|nice|ok(ay)?|cool|got it|谢谢(你)?|多谢|好的|明白了?)[\s!.。！~]*$/i;
const WHY = /^(why|why\s+not|how\s+come|为什么|为啥)[\s?？!]*$/i;

/** A short reply to thanks and acknowledgements, or undefined. */
export function thanksReply(text: string, language: I18n = EN): string | undefined {
  return THANKS.test(text.trim()) ? language.t(slack['talk.thanks']) : undefined;
}

/** Whether the text asks "why?" about the previous answer. */
export function isWhy(text: string): boolean {
  return WHY.test(text.trim());
}

const WHAT_I_CAN_DO =
  'I answer "can pod in CLUSTER reach ADDRESS?" (for example `can pod in prod reach 192.168.10.52:3306?` or `prod -> db1 tcp/3306`), step by step with the fix; `help` lists the rest.';

/** Questions recognised as such but not answerable yet: say so and what can be asked instead. */
export function unsupportedQuestionReply(text: string): string | undefined {
  const t = text.trim();
  const who = /^(who|what|which\s+\w+)\s+can\s+(reach|access|connect\s+to|talk\s+to)\s+(.+?)[\s?？]*$/i.exec(t);
  if (who)
    return `I can't yet list everything that can reach ${who[3]}. Ask about one source at a time: ${WHAT_I_CAN_DO}`;
  const wrong = /^(what'?s|what\s+is)\s+(wrong|broken)\s+(with|in)\s+(.+?)[\s?？]*$/i.exec(t);
  if (wrong) return `I can't audit all of ${wrong[4]} at once yet. Ask about one path: ${WHAT_I_CAN_DO}`;
  return undefined;
}

/** "did you mean `topology`?" for a first word that is a near miss of a subcommand name. */
export function misspelledSubcommand(word: string, names: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 4 || names.some((name) => name.toLowerCase() === lower)) return undefined;
  const [closest] = closestNames(lower, names, 1);
  if (closest === undefined) return undefined;
  const a = lower;
  const b = closest.toLowerCase();
  // Two edits at most, and the words must share their first letter: "wach" -> "watch", "topolgy" -> "topology".
  return a[0] === b[0] && distance(a, b) <= 2 ? closest : undefined;
}
