// The in-process digest scheduler: one croner job per channel schedule in the store (croner computes the next
// run in the schedule's IANA zone, DST included), kept in step with the store as schedules are set or removed,
// plus the start-up pass that sends a digest missed while the bot was down, once, if it is recent enough, and the
// check ahead that has the watched paths checked before the first digest after a start.

import { Cron } from 'croner';
import type { Lang } from '../i18n/lang.js';
import type { DigestSchedule } from '../store/data.js';
import type { Store } from '../store/store.js';
import { channelText } from './channel-lang.js';
import type { PathEngine } from './check.js';
import type { Poster, RetryPolicy, Sleep } from './poster.js';
import {
  checkChannelWatches,
  claimSlot,
  type DigestLogger,
  type DigestRunStatus,
  runScheduledDigest,
  silentLogger,
} from './run.js';
import { onSchedulesChanged } from './schedule-events.js';
import { latestSlotAtOrBefore } from './schedule-spec.js';

/** A digest missed by more than this at start-up is skipped, not sent late (6 hours). */
export const DEFAULT_GRACE_MS = 6 * 60 * 60 * 1000;

export interface DigestSchedulerOptions {
  readonly store: Store;
  readonly poster: Poster;
  /** Must agree with the timers (vitest fake timers move both); defaults to the system clock. */
  readonly clock?: () => Date;
  readonly logger?: DigestLogger;
  /** How late a missed digest may still be sent at start-up. */
  readonly graceMs?: number;
  readonly engine?: PathEngine;
  readonly sleep?: Sleep;
  readonly retry?: RetryPolicy;
  /** Told how each run ended ('error': it threw), for the metrics. */
  readonly onRun?: (status: DigestRunStatus | 'error') => void;
  /** The workspace default language for channels without `digest lang`; English when absent. */
  readonly defaultLang?: Lang;
}

export interface DigestScheduler {
  /** Stop every job; runs in flight finish. */
  stop(): void;
  /** Send, once, each channel's latest missed digest if it is within the grace window; skip older ones. */
  runMissed(): Promise<void>;
  /**
   * Check every watched path now, channel by channel (scheduled channels first, each in its language), in the
   * background (yielding to the event loop), so that the first digest after a start finds the outcomes cached, as the
   * first one after a sync does (the change alerts check them). Resolves with the number of paths checked; `stop()`
   * ends it early.
   */
  checkAhead(): Promise<number>;
  /** Re-read the schedules from the store (done automatically when a digest subcommand changes one). */
  reconcile(): void;
  /** The channel's next scheduled run, if it has a schedule. */
  nextRun(channel: string): Date | undefined;
  /** Settles when every run started so far has finished (for orderly shutdown and tests). */
  idle(): Promise<void>;
}

/** Start one job per stored schedule; the caller calls `runMissed()` once the bot can post. */
export function startDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { store } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const jobs = new Map<string, { key: string; job: Cron }>();
  const inFlight = new Set<Promise<unknown>>();
  // Aborted by stop(): no job is scheduled again, and a check ahead ends at its next slice (it is only worth
  // finishing for a process that will go on answering).
  const stopping = new AbortController();

  const deps = {
    store,
    poster: options.poster,
    now: clock,
    logger,
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.defaultLang ? { defaultLang: options.defaultLang } : {}),
  };

  const track = <T>(run: Promise<T>): Promise<T> => {
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run)).catch(() => undefined);
    return run;
  };

  const run = (channel: string, slot: Date): Promise<DigestRunStatus | 'error'> =>
    track(
      runScheduledDigest(deps, channel, slot)
        .catch((error: unknown) => {
          // A bug or a store failure must not kill the job: log it, and the next slot still runs.
          logger.error(
            { channel, slot: slot.toISOString(), error: error instanceof Error ? error.message : String(error) },
            'digest run failed',
          );
          return 'error' as const;
        })
        .then((status) => {
          options.onRun?.(status);
          return status;
        }),
    );

  const keyOf = (schedule: DigestSchedule) => `${schedule.cron}\u0000${schedule.timezone}`;

  const reconcile = () => {
    if (stopping.signal.aborted) return;
    const schedules = store.data.schedules;
    for (const [channel, entry] of jobs) {
      const schedule = schedules[channel];
      if (!schedule || keyOf(schedule) !== entry.key) {
        entry.job.stop();
        jobs.delete(channel);
      }
    }
    for (const [channel, schedule] of Object.entries(schedules)) {
      if (jobs.has(channel)) continue;
      try {
        const job = new Cron(schedule.cron, { mode: '5-or-6-parts', timezone: schedule.timezone }, (self: Cron) => {
          // The slot is the time croner scheduled this run for, not when the timer happened to fire.
          const slot = self.currentRun() ?? clock();
          void run(channel, slot);
        });
        jobs.set(channel, { key: keyOf(schedule), job });
      } catch (error) {
        logger.error(
          { channel, cron: schedule.cron, timezone: schedule.timezone, error: String(error) },
          'digest schedule cannot be run; skipped',
        );
      }
    }
  };

  const unsubscribe = onSchedulesChanged(store, reconcile);
  reconcile();

  return {
    stop() {
      stopping.abort();
      unsubscribe();
      for (const entry of jobs.values()) entry.job.stop();
      jobs.clear();
    },
    async runMissed() {
      const now = clock();
      const runs: Promise<unknown>[] = [];
      for (const [channel, schedule] of Object.entries(store.data.schedules)) {
        let slot: Date | undefined;
        try {
          slot = latestSlotAtOrBefore(schedule.cron, schedule.timezone, now);
        } catch (error) {
          // A cron or zone croner refuses (a hand edit): reconcile() logged it and runs no job; the other channels'
          // missed digests still go out.
          logger.error(
            { channel, cron: schedule.cron, timezone: schedule.timezone, error: String(error) },
            'digest schedule cannot be run; its missed digest skipped',
          );
          continue;
        }
        if (!slot) continue;
        if (schedule.lastRunAt && Date.parse(schedule.lastRunAt) >= slot.getTime()) continue;
        const late = now.getTime() - slot.getTime();
        if (late <= graceMs) {
          logger.info({ channel, slot: slot.toISOString(), lateMs: late }, 'sending a digest missed while down');
          runs.push(run(channel, slot));
        } else {
          // Too stale to be useful: record the slot as deliberately skipped so it is never sent later either.
          logger.warn(
            { channel, slot: slot.toISOString(), lateMs: late },
            'missed digest is past the grace window; skipped',
          );
          await claimSlot(store, channel, slot);
        }
      }
      await Promise.all(runs);
    },
    checkAhead() {
      return track(
        (async () => {
          let checked = 0;
          // Scheduled channels first, whose digests fall due; then the rest, whose digests are asked for (`digest now`).
          const channels = new Set([
            ...Object.keys(store.data.schedules),
            ...store.data.watches.map((watch) => watch.channel),
          ]);
          for (const channel of channels) {
            if (stopping.signal.aborted) break;
            const outcomes = await checkChannelWatches(store, channel, {
              ...(options.engine ? { engine: options.engine } : {}),
              text: channelText(store.data, channel, options.defaultLang),
              signal: stopping.signal,
            });
            checked += outcomes.length;
          }
          return checked;
        })(),
      );
    },
    reconcile,
    nextRun(channel) {
      return jobs.get(channel)?.job.nextRun() ?? undefined;
    },
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
