// Running a digest for a channel: check its watches against the current topologies, summarize, and for a
// scheduled slot claim the slot first (so no slot is ever sent twice), post with retries, then move the baseline.
import { EN, type I18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { digest as M } from '../i18n/messages/digest.js';
import type { Store } from '../store/store.js';
import { type DigestSummary, hasChanges, summarize } from './changes.js';
import { channelText } from './channel-lang.js';
import { checkWatchesCooperatively, logBugs, type PathEngine, type WatchOutcome } from './check.js';
import { defaultEngine } from './default-engine.js';
import { type DigestMessage, digestMessage } from './digest-message.js';
import {
  DEFAULT_RETRY,
  describePostError,
  type Poster,
  pacedPoster,
  postWithRetry,
  type RetryPolicy,
  realSleep,
  type Sleep,
} from './poster.js';
import { formatInZone } from './schedule-spec.js';
import { recordVerdicts, watchesOf } from './watches.js';

/** The logging digests need; a pino logger fits. */
export interface DigestLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Logs nowhere: the default when no logger is given. */
export const silentLogger: DigestLogger = { info() {}, warn() {}, error() {} };

/** Everything a digest run touches, injectable for tests. */
export interface DigestDeps {
  readonly store: Store;
  readonly poster: Poster;
  readonly engine?: PathEngine;
  readonly now?: () => Date;
  readonly sleep?: Sleep;
  readonly retry?: RetryPolicy;
  readonly logger?: DigestLogger;
  /** The workspace default language (REACHBOT_LANG) for channels that set none; English when absent. */
  readonly defaultLang?: Lang;
}

export interface ComputedDigest {
  readonly outcomes: readonly WatchOutcome[];
  readonly summary: DigestSummary;
  readonly message: DigestMessage;
}

/**
 * Check the channel's watches now and build the digest message (nothing is stored or sent). The check yields to
 * the event loop as it goes: the process keeps answering while a large digest is computed.
 */
export async function computeDigest(
  store: Store,
  channel: string,
  options: {
    engine?: PathEngine;
    title: string;
    /** Fixed, or told the summary (a preview's footer depends on whether anything changed). */
    footer: string | ((summary: DigestSummary) => string);
    sliceMs?: number;
    /** The channel's language (the digest's texts and the diagnoses' fixes and reasons); English by default. */
    text?: I18n;
  },
): Promise<ComputedDigest> {
  const text = options.text ?? EN;
  const outcomes = await checkChannelWatches(store, channel, { ...options, text });
  const summary = summarize(outcomes);
  const footer = typeof options.footer === 'string' ? options.footer : options.footer(summary);
  return { outcomes, summary, message: digestMessage(summary, { title: options.title, footer }, text) };
}

/**
 * Check the channel's watches against the topologies as they are now (a topology replaced during the check does not
 * mix two versions in one result), yielding to the event loop as it goes.
 */
export function checkChannelWatches(
  store: Store,
  channel: string,
  options: { engine?: PathEngine; sliceMs?: number; text?: I18n; signal?: AbortSignal } = {},
): Promise<WatchOutcome[]> {
  const watches = watchesOf(store.data, channel);
  const topologies = new Map(watches.map((w) => [w.topology, store.data.topologies[w.topology]?.topology]));
  return checkWatchesCooperatively(watches, (name) => topologies.get(name), options.engine ?? defaultEngine, {
    ...(options.sliceMs === undefined ? {} : { sliceMs: options.sliceMs }),
    ...(options.text ? { text: options.text } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export type DigestRunStatus =
  /** Posted. */
  | 'sent'
  /** on-change mode and nothing changed: nothing posted. */
  | 'quiet'
  /** The channel has no watches: nothing to say. */
  | 'empty'
  /** The slot was already claimed (sent, skipped, or being sent): a duplicate prevented. */
  | 'duplicate'
  /** The schedule was removed meanwhile. */
  | 'no-schedule'
  /** Posting failed after the retries; logged; the slot stays claimed. */
  | 'failed';

/**
 * Claim `slot` for the channel: record it as `lastRunAt` unless that slot (or a later one) already is. The check and
 * the write happen in one synchronous store mutation, so two runners for the same slot cannot both win.
 */
export async function claimSlot(store: Store, channel: string, slot: Date): Promise<boolean> {
  let claimed = false;
  await store.update((data) => {
    const schedule = data.schedules[channel];
    if (!schedule) return;
    if (schedule.lastRunAt && Date.parse(schedule.lastRunAt) >= slot.getTime()) return;
    data.schedules[channel] = { ...schedule, lastRunAt: slot.toISOString() };
    claimed = true;
  });
  return claimed;
}

/**
 * Run the digest of `channel` for the scheduled `slot`. At most once per slot: the slot is claimed (persisted)
 * before anything is sent; a crash after the claim loses that one digest rather than ever doubling it.
 */
export async function runScheduledDigest(deps: DigestDeps, channel: string, slot: Date): Promise<DigestRunStatus> {
  const logger = deps.logger ?? silentLogger;
  const schedule = deps.store.data.schedules[channel];
  if (!schedule) return 'no-schedule';
  if (!(await claimSlot(deps.store, channel, slot))) {
    logger.info({ channel, slot: slot.toISOString() }, 'digest slot already claimed; not sending it again');
    return 'duplicate';
  }
  logger.info({ channel, slot: slot.toISOString() }, 'digest slot claimed');
  const now = deps.now?.() ?? new Date();
  const text = channelText(deps.store.data, channel, deps.defaultLang);
  const digest = await computeDigest(deps.store, channel, {
    ...(deps.engine ? { engine: deps.engine } : {}),
    title: text.t(M['digest.title']),
    footer: text.t(M['digest.footerScheduled'], {
      at: formatInZone(now, schedule.timezone, text.lang),
      spec: schedule.spec,
      onChange: schedule.mode === 'on-change',
    }),
    text,
  });
  logBugs(digest.outcomes, logger);
  if (digest.summary.total === 0) return 'empty';
  if (schedule.mode === 'on-change' && !hasChanges(digest.summary)) {
    logger.info({ channel, slot: slot.toISOString() }, 'on-change digest: nothing changed, nothing posted');
    return 'quiet';
  }
  const sent = await deliver(deps, { channel, ...digest.message }, 'digest');
  if (!sent) return 'failed';
  // The baseline moves only once the channel has seen the digest: a failed post carries its news to the next one.
  await recordVerdicts(deps.store, digest.outcomes, now);
  logger.info(
    { channel, slot: slot.toISOString(), watches: digest.summary.total, blocks: digest.message.blocks.length },
    'digest posted',
  );
  return 'sent';
}

/** Post through the per-channel pace with retries; log and return false when it finally fails. */
export async function deliver(
  deps: Pick<DigestDeps, 'poster' | 'sleep' | 'retry' | 'logger'>,
  message: Parameters<Poster['postMessage']>[0],
  what: string,
): Promise<boolean> {
  const logger = deps.logger ?? silentLogger;
  const sleep = deps.sleep ?? realSleep;
  const poster = pacedPoster(deps.poster, { sleep });
  try {
    await postWithRetry(poster, message, deps.retry ?? DEFAULT_RETRY, sleep, (attempt, error, delayMs) =>
      logger.warn(
        { channel: message.channel, attempt, delayMs, error: describePostError(error) },
        `posting the ${what} failed; retrying`,
      ),
    );
    return true;
  } catch (error) {
    logger.error(
      { channel: message.channel, error: describePostError(error) },
      `posting the ${what} failed; giving up on this one`,
    );
    return false;
  }
}
