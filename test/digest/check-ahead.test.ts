// The check ahead at start: every scheduled channel's watched paths are checked in the background, so that the first
// digest after a start finds their outcomes cached (as the first one after a sync does), in the channel's language;
// channels without a schedule are left alone, and stopping the scheduler ends the check early.
import { afterEach, describe, expect, it } from 'vitest';
import { setChannelLang } from '../../src/digest/channel-lang.js';
import type { PathEngine } from '../../src/digest/check.js';
import { runScheduledDigest } from '../../src/digest/run.js';
import { type DigestScheduler, startDigestScheduler } from '../../src/digest/scheduler.js';
import type { DigestSchedule } from '../../src/store/data.js';
import { fakeEngine, recordingPoster, storeWith, watch } from './helpers.js';

/** The fake engine, counting its diagnoses; `busyMs` of CPU each, as a real diagnosis holds the event loop. */
function countingEngine(busyMs = 0): PathEngine & { calls: number } {
  const engine = {
    calls: 0,
    compile: (t: Parameters<PathEngine['compile']>[0]) => fakeEngine.compile(t),
    diagnose(compiled: unknown, question: Parameters<PathEngine['diagnose']>[1]) {
      engine.calls++;
      const until = performance.now() + busyMs;
      while (performance.now() < until) {
        // simulated work
      }
      return fakeEngine.diagnose(compiled, question);
    },
  };
  return engine;
}

const daily = (channel: string): DigestSchedule => ({
  channel,
  cron: '0 9 * * *',
  spec: 'daily 09:00',
  timezone: 'UTC',
  mode: 'always',
});

let scheduler: DigestScheduler | undefined;
afterEach(() => {
  scheduler?.stop();
  scheduler = undefined;
});

describe('checking watched paths ahead of the digests', () => {
  it('checks every scheduled channel, so that its digest then diagnoses nothing', async () => {
    const store = storeWith({
      open: { db: ['3306'] },
      watches: [
        watch('C1', 'db1', 3306),
        watch('C1', 'cache1', 6379),
        watch('C2', 'db1', 5432),
        watch('C3', 'cache1', 6380),
      ],
      schedules: { C1: daily('C1'), C2: daily('C2') },
    });
    await setChannelLang(store, 'C2', 'zh');
    const engine = countingEngine();
    scheduler = startDigestScheduler({ store, poster: recordingPoster(), engine });

    // C3 has watches but no schedule: its digests are asked for, not due, so it is not checked ahead.
    expect(await scheduler.checkAhead()).toBe(3);
    expect(engine.calls).toBe(3);

    const poster = recordingPoster();
    const slot = new Date('2026-03-06T09:00:00Z');
    expect(await runScheduledDigest({ store, poster, engine }, 'C1', slot)).toBe('sent');
    // C2's digest is in Chinese: it finds what was checked ahead in Chinese, not a check in English.
    expect(await runScheduledDigest({ store, poster, engine }, 'C2', slot)).toBe('sent');
    expect(engine.calls).toBe(3);
    expect(poster.sent.map((message) => message.channel)).toEqual(['C1', 'C2']);
  });

  it('a digest on a topology replaced after the check ahead checks the new version', async () => {
    const store = storeWith({ watches: [watch('C1', 'db1', 3306)], schedules: { C1: daily('C1') } });
    const engine = countingEngine();
    scheduler = startDigestScheduler({ store, poster: recordingPoster(), engine });
    await scheduler.checkAhead();
    const replaced = storeWith({ open: { db: ['3306'] } }).data.topologies.prod;
    await store.update((data) => {
      if (replaced) data.topologies.prod = replaced;
    });
    const poster = recordingPoster();
    await runScheduledDigest({ store, poster, engine }, 'C1', new Date('2026-03-06T09:00:00Z'));
    expect(engine.calls).toBe(2);
  });

  it('stopping the scheduler ends a check ahead at its next slice', async () => {
    const watches = Array.from({ length: 300 }, (_, i) => watch('C1', 'db1', 1000 + i));
    const store = storeWith({ watches, schedules: { C1: daily('C1') } });
    const engine = countingEngine(1);
    scheduler = startDigestScheduler({ store, poster: recordingPoster(), engine });
    const checking = scheduler.checkAhead();
    // A timer fires between two slices of the check; stopping there leaves most of the 300 paths unchecked.
    await new Promise((resolve) => setTimeout(resolve, 0));
    scheduler.stop();
    const checked = await checking;
    expect(checked).toBeLessThan(300);
    expect(engine.calls).toBe(checked);
    await scheduler.idle();
  });
});
