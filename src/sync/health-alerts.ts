// Sync health in the channels that watch paths on a topology: repeated failures are posted once (not once per
// failure), and the recovery once. Whether the failure was posted is persisted, so a restart does not repeat it.

import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from '../digest/message-budget.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { sync as M } from '../i18n/messages/sync.js';
import type { SyncSchedule } from '../store/data.js';
import type { Store } from '../store/store.js';
import { failureLabel, failureWords } from './failure.js';
import { formatInterval } from './interval.js';
import { describeSyncSource } from './source.js';

/** Failures in a row before the watching channels are told (one failure may be a blip). */
export const FAILURES_BEFORE_POST = 2;

/** The channels with watched paths on `topology`, each once. */
export function watchingChannels(store: Store, topology: string): string[] {
  return [...new Set(store.data.watches.filter((watch) => watch.topology === topology).map((w) => w.channel))];
}

/** A failure's words cut to what a post shows. */
function truncated(words: { message: string; ours: boolean }): { message: string; ours: boolean } {
  return { ...words, message: truncate(words.message, 600) };
}

/** The message that a topology's sync keeps failing. */
export function failureMessage(schedule: SyncSchedule, text: I18n = EN): { text: string; blocks: KnownBlock[] } {
  const failure = schedule.lastFailure;
  const source = describeSyncSource(schedule.source, text);
  const reason = failure
    ? text.t(M['sync.reason'], { label: failureLabel(failure.kind, text), ...truncated(failureWords(failure, text)) })
    : text.t(M['sync.unknown']);
  const since = schedule.lastSuccessAt
    ? text.t(M['sync.sinceSynced'], { time: text.time(new Date(schedule.lastSuccessAt)) })
    : text.t(M['sync.sinceNever']);
  const plain = text.t(M['sync.failureText'], {
    topology: schedule.topology,
    source,
    count: schedule.failures,
    reason,
    since,
  });
  return {
    text: escapeMrkdwn(plain),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:warning: ${text.t(M['sync.failureBlock'], {
            topology: escapeMrkdwn(schedule.topology),
            source: escapeMrkdwn(source),
            count: schedule.failures,
            reason: escapeMrkdwn(reason),
            since,
            interval: formatInterval(schedule.intervalMs, text),
          })}`,
        },
      },
    ],
  };
}

/** The message that a failing sync works again. */
export function recoveryMessage(schedule: SyncSchedule, text: I18n = EN): { text: string; blocks: KnownBlock[] } {
  const source = describeSyncSource(schedule.source, text);
  const plain = text.t(M['sync.recoveryText'], { topology: schedule.topology, source });
  return {
    text: escapeMrkdwn(plain),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: text.t(M['sync.recoveryBlock'], {
            topology: escapeMrkdwn(schedule.topology),
            source: escapeMrkdwn(source),
          }),
        },
      },
    ],
  };
}
