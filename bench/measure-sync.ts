// A sync of the synthetic topology from a loopback Huawei Cloud double (bench/sync-network.ts), through the real
// importer, scheduler and file store, while questions keep arriving: what a sync costs, and what an answer costs
// while one runs. Run as a child process by bench/run.ts (`--task=sync` is this file's only task).
//   node --import tsx bench/measure-sync.ts --size=large --out=/tmp/sync.json
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { answerQuestion } from '../src/commands/converse.js';
import { openFileStore } from '../src/store/file-store.js';
import { compileStored, putTopology } from '../src/store/topologies.js';
import { sourceReader } from '../src/sync/read-source.js';
import { startSyncScheduler } from '../src/sync/scheduler.js';
import { validateTopology } from '../src/topology/load.js';
import { ENV, startHuaweiDouble } from '../test/sync/huawei-double.js';
import { type LatencySummary, summarizeLatencies } from './stats.js';
import { apiNetworkOf } from './sync-network.js';
import { type BenchSize, generateQuestions, generateTopology, toQuestion } from './synthetic.js';

export interface SyncReport {
  readonly size: BenchSize;
  /** API calls the importer made (every page of every listing). */
  readonly requests: number;
  /** A sync that found the network changed: read, validate, compile, swap, write the store. */
  readonly replaceMs: number;
  /** A sync that found nothing changed (only "checked at" is written). */
  readonly unchangedMs: number;
  /** Answers asked every few ms with no sync running, and while each sync ran: from when an answer was due to done. */
  readonly idle: LatencySummary;
  readonly duringReplace: LatencySummary;
  readonly duringUnchanged: LatencySummary;
  /** The answers' own diagnosis time during the syncs (without waiting for the event loop). */
  readonly diagnoseDuring: LatencySummary;
  /** The longest event-loop stall (perf_hooks.monitorEventLoopDelay, max) while each sync ran, and with none. */
  readonly stallIdleMs?: number;
  readonly stallReplaceMs?: number;
  readonly stallUnchangedMs?: number;
}

/** Run `work` with the event loop's delay monitored; returns its result and the longest stall in ms. */
async function withStallMonitor<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  try {
    const value = await work();
    return { value, stallMs: monitor.max / 1e6 };
  } finally {
    monitor.disable();
  }
}

const ASK_EVERY_MS = 5;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string' }, out: { type: 'string' } } });
  const size = (values.size ?? 'large') as BenchSize;
  const topology = generateTopology(size, 1);
  const network = apiNetworkOf(topology);
  const double = await startHuaweiDouble(network);
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-bench-sync-'));
  const store = await openFileStore(join(dir, 'store.json'));
  try {
    const read = sourceReader({ env: ENV, fetch: double.fetch, pageSize: 2000, sleep: async () => {} });
    // The topology as the importer produces it, stored beforehand (not timed), so the first sync has a previous one.
    const first = await read({ kind: 'huaweicloud', region: 'cn-north-4' });
    const valid = validateTopology(first.topology);
    if (!valid.ok) throw new Error('the imported synthetic topology is not valid');
    await putTopology(store, { name: 'bench', topology: valid.topology, source: 'huaweicloud:cn-north-4' });
    const scheduler = startSyncScheduler({ store, read, timers: false });
    await scheduler.configure('bench', { source: { kind: 'huaweicloud', region: 'cn-north-4' } });
    const questions = generateQuestions(store.data.topologies.bench?.topology ?? topology, 200, 1).map(toQuestion);
    const diagnoseDuring: number[] = [];

    /** Ask a question every ASK_EVERY_MS until `work` settles; latency counts from when each was due. */
    const askWhile = async (work?: Promise<unknown>, forMs = 1000): Promise<number[]> => {
      const samples: number[] = [];
      let done = false;
      void work?.finally(() => {
        done = true;
      });
      const started = performance.now();
      let index = 0;
      while (!done && (work || performance.now() - started < forMs)) {
        const due = performance.now() + ASK_EVERY_MS;
        await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
        const question = questions[index++ % questions.length];
        if (!question) continue;
        const t0 = performance.now();
        try {
          answerQuestion(store, question, undefined, 'bench', new Date());
        } catch {
          // A question the import left unanswerable still costs its time.
        }
        const t1 = performance.now();
        if (work) diagnoseDuring.push(t1 - t0);
        samples.push(t1 - Math.min(due, t0));
      }
      await work;
      return samples;
    };

    // Compiled once before measuring, as a running bot has it after its first question.
    compileStored(store.data.topologies.bench ?? (undefined as never));
    const { value: idle, stallMs: stallIdleMs } = await withStallMonitor(() => askWhile(undefined, 2000));
    // Change one rule in the cloud, so the next sync replaces the topology.
    network.securityGroupRules.pop();
    const t0 = performance.now();
    const replacing = scheduler.syncNow('bench');
    const { value: duringReplace, stallMs: stallReplaceMs } = await withStallMonitor(() => askWhile(replacing));
    const replaceMs = performance.now() - t0;
    if ((await replacing).status !== 'replaced')
      throw new Error(`the sync did not replace: ${JSON.stringify(await replacing)}`);
    const requestsPerSync = double.requests.length;
    double.requests.length = 0;
    const t1 = performance.now();
    const unchanged = scheduler.syncNow('bench');
    const { value: duringUnchanged, stallMs: stallUnchangedMs } = await withStallMonitor(() => askWhile(unchanged));
    const unchangedMs = performance.now() - t1;
    const second = await unchanged;
    if (second.status !== 'unchanged')
      throw new Error(`the second sync did not find the topology unchanged: ${JSON.stringify(second).slice(0, 2000)}`);
    const report: SyncReport = {
      size,
      requests: Math.round(requestsPerSync / 2),
      replaceMs,
      unchangedMs,
      idle: summarizeLatencies(idle),
      duringReplace: summarizeLatencies(duringReplace),
      duringUnchanged: summarizeLatencies(duringUnchanged),
      diagnoseDuring: summarizeLatencies(diagnoseDuring),
      stallIdleMs,
      stallReplaceMs,
      stallUnchangedMs,
    };
    if (values.out) await writeFile(values.out, JSON.stringify(report));
    else process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await store.close();
    await double.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
