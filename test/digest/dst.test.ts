// Daylight saving time: the scheduler itself (croner timers on fake time) neither skips nor doubles a digest.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DigestScheduler, startDigestScheduler } from '../../src/digest/scheduler.js';
import type { DigestSchedule } from '../../src/store/data.js';
import { fakeEngine, recordingPoster, storeWith, watch } from './helpers.js';
import { advanceTo, useFakeTime } from './time.js';

let scheduler: DigestScheduler | undefined;
afterEach(() => {
  scheduler?.stop();
  vi.useRealTimers();
});

function schedule(cron: string, spec: string, timezone: string, since: string): DigestSchedule {
  return { channel: 'C1', cron, spec, timezone, mode: 'always', lastRunAt: since };
}

async function postTimes(s: DigestSchedule, from: string, to: string, stepMs = 30 * 60_000): Promise<string[]> {
  useFakeTime(from);
  const store = storeWith({ open: { db: ['3306'] }, watches: [watch('C1', 'db1', 3306)], schedules: { C1: s } });
  const poster = recordingPoster();
  scheduler = startDigestScheduler({ store, poster, engine: fakeEngine });
  await advanceTo(to, stepMs, () => scheduler?.nextRun('C1')?.getTime());
  await scheduler.idle();
  return poster.sent.map((message) => new Date(message.at).toISOString());
}

describe('digests across DST transitions', () => {
  it('America/New_York spring forward: 02:30 does not exist on 8 March, so that digest goes at 03:00, once', async () => {
    const times = await postTimes(
      schedule('30 2 * * *', 'daily 02:30', 'America/New_York', '2026-03-07T12:00:00.000Z'),
      '2026-03-07T12:00:00Z',
      '2026-03-09T12:00:00Z',
    );
    expect(times).toEqual([
      '2026-03-08T07:00:00.000Z', // 03:00 EDT, the first valid time after the gap
      '2026-03-09T06:30:00.000Z', // 02:30 EDT again the next day
    ]);
  });

  it('America/New_York fall back: 01:30 happens twice on 1 November, the digest goes once', async () => {
    const times = await postTimes(
      schedule('30 1 * * *', 'daily 01:30', 'America/New_York', '2026-10-31T12:00:00.000Z'),
      '2026-10-31T12:00:00Z',
      '2026-11-02T12:00:00Z',
    );
    expect(times).toEqual([
      '2026-11-01T05:30:00.000Z', // 01:30 EDT; not again at 01:30 EST (06:30Z)
      '2026-11-02T06:30:00.000Z', // 01:30 EST the next day
    ]);
  });

  it('Europe/Berlin: weekdays 09:00 stays at 09:00 local time across the March change', async () => {
    const times = await postTimes(
      schedule('0 9 * * 1-5', 'weekdays 09:00', 'Europe/Berlin', '2026-03-27T07:00:00.000Z'),
      '2026-03-27T07:00:00Z',
      '2026-03-30T08:00:00Z',
    );
    expect(times).toEqual([
      '2026-03-27T08:00:00.000Z', // Friday 09:00 CET
      '2026-03-30T07:00:00.000Z', // Monday 09:00 CEST
    ]);
  });

  it('Europe/Berlin every hour on the day of the October change: 25 hours, 25 digests', async () => {
    const times = await postTimes(
      schedule('0 * * * *', 'every hour', 'Europe/Berlin', '2026-10-24T22:00:00.000Z'),
      '2026-10-24T22:00:00Z', // midnight CEST, 25 October
      '2026-10-25T23:00:00Z', // midnight CET, 26 October
      5 * 60_000,
    );
    expect(times).toHaveLength(25);
    expect(new Set(times).size).toBe(25);
    expect(times[0]).toBe('2026-10-24T23:00:00.000Z');
    expect(times.at(-1)).toBe('2026-10-25T23:00:00.000Z');
  });
});
