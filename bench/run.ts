// `npm run bench`: generate synthetic topologies (not timed), then measure each size in its own child process,
// the Slack app's slash-command round trip and the CLI's cold start, and print one table.
//   --size small|medium|large|all (default all)   --smoke (CI: small only, tiny counts)   --json (JSON on stdout)
// It fails only when something breaks, never because a figure misses its target.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { z } from 'zod';
import { openFileStore } from '../src/store/file-store.js';
import { putTopology } from '../src/store/topologies.js';
import { type BeyondReport, renderBeyond } from './measure-beyond.js';
import { measureCli } from './measure-cli.js';
import type { ServeReport } from './measure-serve.js';
import type { SlackReport, SlackTransportName } from './measure-slack.js';
import type { SyncReport } from './measure-sync.js';
import type { SizeReport } from './measure-topology.js';
import { type BenchResults, renderSyncTable, renderTable } from './report.js';
import { BENCH_SIZES, type BenchSize, generateTopology } from './synthetic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 1;

const flagsSchema = z.object({
  size: z.enum([...BENCH_SIZES, 'all']).default('all'),
  smoke: z.boolean().default(false),
  json: z.boolean().default(false),
});

interface Counts {
  readonly loadRepeats: Record<BenchSize, number>;
  readonly warmup: number;
  readonly samples: number;
  readonly digestWatches: number;
  readonly slackRequests: number;
  readonly cliRuns: number;
  /** The topology the Slack app answers from. */
  readonly slackSize: BenchSize;
}

const FULL: Counts = {
  loadRepeats: { small: 5, medium: 3, large: 3 },
  warmup: 500,
  samples: 5000,
  digestWatches: 10_000,
  slackRequests: 500,
  cliRuns: 7,
  slackSize: 'medium',
};
const SMOKE: Counts = {
  loadRepeats: { small: 1, medium: 1, large: 1 },
  warmup: 10,
  samples: 50,
  digestWatches: 100,
  slackRequests: 50,
  cliRuns: 1,
  slackSize: 'small',
};

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Run a TypeScript entry point of bench/ in a fresh Node process; resolves when it exits 0. */
function runChild(script: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`bench/${script} ${args.join(' ')} exited ${code}:\n${stderr}`)),
    );
  });
}

async function measureSizeInChild(size: BenchSize, counts: Counts, dir: string): Promise<SizeReport> {
  // Generation and serialization are not timed; the child only reads the text.
  const file = join(dir, `${size}.yaml`);
  await writeFile(file, stringify(generateTopology(size, SEED)));
  const out = join(dir, `${size}.json`);
  await runChild('worker.ts', [
    '--task=size',
    `--size=${size}`,
    `--file=${file}`,
    `--out=${out}`,
    `--seed=${SEED}`,
    `--load-repeats=${counts.loadRepeats[size]}`,
    `--warmup=${counts.warmup}`,
    `--samples=${counts.samples}`,
    `--digest-watches=${counts.digestWatches}`,
  ]);
  const report = JSON.parse(await readFile(out, 'utf8')) as SizeReport;

  // The serving path alone: the same topology in a store file (written here, not timed), opened by a fresh process.
  const storePath = join(dir, `${size}-store.json`);
  const store = await openFileStore(storePath);
  await putTopology(store, { name: 'bench', topology: generateTopology(size, SEED), makeDefault: true });
  await store.close();
  const serveOut = join(dir, `${size}-serve.json`);
  await runChild('worker.ts', [
    '--task=serve',
    `--size=${size}`,
    `--store=${storePath}`,
    `--out=${serveOut}`,
    `--seed=${SEED}`,
    `--samples=${counts.samples}`,
    `--digest-watches=${counts.digestWatches}`,
  ]);
  const serve = JSON.parse(await readFile(serveOut, 'utf8')) as ServeReport;
  return { ...report, serve };
}

async function measureSlackInChild(counts: Counts, dir: string, transport: SlackTransportName): Promise<SlackReport> {
  const out = join(dir, `slack-${transport}.json`);
  await runChild('slack-worker.ts', [
    `--out=${out}`,
    `--requests=${counts.slackRequests}`,
    `--size=${counts.slackSize}`,
    `--transport=${transport}`,
  ]);
  return JSON.parse(await readFile(out, 'utf8')) as SlackReport;
}

async function measureSyncInChild(size: BenchSize, dir: string): Promise<SyncReport> {
  const out = join(dir, 'sync.json');
  await runChild('measure-sync.ts', [`--size=${size}`, `--out=${out}`]);
  return JSON.parse(await readFile(out, 'utf8')) as SyncReport;
}

