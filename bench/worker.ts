// A child process of bench/run.ts: runs one measurement task and writes its report as JSON to a file, so that
// each task's peak memory is its own and product logging on stdout cannot corrupt the report.
//   --task=size   load, validate, compile, diagnose, digest, store for one topology size (bench/measure-topology.ts)
//   --task=serve  the serving path alone, from a store file (bench/measure-serve.ts)
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { measureServe } from './measure-serve.js';
import { measureSize } from './measure-topology.js';
import { BENCH_SIZES } from './synthetic.js';

const common = {
  size: z.enum(BENCH_SIZES),
  out: z.string().min(1),
  seed: z.coerce.number().int(),
  'digest-watches': z.coerce.number().int().min(1),
};
const argsSchema = z.discriminatedUnion('task', [
  z.object({
    task: z.literal('size'),
    ...common,
    file: z.string().min(1),
    'load-repeats': z.coerce.number().int().min(1),
    warmup: z.coerce.number().int().min(0),
    samples: z.coerce.number().int().min(1),
  }),
  z.object({ task: z.literal('serve'), ...common, store: z.string().min(1), samples: z.coerce.number().int().min(1) }),
]);

const names = ['task', 'size', 'out', 'seed', 'digest-watches', 'file', 'load-repeats', 'warmup', 'samples', 'store'];
const { values } = parseArgs({ options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])) });
const args = argsSchema.parse(values);
const report =
  args.task === 'size'
    ? await measureSize({
        size: args.size,
        file: args.file,
        seed: args.seed,
        loadRepeats: args['load-repeats'],
        warmup: args.warmup,
        samples: args.samples,
        digestWatches: args['digest-watches'],
      })
    : await measureServe({
        size: args.size,
        storePath: args.store,
        seed: args.seed,
        questions: args.samples,
        digestWatches: args['digest-watches'],
      });
await writeFile(args.out, JSON.stringify(report));
// Product modules may keep timers or sockets open; the report is written, so leave now.
process.exit(0);
