// The shared body of a mention and a DM: a topology file -> import; otherwise the words are a question,
// a follow-up to what this thread established (kept in the store, so it survives restarts), or a command.
import { type Answer, type Conversation, converse } from '../../../commands/converse.js';
import { replyLang } from '../../../commands/language.js';
import { answerKind, type Surface, secondsSince } from '../../../ops/metrics.js';
import { postMessage, reportFailure, type WebClient } from '../../deliver.js';
import { commandContext, type SlackDeps } from '../../deps.js';
import { importSharedFile, topologyFiles } from '../../file-import.js';
import { messageWords } from '../../message-text.js';
import { outcomeMessage } from '../../messages.js';

export interface IncomingMessage {
  readonly user: string;
  readonly channel: string;
  readonly text: string;
  readonly files?: unknown;
  /** Where the reply goes; absent for a top-level DM (answered top-level). */
  readonly replyThreadTs?: string;
  /** The key of the conversation's remembered context in the store's threads section. */
  readonly threadKey: string;
  /** Where it was asked, for the answer metrics. */
  readonly surface: Extract<Surface, 'mention' | 'direct_message'>;
}

/** Answer one message in its conversation. Errors are reported to the user, never thrown. */
export async function answerIncoming(message: IncomingMessage, client: WebClient, deps: SlackDeps): Promise<void> {
  const started = process.hrtime.bigint();
  const target = { channel: message.channel, ...(message.replyThreadTs ? { threadTs: message.replyThreadTs } : {}) };
  // The listeners hand over text as a string (a payload's non-string text is none): these cannot throw.
  const words = messageWords(message.text);
  const context = commandContext(deps, message.user, message.channel);
  try {
    const [file] = topologyFiles(message.files);
    if (file) {
      const reply = await importSharedFile(
        { file, words, userId: message.user, channelId: message.channel, client },
        deps,
      );
      await postMessage(client, target, { text: reply.text }, deps.logger);
      deps.metrics?.answered(message.surface, 'reply', secondsSince(started));
      return;
    }
    const previous: Conversation | undefined = deps.store.data.threads[message.threadKey];
    const outcome = await converse(words, context, deps.registry, previous);
    if (outcome.kind === 'answer') await rememberThread(deps, message.threadKey, outcome.answer);
    await postMessage(client, target, outcomeMessage(outcome, { ephemeral: false }), deps.logger);
    deps.metrics?.answered(message.surface, answerKind(outcome), secondsSince(started));
  } catch (error) {
    deps.metrics?.answered(message.surface, 'failed', secondsSince(started));
    const lang = replyLang(context, words, deps.store.data.threads[message.threadKey]?.lang);
    await reportFailure(client, { ...target, user: message.user }, error, deps.logger, lang);
  }
}

/** Let the thread `key` continue from `answer` ("and port 6379?"), forgetting threads gone quiet. */
export async function rememberThread(deps: SlackDeps, key: string, answer: Answer): Promise<void> {
  const now = deps.now();
  await deps.store.update((data) => {
    data.threads[key] = {
      topology: answer.topology,
      question: answer.question,
      updatedAt: now.toISOString(),
      lang: answer.lang,
    };
    forgetOldThreads(data.threads, now);
  });
}

/** Threads quiet for this long are forgotten: an incident thread is not revived after a month. */
export const THREAD_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Drop the contexts of threads not updated within THREAD_TTL_MS, so the store does not grow forever. */
export function forgetOldThreads(threads: Record<string, { readonly updatedAt: string }>, now: Date): void {
  for (const [key, context] of Object.entries(threads)) {
    if (now.getTime() - Date.parse(context.updatedAt) > THREAD_TTL_MS) delete threads[key];
  }
}

/** The store key of a thread's context. */
export function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}
