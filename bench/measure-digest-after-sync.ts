// The first digest after a sync (issue #16, item 7), the way the bot meets it: a file store holding the large (or
// --size) synthetic topology and 10,000 watched paths; a sync swaps in a new version (one rule added to one group,
// sealed and compiled before the swap as src/sync/scheduler.ts does); the change alerts check the watched paths
// against both versions (as the bot's topology-change listener does, src/main.ts); then the channel's digest is
// computed. Prints the time of the alert pass and of the digest after it, per run (each run a fresh store and
// process state).
//   npx tsx bench/measure-digest-after-sync.ts [--runs=3] [--paths=10000] [--size=large] [--out=FILE]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTopologyReplaced } from '../src/digest/alerts.js';
import { computeDigest } from '../src/digest/run.js';
import { openFileStore } from '../src/store/file-store.js';
import { compileStored, getTopology, putPrepared, putTopology, sealTopology } from '../src/store/topologies.js';
import type { Topology } from '../src/topology/schema.js';
import { digestBenchArgs, reportFigure } from './digest-bench.js';
import { median, msSince } from './stats.js';
import { BENCH_CHANNEL as CHANNEL, generateTopology, generateWatches } from './synthetic.js';

const args = digestBenchArgs();

const alerts: number[] = [];
const digests: number[] = [];
for (let run = 0; run < args.runs; run++) {
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-digest-after-sync-'));
  try {
    const store = await openFileStore(join(dir, 'store.json'));
    const topology = generateTopology(args.size, 1);
    await putTopology(store, { name: 'bench', topology, makeDefault: true });
    const watches = generateWatches(topology, args.paths);
    await store.update((data) => {
      data.watches.push(...watches);
    });
    const before = getTopology(store, 'bench')?.topology;
    // The new version: one ingress rule more in one group, as a console edit would make.
    const next = structuredClone(topology) as Topology;
    next.securityGroups?.[0]?.rules?.push({
      direction: 'ingress',
      protocol: 'tcp',
      ports: '8443',
      remote: '10.0.0.0/8',
    });
    const sealed = sealTopology({ name: 'bench', topology: next });
    compileStored(sealed);
    await putPrepared(store, sealed);
    const after = getTopology(store, 'bench')?.topology;
    const alerting = process.hrtime.bigint();
    await onTopologyReplaced(store, 'bench', before, after, { postMessage: async () => ({ ok: true }) });
    alerts.push(msSince(alerting));
    const digesting = process.hrtime.bigint();
    const digest = await computeDigest(store, CHANNEL, { title: 'Reachability digest', footer: 'bench' });
    digests.push(msSince(digesting));
    if (digest.summary.total !== args.paths) throw new Error(`the digest saw ${digest.summary.total} paths`);
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
await reportFigure(
  `First digest after a sync: ${args.paths} watched paths on the ${args.size} topology: change alerts ` +
    `${alerts.map(Math.round).join(' / ')} ms (median ${Math.round(median(alerts))}); the digest after them ` +
    `${digests.map(Math.round).join(' / ')} ms (median ${Math.round(median(digests))}; target < 500 ms)\n`,
  args.out,
);
