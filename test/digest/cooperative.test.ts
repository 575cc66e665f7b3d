// Digests and change alerts over many watches must let the event loop run (a slash command waiting for its ack)
// while they check, and give exactly the outcomes of the one-shot check. Real timers on purpose: the point is that a
// timer scheduled while the digest runs fires before the digest ends.
import { describe, expect, it } from 'vitest';
import { onTopologyReplaced } from '../../src/digest/alerts.js';
import { checkWatches, checkWatchesCooperatively, type PathEngine, type WatchOutcome } from '../../src/digest/check.js';
import { computeDigest } from '../../src/digest/run.js';
import { fakeEngine, recordingPoster, storeWith, topology, watch } from './helpers.js';

/** The fake engine, with each diagnosis taking about a millisecond of CPU, counting its calls. */
function slowEngine(): PathEngine & { calls: number } {
  const engine = {
    calls: 0,
    compile: (t: Parameters<PathEngine['compile']>[0]) => fakeEngine.compile(t),
    diagnose(compiled: unknown, question: Parameters<PathEngine['diagnose']>[1]) {
      engine.calls++;
      const until = performance.now() + 1;
      while (performance.now() < until) {
        // simulated work: the event loop is held as a real diagnosis would hold it
      }
      return fakeEngine.diagnose(compiled, question);
    },
  };
  return engine;
}

/** Resolves with the engine's call count when a timer scheduled now fires. */
function callsWhenTimerFires(engine: { calls: number }): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(engine.calls), 0));
}

const WATCHES = 300;
const manyWatches = () => Array.from({ length: WATCHES }, (_, i) => watch('C1', 'db1', 1000 + i));
/** The fake engine opens a port per rule: the first `n` watched ports. */
const firstPorts = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));

describe('cooperative checking', () => {
  it('a timer scheduled during a large digest fires before the digest ends', async () => {
    const engine = slowEngine();
    const store = storeWith({ open: { db: firstPorts(101) }, watches: manyWatches() });
    const digest = computeDigest(store, 'C1', { engine, title: 't', footer: 'f' });
    const firedAfter = callsWhenTimerFires(engine);
    const result = await digest;
    expect(await firedAfter).toBeLessThan(WATCHES);
    expect(engine.calls).toBe(WATCHES);
    expect(result.summary.total).toBe(WATCHES);
    expect(result.summary.counts.reachable).toBe(101);
  });

  it('a timer scheduled during a change-alert pass fires before the pass ends', async () => {
    const engine = slowEngine();
    const store = storeWith({ watches: manyWatches() });
    const alerts = onTopologyReplaced(store, 'prod', topology(), topology({ db: firstPorts(10) }), recordingPoster(), {
      engine,
    });
    const firedAfter = callsWhenTimerFires(engine);
    const [alert] = await alerts;
    expect(await firedAfter).toBeLessThan(2 * WATCHES);
    expect(alert?.fixed).toHaveLength(10);
  });

  it('gives the same outcomes, in the same order, as the one-shot check', async () => {
    const watches = [
      ...manyWatches().slice(0, 20),
      watch('C1', 'db1', 3306),
      watch('C1', 'db1', 3306),
      watch('C1', 'nowhere', 1),
      watch('C2', 'cache1', 6379, { topology: 'gone' }),
    ];
    const topologyOf = (name: string) => (name === 'prod' ? topology({ cache: ['6379'], db: ['1005'] }) : undefined);
    const cooperative = await checkWatchesCooperatively(watches, topologyOf, fakeEngine, { sliceMs: 0 });
    // Details are worded on demand (a function each): compared by what they give.
    const shown = (outcomes: readonly WatchOutcome[]) =>
      outcomes.map((o) => (o.kind === 'checked' ? { ...o, details: o.details() } : o));
    expect(shown(cooperative)).toEqual(shown(checkWatches(watches, topologyOf, fakeEngine)));
    expect(cooperative.map((o) => o.kind)).toContain('error');
  });
});
