// Sync health in the channels that watch paths on a topology: repeated failures are posted once (not once per
// failure), and the recovery once. Whether the failure was posted is persisted, so a restart does not repeat it.
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from '../digest/message-budget.js';
import type { SyncSchedule } from '../store/data.js';
import type { Store } from '../store/store.js';
import { FAILURE_LABEL } from './failure.js';
import { formatInterval } from './interval.js';
import { describeSyncSource } from './source.js';

/** Failures in a row before the watching channels are told (one failure may be a blip). */
export const FAILURES_BEFORE_POST = 2;

/** The channels with watched paths on `topology`, each once. */
export function watchingChannels(store: Store, topology: string): string[] {
  return [...new Set(store.data.watches.filter((watch) => watch.topology === topology).map((w) => w.channel))];
}

/** The message that a topology's sync keeps failing. */
export function failureMessage(schedule: SyncSchedule): { text: string; blocks: KnownBlock[] } {
  const failure = schedule.lastFailure;
  const source = describeSyncSource(schedule.source);
  const reason = failure ? `${FAILURE_LABEL[failure.kind]}: ${truncate(failure.message, 600)}` : 'unknown';
  const since = schedule.lastSuccessAt
    ? `answers use it as synced at ${schedule.lastSuccessAt.slice(0, 16).replace('T', ' ')} UTC`
    : 'it has not synced yet';
  const text = `Sync of topology ${schedule.topology} from ${source} has failed ${schedule.failures} times in a row (${reason}); ${since}. Retrying with backoff; recovery will be posted here once.`;
  return {
    text: escapeMrkdwn(text),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:warning: *Sync of topology \`${escapeMrkdwn(schedule.topology)}\` is failing* (${schedule.failures} times in a row, from ${escapeMrkdwn(source)}).\n*Reason:* ${escapeMrkdwn(reason)}\nUntil it recovers, ${since}. Retrying with backoff (interval ${formatInterval(schedule.intervalMs)}); \`/reach topology list\` shows its health.`,
        },
      },
    ],
  };
}

/** The message that a failing sync works again. */
export function recoveryMessage(schedule: SyncSchedule): { text: string; blocks: KnownBlock[] } {
  const source = describeSyncSource(schedule.source);
  const text = `Sync of topology ${schedule.topology} from ${source} works again; answers use the current network.`;
  return {
    text: escapeMrkdwn(text),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:white_check_mark: *Sync of topology \`${escapeMrkdwn(schedule.topology)}\` recovered* (from ${escapeMrkdwn(source)}); answers use the current network again.`,
        },
      },
    ],
  };
}
