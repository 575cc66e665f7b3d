// A scheduled sync validates its import in a worker thread (src/sync/prepare.ts): the main event loop keeps serving
// while a large topology is validated, and a worker that crashes or a document that does not validate is a failed
// sync that keeps the stored topology.
import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../bench/synthetic.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { SEALS_KEY, sealOf } from '../../src/store/seal.js';
import { serializeStore } from '../../src/store/serialize.js';
import { prepareInWorker } from '../../src/sync/prepare.js';
import { startSyncScheduler } from '../../src/sync/scheduler.js';
import type { Topology } from '../../src/topology/schema.js';
import { MINUTE, START } from './helpers.js';

const SOURCE = { kind: 'terraform-file', path: '/srv/prod.tfstate' } as const;

/** A scheduler over a memory store whose source returns `current.topology`, unvalidated, as the real readers do. */
function setUp(prepare?: ReturnType<typeof prepareInWorker>) {
  const store = new MemoryStore();
  const current: { topology: unknown } = { topology: generateTopology('medium', 1) };
  const scheduler = startSyncScheduler({
    store,
    read: async () => ({ topology: current.topology as Topology, validated: false, warnings: [] }),
    clock: () => START,
    random: () => 0,
    timers: false,
    ...(prepare ? { prepare } : {}),
  });
  return { store, current, scheduler };
}

/** Counts turns of the event loop (setImmediate) until stopped: what a waiting answer gets while work runs. */
function countTurns() {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  return () => {
    running = false;
    return turns;
  };
}

describe('a sync validates off the main thread', () => {
  it('keeps the event loop turning while a large replacing import is validated, then swaps it in sealed', async () => {
    const { store, current, scheduler } = setUp();
    await scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    expect((await scheduler.syncNow('prod')).status).toBe('created');
    const first = store.data.topologies.prod;

    current.topology = generateTopology('medium', 2);
    const stop = countTurns();
    const outcome = await scheduler.syncNow('prod');
    const turns = stop();
    // The whole outcome in the message: a failure here says why the sync failed.
    expect(outcome.status, JSON.stringify(outcome).slice(0, 1000)).toBe('replaced');
    const second = store.data.topologies.prod;
    expect(second).not.toBe(first);
    expect(Object.isFrozen(second?.topology.securityGroups?.[0]?.rules?.[0])).toBe(true);
    // On the main thread the sync would pause only at its own yields (a few dozen for this size); validating in a
    // worker leaves the loop free for the whole validation, thousands of turns even on a loaded machine.
    expect(turns).toBeGreaterThan(500);
    // The validated topology came back whole, and its remembered text (what the store writes) carries a true seal.
    expect(second?.topology.resources?.length).toBe((current.topology as Topology).resources?.length);
    const file = JSON.parse(serializeStore(store.data));
    expect(file[SEALS_KEY].prod).toBe(sealOf(JSON.stringify(second)));
    expect(file.topologies.prod).toEqual(JSON.parse(JSON.stringify(second)));

    // The same import again: unchanged, nothing replaced.
    expect((await scheduler.syncNow('prod')).status).toBe('unchanged');
    expect(store.data.topologies.prod).toBe(second);
  });

  it('runs the TypeScript worker through tsx when asked (what runs when dist/ is older than the sources)', async () => {
    const { store, current, scheduler } = setUp(prepareInWorker({ sources: true }));
    // The size does not matter here, only which code validates it.
    current.topology = generateTopology('small', 1);
    await scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    expect((await scheduler.syncNow('prod')).status).toBe('created');
    current.topology = generateTopology('small', 2);
    const outcome = await scheduler.syncNow('prod');
    expect(outcome.status, JSON.stringify(outcome).slice(0, 1000)).toBe('replaced');
    expect(store.data.topologies.prod?.topology.resources?.length).toBe(
      (current.topology as Topology).resources?.length,
    );
  });

  it('an import that does not validate is an invalid sync that keeps the stored topology', async () => {
    const { store, current, scheduler } = setUp();
    await scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await scheduler.syncNow('prod');
    const first = store.data.topologies.prod;
    const broken = structuredClone(generateTopology('medium', 1)) as { clusters: { vpc: string }[] };
    (broken.clusters[0] as { vpc: string }).vpc = 'vpc-nowhere';
    current.topology = broken;
    const outcome = await scheduler.syncNow('prod');
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.failure.kind).toBe('invalid');
    expect(outcome.status === 'failed' && outcome.failure.message).toContain('vpc-nowhere');
    expect(store.data.topologies.prod).toBe(first);
    expect(store.data.syncs.prod?.failures).toBe(1);
  });

  it('a worker that crashes (out of memory) is a failed sync that loses nothing, and the next sync recovers', async () => {
    const crashing = prepareInWorker({ resourceLimits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 } });
    const healthy = setUp();
    await healthy.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await healthy.scheduler.syncNow('prod');
    const good = healthy.store.data.topologies.prod;

    // A second scheduler over the same store, whose worker cannot hold the document.
    const { scheduler } = {
      scheduler: startSyncScheduler({
        store: healthy.store,
        read: async () => ({ topology: generateTopology('medium', 3), validated: false, warnings: [] }),
        clock: () => START,
        random: () => 0,
        timers: false,
        prepare: crashing,
      }),
    };
    const outcome = await scheduler.syncNow('prod');
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.failure.message).toContain('validation worker failed');
    expect(healthy.store.data.topologies.prod).toBe(good);
    expect(healthy.store.data.syncs.prod?.failures).toBe(1);
    expect(healthy.store.data.syncs.prod?.lastFailure?.message).toContain('validation worker failed');

    healthy.current.topology = generateTopology('medium', 3);
    expect((await healthy.scheduler.syncNow('prod')).status).toBe('replaced');
    expect(healthy.store.data.syncs.prod?.failures).toBe(0);
  });
});
