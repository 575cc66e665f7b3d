// The check ahead at start: every watched path is checked in the background, scheduled channels first, each in its
// channel's language, so that the first digest after a start finds the outcomes cached (as the first one after a sync
// does); stopping the scheduler ends the check early.
import { afterEach, describe, expect, it } from 'vitest';
import { setChannelLang } from '../../src/digest/channel-lang.js';
import type { PathEngine } from '../../src/digest/check.js';
import { computeDigest, runScheduledDigest } from '../../src/digest/run.js';
import { type DigestScheduler, startDigestScheduler } from '../../src/digest/scheduler.js';
import type { DigestSchedule } from '../../src/store/data.js';
import { fakeEngine, recordingPoster, storeWith, watch } from './helpers.js';

/** The fake engine, counting its diagnoses; `busyMs` of CPU each, as a real diagnosis holds the event loop. */
function countingEngine(busyMs = 0): PathEngine & { calls: number; ports: (number | undefined)[] } {
  const engine = {
    calls: 0,
    ports: [] as (number | undefined)[],
    compile: (t: Parameters<PathEngine['compile']>[0]) => fakeEngine.compile(t),
    diagnose(compiled: unknown, question: Parameters<PathEngine['diagnose']>[1]) {
      engine.calls++;
      engine.ports.push(question.port);
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

/**
 * A check ahead of 300 paths (about 1 ms of CPU each) in channel C1, under way: resolves once a timer scheduled when it
 * started has fired, that is between two of its slices, with most paths not yet checked.
 */
async function checkAheadUnderway() {
  const watches = Array.from({ length: 300 }, (_, i) => watch('C1', 'db1', 1000 + i));
  const store = storeWith({ watches, schedules: { C1: daily('C1') } });
  const engine = countingEngine(1);
  scheduler = startDigestScheduler({ store, poster: recordingPoster(), engine });
  const checking = scheduler.checkAhead();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { store, engine, checking };
}
afterEach(() => {
  scheduler?.stop();
  scheduler = undefined;
});

describe('checking watched paths ahead of the digests', () => {
  it('checks every watched channel, scheduled ones first, so that their digests then diagnose nothing', async () => {
    const store = storeWith({
      open: { db: ['3306'] },
      watches: [
        watch('C3', 'cache1', 6380),
        watch('C1', 'db1', 3306),
        watch('C1', 'cache1', 6379),
        watch('C2', 'db1', 5432),
      ],
      schedules: { C1: daily('C1'), C2: daily('C2') },
    });
    await setChannelLang(store, 'C2', 'zh');
    const engine = countingEngine();
    scheduler = startDigestScheduler({ store, poster: recordingPoster(), engine });

    expect(await scheduler.checkAhead()).toBe(4);
    // C3 has no schedule: its digests are asked for, not due, so its path comes last although it was watched first.
    expect(engine.ports).toEqual([3306, 6379, 5432, 6380]);

    const poster = recordingPoster();
    const slot = new Date('2026-03-06T09:00:00Z');
    expect(await runScheduledDigest({ store, poster, engine }, 'C1', slot)).toBe('sent');
    // C2's digest is in Chinese: it finds what was checked ahead in Chinese, not a check in English.
    expect(await runScheduledDigest({ store, poster, engine }, 'C2', slot)).toBe('sent');
    const preview = await computeDigest(store, 'C3', { engine, title: 't', footer: 'f' });
    expect(preview.summary.total).toBe(1);
    expect(engine.ports).toHaveLength(4);
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

  it('a digest due while the check ahead runs shares its work: each path is diagnosed once in all', async () => {
    const { store, engine, checking } = await checkAheadUnderway();
    // The digest starts between two slices of the check ahead, with most paths not yet checked.
    const callsAtDigestStart = engine.calls;
    const digest = await computeDigest(store, 'C1', { engine, title: 't', footer: 'f' });
    expect(await checking).toBe(300);
    expect(callsAtDigestStart).toBeLessThan(300);
    expect(digest.summary.total).toBe(300);
    expect(engine.calls).toBe(300);
  });

  it('stopping the scheduler ends a check ahead at its next slice', async () => {
    const { engine, checking } = await checkAheadUnderway();
    // Stopped between two slices of the check: most of the 300 paths are left unchecked.
    scheduler?.stop();
    const checked = await checking;
    expect(checked).toBeLessThan(300);
    expect(engine.calls).toBe(checked);
    await scheduler?.idle();
  });
});
