// Peak memory and time of importing the large synthetic topology with the CLI (issue #16, item 8), and of one CLI
// process answering a question from the large JSON file (item 6). Each run is the real `reachbot` command
// (bin/reachbot.js: the built dist/ when it is fresh, as `npm ci` leaves it) in its own process; a preloaded
// module (bench/peak-rss.mjs) reports that process's peak RSS (`process.resourceUsage().maxRSS`) as it exits.
//   node --import tsx bench/measure-import.ts [--size=large] [--runs=3] [--out=FILE]   (npm run bench runs it too)
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dump } from 'js-yaml';
import { isBuildFresh } from '../src/runtime/built-code.js';
import { type BenchSize, generateTopology } from './synthetic.js';

interface ChildReport {
  readonly exit: number;
  readonly ms: number;
  readonly maxRssMb: number;
}

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string' },
  },
});

const BIN = fileURLToPath(new URL('../bin/reachbot.js', import.meta.url));
const PEAK = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));

/** Run `reachbot <args>` in a process of its own: its wall time (start-up included) and peak RSS. */
function runChild(store: string, args: string[]): ChildReport {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', PEAK, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, REACHBOT_STORE: store },
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - started;
  const peak = /PEAK_RSS_KB=(\d+)/.exec(run.stderr ?? '');
  if (!peak) throw new Error(`no peak RSS reported by reachbot ${args.join(' ')}: ${run.stderr}`);
  return { exit: run.status ?? -1, ms, maxRssMb: Number(peak[1]) / 1024 };
}

async function parent(): Promise<void> {
  const lines: string[] = [];
  const print = (text: string) => {
    lines.push(text);
  };
  const size = (values.size ?? 'large') as BenchSize;
  const runs = Number(values.runs ?? 3);
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-bench-import-'));
  try {
    const topology = generateTopology(size, 1);
    const json = join(dir, `${size}.json`);
    const yaml = join(dir, `${size}.yaml`);
    await writeFile(json, JSON.stringify(topology));
    await writeFile(yaml, dump(topology, { noRefs: true, lineWidth: -1 }));
    const cluster = topology.clusters?.[0]?.name ?? 'c';
    const resource = topology.resources?.[0]?.name ?? 'r';
    const cases: [string, (store: string) => string[]][] = [
      ['topology import (YAML)', () => ['topology', 'import', yaml, '--name', 'big']],
      ['topology import (JSON)', () => ['topology', 'import', json, '--name', 'big']],
      [
        `ask --topology FILE.json --json`,
        () => ['ask', `${cluster} -> ${resource} tcp/443`, '--topology', json, '--json'],
      ],
    ];
    print(
      `reachbot import bench (${size}), load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    if (!isBuildFresh(new URL('../', import.meta.url)))
      print('(dist/ is older than src/, so `reachbot` runs the sources through tsx: run `npm run build` first)\n');
    print('| run | median time | max peak RSS | exit |\n| --- | --- | --- | --- |\n');
    for (const [label, args] of cases) {
      const reports: ChildReport[] = [];
      for (let i = 0; i < runs; i += 1) {
        const store = join(dir, `store-${i}.json`);
        await rm(store, { force: true });
        reports.push(runChild(store, args(store)));
      }
      const times = reports.map((r) => r.ms).sort((a, b) => a - b);
      const rss = Math.max(...reports.map((r) => r.maxRssMb));
      print(
        `| ${label} | ${Math.round(times[Math.floor(times.length / 2)] ?? 0)} ms | ${Math.round(rss)} MB | ${[...new Set(reports.map((r) => r.exit))].join(',')} |\n`,
      );
    }
    print(
      `load average after ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    if (typeof values.out === 'string') await writeFile(values.out, lines.join(''));
    else process.stdout.write(lines.join(''));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await parent();
