// `help`: the question forms with examples, then every subcommand with its usage.
import { EN, type I18n, i18n } from '../i18n/i18n.js';
import { SUBCOMMAND_SUMMARIES_ZH, slack } from '../i18n/messages/slack.js';
import type { Reply, Subcommand } from './subcommand.js';

/** The question forms people can type, as examples that work on the sample topology. */
export const QUESTION_EXAMPLES = [
  'prod 192.168.10.52 tcp/3306',
  'can pod in prod reach 192.168.10.52?',
  'can prod reach 192.168.10.52:3306',
  'prod -> db1 tcp/3306',
  'can payments/api in prod reach redis-main on 6379?',
  "why can't prod ping 10.1.1.20",
  'prod 的容器能访问 192.168.10.52:3306 吗',
] as const;

/** Reverse questions: every source or every destination at once. */
export const REVERSE_EXAMPLES = [
  'who can reach db1:3306?',
  'which clusters can reach redis-main?',
  'what can pods in prod reach?',
] as const;

/** What-if sentences that work in a thread after an answer. */
export const WHATIF_EXAMPLES = ['what if I remove rule #1 of sg-db1', 'what if I apply the fixes'] as const;

/** Follow-ups that work in a thread after an answer. */
export const FOLLOW_UP_EXAMPLES = ['and port 6379?', 'what about from staging?', 'show it as terraform'] as const;

/** A subcommand's one-line summary in a language (Chinese from the catalog, English its own). */
function summaryOf(sub: Subcommand, text: I18n): string {
  return text.lang === 'zh' ? (SUBCOMMAND_SUMMARIES_ZH[sub.name] ?? sub.summary) : sub.summary;
}

/** The help reply for a list of subcommands, in a language (default English). */
export function helpReply(subcommands: readonly Subcommand[], text: I18n = EN): Reply {
  const forms = (list: readonly string[]) => list.map((f) => `\`${f}\``).join(' · ');
  const colon = text.lang === 'zh' ? '：' : ': ';
  const commands = subcommands
    .filter((sub) => sub.name !== 'help')
    .map((sub) => `• \`${sub.usage}\`${colon}${summaryOf(sub, text)}${sub.admin ? text.t(slack['help.admins']) : ''}`);
  // The asker's language first among the examples: Chinese forms lead a Chinese help.
  const examples =
    text.lang === 'zh'
      ? [...QUESTION_EXAMPLES].sort((a, b) => Number(/[\u4e00-\u9fff]/.test(b)) - Number(/[\u4e00-\u9fff]/.test(a)))
      : QUESTION_EXAMPLES;
  const reply = [
    text.t(slack['help.ask']),
    ...examples.map((example) => `• \`${example}\``),
    text.t(slack['help.no-port']),
    text.t(slack['help.reverse'], { forms: forms(REVERSE_EXAMPLES) }),
    '',
    text.t(slack['help.thread'], { forms: forms(FOLLOW_UP_EXAMPLES) }),
    text.t(slack['help.whatif'], { forms: forms(WHATIF_EXAMPLES) }),
    text.t(slack['help.language']),
    '',
    text.t(slack['help.commands']),
    ...commands,
    text.t(slack['help.this-list']),
  ].join('\n');
  return { text: reply };
}

/** The `help` subcommand; `list` is read when it runs, so it sees subcommands registered after it. */
export function helpSubcommand(list: () => readonly Subcommand[]): Subcommand {
  return {
    name: 'help',
    usage: 'help',
    summary: 'the question forms and every command',
    run: async (_args, context) => helpReply(list(), i18n(context.lang ?? 'en')),
  };
}
