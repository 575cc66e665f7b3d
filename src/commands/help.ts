// `help`: the question forms with examples, then every subcommand with its usage.
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

/** The help reply for a list of subcommands. */
export function helpReply(subcommands: readonly Subcommand[]): Reply {
  const commands = subcommands
    .filter((sub) => sub.name !== 'help')
    .map((sub) => `• \`${sub.usage}\`: ${sub.summary}${sub.admin ? ' _(admins)_' : ''}`);
  const text = [
    '*Ask whether a pod can reach an address* (`/reach <question>`, `@reachbot <question>`, or a DM):',
    ...QUESTION_EXAMPLES.map((example) => `• \`${example}\``),
    "No port: the destination's declared ports are checked, else ping (ICMP). A port without a protocol means TCP.",
    `*Who can reach it, what can it reach*: ${REVERSE_EXAMPLES.map((f) => `\`${f}\``).join(' · ')}`,
    '',
    `*In the thread of an answer*, leave out what is already known: ${FOLLOW_UP_EXAMPLES.map((f) => `\`${f}\``).join(' · ')}`,
    `…or try a change first (nothing is changed): ${WHATIF_EXAMPLES.map((f) => `\`${f}\``).join(' · ')}`,
    '',
    '*Commands*',
    ...commands,
    '• `help`: this list',
  ].join('\n');
  return { text };
}

/** The `help` subcommand; `list` is read when it runs, so it sees subcommands registered after it. */
export function helpSubcommand(list: () => readonly Subcommand[]): Subcommand {
  return {
    name: 'help',
    usage: 'help',
    summary: 'the question forms and every command',
    run: async () => helpReply(list()),
  };
}
