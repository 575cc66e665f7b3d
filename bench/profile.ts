// Profiling helper: runs one phase in a loop so that `node --cpu-prof` shows where its time goes.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts --size large --phase load
//   npx tsx bench/cpuprofile-summary.ts /tmp/prof/*.cpuprofile
// Phases: load (parseTopology), validate, compile, diagnose (the question mix), store (open + one write),
// digest (the first digest over `count` watched paths with the digest's own engine, compile included).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { z } from 'zod';
import { diagnose } from '../src/answer/diagnose.js';
import { summarize } from '../src/digest/changes.js';
import { checkWatches } from '../src/digest/check.js';
import { realEngine } from '../src/digest/default-engine.js';
import { openFileStore } from '../src/store/file-store.js';
import { putTopology } from '../src/store/topologies.js';
import { compileTopology } from '../src/topology/compile.js';
import { parseTopology, validateTopology } from '../src/topology/load.js';
import { BENCH_SIZES, generateQuestions, generateTopology, generateWatches, toQuestion } from './synthetic.js';

const argsSchema = z.object({
  size: z.enum(BENCH_SIZES).default('small'),
  phase: z.enum(['load', 'validate', 'compile', 'diagnose', 'store', 'digest']),
  count: z.coerce.number().int().min(1).default(2000),
});
const { values } = parseArgs({
  options: { size: { type: 'string' }, phase: { type: 'string' }, count: { type: 'string' } },
});
const args = argsSchema.parse(values);
const topology = generateTopology(args.size, 1);

const run = async (): Promise<void> => {
  switch (args.phase) {
    case 'load': {
      const text = stringify(topology);
      parseTopology(text);
      return;
    }
    case 'validate':
      validateTopology(JSON.parse(JSON.stringify(topology)));
      return;
    case 'compile':
      compileTopology(topology);
      return;
    case 'diagnose': {
      const compiled = compileTopology(topology);
      for (const q of generateQuestions(topology, args.count, 1)) {
        try {
          diagnose(compiled, toQuestion(q));
        } catch {
          // errors are counted by the benchmark, not here
        }
      }
      return;
    }
    case 'digest': {
      const watches = generateWatches(topology, args.count);
      const started = process.hrtime.bigint();
      summarize(checkWatches(watches, () => topology, realEngine()));
      process.stderr.write(`digest alone: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms\n`);
      return;
    }
    case 'store': {
      const dir = await mkdtemp(join(tmpdir(), 'reachbot-profile-'));
      const first = await openFileStore(join(dir, 'store.json'));
      await putTopology(first, { name: 'bench', topology, makeDefault: true });
      await first.close();
      const store = await openFileStore(join(dir, 'store.json'));
      await store.update((data) => {
        data.deliveries.profile = Date.now();
      });
      await store.close();
      await rm(dir, { recursive: true, force: true });
      return;
    }
  }
};

const start = process.hrtime.bigint();
await run();
process.stderr.write(
  `${args.phase} on ${args.size}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms\n`,
);
