// What the two first-digest benches share (measure-digest-after-start.ts, measure-digest-after-sync.ts; issue #16,
// item 7): their arguments, and where their figure goes (stdout, or the file `npm run bench` reads back).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BENCH_SIZES } from './synthetic.js';

/** The arguments of a first-digest bench: runs, watched paths, topology size, and an optional output file. */
export function digestBenchArgs() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      paths: { type: 'string' },
      size: { type: 'string' },
      out: { type: 'string' },
    },
  });
  return z
    .object({
      runs: z.coerce.number().int().min(1).default(3),
      paths: z.coerce.number().int().min(1).default(10_000),
      size: z.enum(BENCH_SIZES).default('large'),
      out: z.string().min(1).optional(),
    })
    .parse(values);
}

/** Print the figure, or write it to `out` for `npm run bench` to print with the others. */
export async function reportFigure(line: string, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, line);
  else process.stdout.write(line);
}