/** Issue #15's figures (reverse questions, check-plan) on the largest size measured, in a child process. */
async function measureBeyondInChild(size: BenchSize, smoke: boolean, dir: string): Promise<BeyondReport> {
  const out = join(dir, 'beyond.json');
  await runChild('beyond-worker.ts', [
    `--size=${size}`,
    `--runs=${smoke ? 1 : 5}`,
    `--changes=${smoke ? 10 : 100}`,
    `--paths=${smoke ? 20 : 1000}`,
    `--out=${out}`,
  ]);
  return JSON.parse(await readFile(out, 'utf8')) as BeyondReport;
}

/** Issue #16 item 7's figures: the first digest after a start (the check ahead) and after a sync (the alerts). */
async function measureFirstDigestsInChildren(smoke: boolean, dir: string): Promise<string> {
  const lines: string[] = [];
  for (const bench of ['measure-digest-after-start.ts', 'measure-digest-after-sync.ts']) {
    const out = join(dir, `${bench}.txt`);
    await runChild(bench, [
      `--size=${smoke ? 'small' : 'large'}`,
      `--runs=${smoke ? 1 : 3}`,
      `--paths=${smoke ? 100 : 10_000}`,
      `--out=${out}`,
    ]);
    lines.push(await readFile(out, 'utf8'));
  }
  return lines.join('');
}

function machine(): Record<string, string> {
  const cpuModel = (() => {
    try {
      return (
        /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? '?'
      );
    } catch {
      return cpus()[0]?.model ?? '?';
    }
  })();
  return {
    cpus: String(cpus().length),
    cpuModel,
    memoryGb: (totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { size: { type: 'string' }, smoke: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const flags = flagsSchema.parse(values);
  const counts = flags.smoke ? SMOKE : FULL;
  const sizes: BenchSize[] = flags.smoke ? ['small'] : flags.size === 'all' ? [...BENCH_SIZES] : [flags.size];

  const host = machine();
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-bench-'));
  try {
    const reports: SizeReport[] = [];
    for (const size of sizes) {
      log(`bench: ${size} topology...`);
      reports.push(await measureSizeInChild(size, counts, dir));
    }
    log(
      'bench: Slack slash command round trip, over HTTP and in Socket Mode, and the same client against a bare server...',
    );
    const slack = await measureSlackInChild(counts, dir, 'http');
    const slackSocket = await measureSlackInChild(counts, dir, 'socket');
    const slackFloor = await measureSlackInChild(counts, dir, 'floor');
    log('bench: sync from a loopback Huawei Cloud double, answering meanwhile...');
    const sync = await measureSyncInChild(flags.smoke ? 'small' : 'large', dir);
    log('bench: CLI import of a large file: time and peak RSS, one child process per run...');
    const importOut = join(dir, 'import.md');
    await runChild('measure-import.ts', [
      `--size=${flags.smoke ? 'small' : 'large'}`,
      `--runs=${flags.smoke ? 1 : 3}`,
      `--out=${importOut}`,
    ]);
    const importTable = await readFile(importOut, 'utf8');
    log('bench: the first digest after a start and after a sync...');
    const firstDigests = await measureFirstDigestsInChildren(flags.smoke, dir);
    log('bench: CLI cold start...');
    const cli = await measureCli(ROOT, counts.cliRuns);
    const beyondSize = sizes[sizes.length - 1] ?? 'small';
    log(`bench: reverse questions and check-plan (${beyondSize})...`);
    const beyond = await measureBeyondInChild(beyondSize, flags.smoke, dir);
    const results: BenchResults & { beyond: BeyondReport } = {
      machine: host,
      mode: flags.smoke ? 'smoke' : 'full',
      sizes: reports,
      slack,
      slackSocket,
      slackFloor,
      cli,
      sync,
      beyond,
    };
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      return;
    }
    const m = results.machine;
    process.stdout.write(
      `reachbot benchmark (${results.mode}) ${m.date}\n${m.cpus} x ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, load average at start ${m.loadAverageAtStart}\n\n`,
    );
    process.stdout.write(`${renderTable(results)}\n`);
    process.stdout.write(`\n${renderSyncTable(sync)}\n`);
    process.stdout.write(`\n${importTable}\n`);
    process.stdout.write(`\n${firstDigests}\n`);
    process.stdout.write(`\n${renderBeyond(beyond)}\n`);
    for (const report of reports) {
      if (report.diagnosis.errorExamples.length) {
        process.stdout.write(
          `\n${report.size}: diagnosis errors, e.g.:\n  ${report.diagnosis.errorExamples.join('\n  ')}\n`,
        );
      }
    }
    if (slack.unanswered) process.stdout.write(`\nSlack: ${slack.unanswered} answers did not reach the response_url\n`);
    const notAcked = Object.entries(slack.notAcked);
    if (notAcked.length) {
      process.stdout.write(
        `\nSlack: requests not acknowledged with 200: ${notAcked.map(([status, n]) => `${n} x HTTP ${status}`).join(', ')} (404 = no ack within 3 s)\n`,
      );
    }
    if (!cli) process.stdout.write('\nCLI: not measured (bin/reachbot.js or data/sample.yaml is not available yet)\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
