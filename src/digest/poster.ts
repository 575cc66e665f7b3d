// How digests and alerts leave the process: a narrow `Poster` (Slack's chat.postMessage, or printing in the
// local shell), paced to Slack's one message per second per channel, with bounded retries for transient errors.
import type { KnownBlock } from '@slack/types';
import { blocksToText } from './message-budget.js';

/** One message for a channel: `text` is the complete fallback (notifications, screen readers); `blocks` for Slack. */
export interface OutgoingMessage {
  readonly channel: string;
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

/** What digests and alerts need from Slack: `client.chat.postMessage` semantics, nothing more. */
export interface Poster {
  postMessage(message: OutgoingMessage): Promise<unknown>;
}

/** Milliseconds to wait; injected so that tests run on fake time. */
export type Sleep = (ms: number) => Promise<void>;

/** The real sleep; resolved through the global setTimeout so vitest fake timers control it. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slack's chat.postMessage allows about one message per second per channel (Slack API "Rate limits"). */
export const CHANNEL_INTERVAL_MS = 1000;

export interface PacingOptions {
  readonly now?: () => number;
  readonly sleep?: Sleep;
  readonly intervalMs?: number;
}

// One pacer per underlying poster, so digests and change alerts sharing a poster share the per-channel pace.
const pacers = new WeakMap<Poster, Poster>();

/**
 * A poster that sends at most one message per `intervalMs` to each channel, in order; other channels are not held
 * up. Wrapping the same poster twice returns the same pacer.
 */
export function pacedPoster(poster: Poster, options: PacingOptions = {}): Poster {
  const existing = pacers.get(poster);
  if (existing) return existing;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const interval = options.intervalMs ?? CHANNEL_INTERVAL_MS;
  // Per channel: the tail of the queue and when the last message went out.
  const tails = new Map<string, Promise<unknown>>();
  const lastSent = new Map<string, number>();

  const paced: Poster = {
    postMessage(message) {
      const previous = tails.get(message.channel) ?? Promise.resolve();
      const send = previous
        .catch(() => undefined)
        .then(async () => {
          const last = lastSent.get(message.channel);
          const wait = last === undefined ? 0 : last + interval - now();
          if (wait > 0) await sleep(wait);
          try {
            return await poster.postMessage(message);
          } finally {
            lastSent.set(message.channel, now());
          }
        });
      tails.set(message.channel, send);
      // Forget idle channels so the maps stay small in a long-running process.
      void send
        .catch(() => undefined)
        .then(() => {
          if (tails.get(message.channel) === send) tails.delete(message.channel);
        });
      return send;
    },
  };
  pacers.set(poster, paced);
  pacers.set(paced, paced);
  return paced;
}

export interface RetryPolicy {
  /** Attempts after the first. */
  readonly retries: number;
  /** Delay before the first retry; doubled each time. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Three retries after 2 s, 4 s and 8 s: a Slack blip is ridden out, an outage does not hold the scheduler long. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 2000, maxDelayMs: 30_000 };

// Slack errors that the same request will hit again: retrying only delays the log line that says what to fix.
const PERMANENT_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'invalid_arguments',
]);

/** The Slack error code of a Web API failure (`error` of the response), if there is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: unknown }).data;
  if (typeof data === 'object' && data !== null) {
    const code = (data as { error?: unknown }).error;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Whether sending the same message again could succeed (network errors, 5xx, rate limits: yes). */
export function isRetryable(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code === undefined || !PERMANENT_SLACK_ERRORS.has(code);
}

/** Post, retrying transient failures with exponential backoff; throws the last error when retries run out. */
export async function postWithRetry(
  poster: Poster,
  message: OutgoingMessage,
  policy: RetryPolicy = DEFAULT_RETRY,
  sleep: Sleep = realSleep,
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void,
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await poster.postMessage(message);
    } catch (error) {
      if (attempt >= policy.retries || !isRetryable(error)) throw error;
      const delay = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
      onRetry?.(attempt + 1, error, delay);
      await sleep(delay);
    }
  }
}

/** A short description of a posting failure for logs. */
export function describePostError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

/** The slice of @slack/web-api's WebClient a poster needs (typed structurally: digests do not depend on Bolt). */
export interface ChatPostMessageClient {
  readonly chat: { postMessage(args: { channel: string; text: string; blocks?: KnownBlock[] }): Promise<unknown> };
}

/** A Poster over a Slack WebClient: `chat.postMessage` with text fallback and blocks. */
export function webClientPoster(client: ChatPostMessageClient): Poster {
  return {
    postMessage: (message) =>
      client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      }),
  };
}

/** A Poster for the local shell: prints what would be posted, as text. */
export function printingPoster(write: (text: string) => void): Poster {
  return {
    async postMessage(message) {
      write(`[${message.channel}]\n${message.blocks ? blocksToText(message.blocks) : message.text}`);
      return { ok: true };
    },
  };
}
