// A child process of bench/run.ts for issue #15's figures (bench/measure-beyond.ts): writes its report as JSON.
//   --size=large --runs=5 --changes=100 --paths=1000 --out=FILE
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { measureBeyond } from './measure-beyond.js';
import { BENCH_SIZES } from './synthetic.js';

const names = ['size', 'runs', 'changes', 'paths', 'out'];
const { values } = parseArgs({ options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])) });
const args = z
  .object({
    size: z.enum(BENCH_SIZES),
    runs: z.coerce.number().int().min(1),
    changes: z.coerce.number().int().min(1),
    paths: z.coerce.number().int().min(1),
    out: z.string().min(1),
  })
  .parse(values);
const report = measureBeyond(args.size, { runs: args.runs, planChanges: args.changes, planPaths: args.paths });
await writeFile(args.out, JSON.stringify(report));
process.exit(0);
