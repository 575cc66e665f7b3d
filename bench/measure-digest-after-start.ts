// The first digest after a start (issue #16, item 7), the way the bot meets it: a file store holding the large (or
// --size) synthetic topology and 10,000 watched paths in a channel with a daily digest. Each run starts as the bot
// does (src/main.ts): open the store, compile its topologies, start the digest scheduler and let it check the watched
// paths ahead (in the background, yielding to the event loop); then the channel's digest is computed. Prints, per
// run, the check ahead, the longest event-loop stall during it, and the digest after it. The first run is the first
// digest of the process.
//   npx tsx bench/measure-digest-after-start.ts [--runs=3] [--paths=10000] [--size=large] [--out=FILE]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { channelText } from '../src/digest/channel-lang.js';
import { computeDigest } from '../src/digest/run.js';
import { startDigestScheduler } from '../src/digest/scheduler.js';
import { openFileStore } from '../src/store/file-store.js';
import { compileStored, putTopology } from '../src/store/topologies.js';
import { digestBenchArgs, reportFigure } from './digest-bench.js';
import { median, msSince } from './stats.js';
import { BENCH_CHANNEL as CHANNEL, generateTopology, generateWatches } from './synthetic.js';

const args = digestBenchArgs();

const dir = await mkdtemp(join(tmpdir(), 'reachbot-digest-after-start-'));
try {
  const path = join(dir, 'store.json');
  const seeding = await openFileStore(path);
  const topology = generateTopology(args.size, 1);
  await putTopology(seeding, { name: 'bench', topology, makeDefault: true });
  const watches = generateWatches(topology, args.paths, { createdAt: new Date().toISOString() });
  await seeding.update((data) => {
    data.watches.push(...watches);
    // The last slot was sent: nothing is missed at start, the next digest is the scheduled one.
    data.schedules[CHANNEL] = {
      channel: CHANNEL,
      cron: '0 9 * * *',
      spec: 'daily 09:00',
      timezone: 'UTC',
      mode: 'always',
      lastRunAt: new Date().toISOString(),
    };
  });
  await seeding.close();

  const ahead: number[] = [];
  const stalls: number[] = [];
  const digests: number[] = [];
  for (let run = 0; run < args.runs; run++) {
    // A start: a fresh store object, so its topology is a new object with no outcomes cached for it.
    const store = await openFileStore(path);
    for (const entry of Object.values(store.data.topologies)) compileStored(entry);
    const scheduler = startDigestScheduler({ store, poster: { postMessage: async () => ({ ok: true }) } });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const checking = process.hrtime.bigint();
    const checked = await scheduler.checkAhead();
    ahead.push(msSince(checking));
    delay.disable();
    stalls.push(delay.max / 1e6);
    if (checked !== args.paths) throw new Error(`checked ${checked} paths ahead, not ${args.paths}`);
    const digesting = process.hrtime.bigint();
    const digest = await computeDigest(store, CHANNEL, {
      title: 'Reachability digest',
      footer: 'bench',
      text: channelText(store.data, CHANNEL),
    });
    digests.push(msSince(digesting));
    if (digest.summary.total !== args.paths) throw new Error(`the digest saw ${digest.summary.total} paths`);
    scheduler.stop();
    await store.close();
  }
  const list = (xs: number[]) => xs.map(Math.round).join(' / ');
  await reportFigure(
    `First digest after a start: ${args.paths} watched paths on the ${args.size} topology, per start: checked ahead ` +
      `in ${list(ahead)} ms (longest event-loop stall ${list(stalls)} ms); the digest after it ${list(digests)} ms ` +
      `(median ${Math.round(median(digests))}; target < 500 ms)\n`,
    args.out,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
