// The bot's start from the store on its own (issue #16, item 6): open the store file holding the synthetic topology
// (read, JSON parse, migrate, check), then compile it. Run in its own process:
//   node --import tsx bench/measure-store-open.ts --size large --runs 3
// Prints the median of `runs` opens and compiles, and of the first digest over `digest` watched paths after each open
// (the digest's own engine, a fresh one per run, and its message; security groups compiled on first use are paid
// here).
// The store file is written once before, not timed.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { summarize } from '../src/digest/changes.js';
import { checkWatches } from '../src/digest/check.js';
import { realEngine } from '../src/digest/default-engine.js';
import { digestMessage } from '../src/digest/digest-message.js';
import { openFileStore } from '../src/store/file-store.js';
import { getTopology, putTopology } from '../src/store/topologies.js';
import { compileTopology } from '../src/topology/compile.js';
import { BENCH_SIZES, generateTopology, generateWatches } from './synthetic.js';

const argsSchema = z.object({
  size: z.enum(BENCH_SIZES).default('large'),
  runs: z.coerce.number().int().min(1).default(3),
  digest: z.coerce.number().int().min(0).default(10_000),
});
const { values } = parseArgs({
  options: { size: { type: 'string' }, runs: { type: 'string' }, digest: { type: 'string' } },
});
const args = argsSchema.parse(values);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const dir = await mkdtemp(join(tmpdir(), 'reachbot-store-open-'));
try {
  const path = join(dir, 'store.json');
  const first = await openFileStore(path);
  await putTopology(first, { name: 'bench', topology: generateTopology(args.size, 1), makeDefault: true });
  await first.close();
  const opens: number[] = [];
  const compiles: number[] = [];
  const digests: number[] = [];
  for (let run = 0; run < args.runs; run++) {
    const started = process.hrtime.bigint();
    const store = await openFileStore(path, { writer: false });
    opens.push(ms(started));
    const entry = getTopology(store, 'bench');
    if (!entry) throw new Error('the stored topology is missing');
    const compiling = process.hrtime.bigint();
    const compiled = compileTopology(entry.topology);
    compiles.push(ms(compiling));
    if (args.digest > 0) {
      const watches = generateWatches(entry.topology, args.digest);
      const engine = realEngine();
      const digesting = process.hrtime.bigint();
      // The digest as the bot makes it: the real engine (on this compile), then the message.
      const outcomes = checkWatches(watches, () => entry.topology, { ...engine, compile: () => compiled });
      digestMessage(summarize(outcomes), { title: 'Reachability digest', footer: 'bench' });
      digests.push(ms(digesting));
    }
    await store.close();
  }
  const open = median(opens);
  const compile = median(compiles);
  process.stdout.write(
    `${new Date().toISOString()} ${args.size}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}: store open ${open.toFixed(0)} ms, compile ${compile.toFixed(0)} ms, ` +
      `open + compile ${(open + compile).toFixed(0)} ms` +
      (args.digest > 0 ? `, then digest of ${args.digest} ${median(digests).toFixed(0)} ms` : '') +
      ` (median of ${args.runs}; opens ${opens.map((x) => x.toFixed(0)).join('/')}` +
      (args.digest > 0 ? `; digests ${digests.map((x) => x.toFixed(0)).join('/')})\n` : ')\n'),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
