// Peak memory and time of importing the large synthetic topology with the CLI (issue #16, item 8), and of one CLI
// process answering a question from the large JSON file (item 6). Each run is its own child process, so its peak RSS
// (`process.resourceUsage().maxRSS`) is that run's alone; the child runs the real CLI in process (`runCli`).
//   node --import tsx bench/measure-import.ts [--size=large] [--runs=3] [--out=FILE]   (npm run bench runs it too)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dump } from 'js-yaml';
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
    child: { type: 'string' },
    store: { type: 'string' },
    out: { type: 'string' },
  },
  allowPositionals: true,
  strict: false,
});

/** In the child: run `reachbot <args>` in this process and report its time and this process's peak RSS. */
async function child(args: string[]): Promise<void> {
  const { runCli } = await import('../src/cli/main.js');
  const sink = { write: () => true };
  const started = performance.now();
  const exit = await runCli(args, {
    stdout: sink as never,
    stderr: process.stderr as never,
    env: { ...process.env, REACHBOT_STORE: String(values.store) },
    cwd: process.cwd(),
  });
  const report: ChildReport = {
    exit,
    ms: performance.now() - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(report));
}

function runChild(store: string, args: string[]): ChildReport {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), `--child=1`, `--store=${store}`, ...args],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as ChildReport;
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

if (values.child)
  await child(process.argv.slice(2).filter((a) => !a.startsWith('--child') && !a.startsWith('--store')));
else await parent();
