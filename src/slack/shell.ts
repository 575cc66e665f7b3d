// The local chat shell (like Hubot's shell adapter): type what you would type in Slack and get the same
// answer, rendered for a terminal. It keeps one conversation, so follow-ups work as in a thread, and it
// ends cleanly at EOF, so `echo "can pod in prod reach 192.168.10.52?" | npm start` prints an answer.

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type Conversation, converse, type Outcome } from '../commands/converse.js';
import type { SubcommandRegistry } from '../commands/registry.js';
import type { CommandContext } from '../commands/subcommand.js';
import { i18n } from '../i18n/i18n.js';
import { slack } from '../i18n/messages/slack.js';
import { unescapeMrkdwn } from '../render/mrkdwn.js';
import { renderTerminal } from '../render/terminal.js';
import type { Store } from '../store/store.js';

export interface ShellOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly store: Store;
  readonly registry: SubcommandRegistry;
  /** Who is typing (written to the audit log); the local operator owns the store, so is an admin. */
  readonly user: string;
  readonly now?: () => Date;
  /** Show a prompt and colors (an interactive terminal). */
  readonly interactive?: boolean;
  /** Commands answered before reading input, so a new user first sees what they can ask about. */
  readonly greeting?: readonly string[];
  /** Where the greeting goes (default: output); stderr keeps piped answers clean. */
  readonly greetingOutput?: Writable;
}

const PROMPT = 'reachbot> ';

/** Run the shell until EOF or `exit`; resolves when it has ended. */
export async function runShell(options: ShellOptions): Promise<void> {
  const { input, output, store, registry } = options;
  const interactive = options.interactive ?? false;
  const context: CommandContext = {
    store,
    userId: options.user,
    channelId: 'shell',
    isAdmin: true,
    now: options.now ?? (() => new Date()),
  };
  const lines = createInterface({ input, ...(interactive ? { output, prompt: PROMPT } : {}), terminal: interactive });
  let previous: Conversation | undefined;
  for (const command of options.greeting ?? []) {
    (options.greetingOutput ?? output).write(renderOutcome(await converse(command, context, registry), interactive));
  }
  if (interactive) lines.prompt();
  // `topology import NAME` alone starts a paste: the lines that follow, up to a blank line (or EOF), are the YAML.
  let paste: string[] | undefined;
  const answerText = async (text: string): Promise<void> => {
    try {
      const outcome = await converse(text, context, registry, previous);
      if (outcome.kind === 'answer')
        previous = { topology: outcome.answer.topology, question: outcome.answer.question };
      output.write(renderOutcome(outcome, interactive));
    } catch (error) {
      output.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  };
  for await (const line of lines) {
    if (paste !== undefined) {
      if (line.trim() !== '') {
        paste.push(line);
        continue;
      }
      const [head = '', ...yaml] = paste;
      paste = undefined;
      await answerText(`${head}\n${yaml.join('\n')}`);
      if (interactive) lines.prompt();
      continue;
    }
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    if (/^topology\s+import\s+\S+$/i.test(text)) {
      paste = [text];
      if (interactive) output.write('(paste the YAML, then an empty line)\n');
      continue;
    }
    if (text) await answerText(text);
    if (interactive) lines.prompt();
  }
  if (paste !== undefined) {
    const [head = '', ...yaml] = paste;
    await answerText(`${head}\n${yaml.join('\n')}`);
  }
  lines.close();
}

/** An outcome as terminal text: the same content the Slack message carries. */
export function renderOutcome(outcome: Outcome, color = false): string {
  switch (outcome.kind) {
    case 'answer': {
      const { answer } = outcome;
      return renderTerminal(answer.result, {
        color,
        text: i18n(answer.lang),
        format: answer.format ?? 'hcloud',
        provenance: answer.freshness,
        ...(answer.fixesOnly ? { fixesOnly: true } : {}),
      });
    }
    case 'error': {
      const text = i18n(outcome.lang);
      const tries = outcome.suggestions.slice(0, 10).map((s) => `  ${text.t(slack['shell.try'], { form: s })}`);
      return `${[`⚠ ${outcome.message}`, ...tries].join('\n')}\n`;
    }
    case 'reply': {
      const { reply } = outcome;
      const text = plainText(reply.text);
      const content = reply.attachment?.content;
      // In a terminal there is no file upload: print the content in full, and the text only where the content
      // does not already hold it (a reverse answer's details file begins with its summary).
      const body =
        content === undefined || reply.text.includes(content)
          ? text
          : content.startsWith(reply.text)
            ? content
            : `${text}\n${content}`;
      return body.endsWith('\n') ? body : `${body}\n`;
    }
  }
}

const EMOJI: Record<string, string> = {
  ':white_check_mark:': '✔',
  ':x:': '✘',
  ':warning:': '⚠',
  ':no_entry:': '⛔',
  ':wastebasket:': '🗑',
};

/** Slack mrkdwn -> terminal text: bold markers and emoji codes become plain characters. */
export function plainText(mrkdwn: string): string {
  return unescapeMrkdwn(
    mrkdwn
      .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code)
      // Bold is *text* with no space inside the markers, so a cron spec (`30 8 * * 1-5`) keeps its stars.
      .replace(/(^|[\s(])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?=[\s.,:;)]|$)/gm, '$1$2')
      .replace(/(^|\s)_([^_\n]+)_(?=[\s.,:;)]|$)/gm, '$1$2')
      // Inline code around a single name reads better bare; code blocks (```) keep their fences.
      .replace(/(^|[^`])`([^`\n]+)`(?!`)/g, '$1$2'),
  );
}
