// CPU time of a first digest's walks on the large synthetic topology, each walk stopped at its first blocker as the
// digest engine does: worded (verdict, first fix and reason for doubt in words, what digests did before) against
// wordless (the verdict pass digests now make, words only for the lines shown), alternating, each on a fresh compile
// (issue #16, item 7):
//   npx tsx bench/digest-walks.ts [--paths=10000] [--rounds=4]
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { diagnose } from '../src/answer/diagnose.js';
import { detailsOf, verdictOf } from '../src/digest/check.js';
import { compileTopology } from '../src/topology/compile.js';
import { generateQuestions, generateTopology, toQuestion } from './synthetic.js';

const { values } = parseArgs({ options: { paths: { type: 'string' }, rounds: { type: 'string' } } });
const args = z
  .object({
    paths: z.coerce.number().int().min(1).default(10_000),
    rounds: z.coerce.number().int().min(1).default(4),
  })
  .parse(values);
const topology = generateTopology('large', 1);
const questions = generateQuestions(topology, args.paths, 1).map(toQuestion);
const cpuMs: Record<'worded' | 'wordless', number[]> = { worded: [], wordless: [] };
for (let round = 0; round < args.rounds; round++) {
  const order = round % 2 ? (['wordless', 'worded'] as const) : (['worded', 'wordless'] as const);
  for (const mode of order) {
    const compiled = compileTopology(topology);
    const before = process.cpuUsage();
    for (const question of questions) {
      try {
        const result = diagnose(compiled, question, {
          verifyFixes: false,
          stopAtFirstBlocker: true,
          nameObjects: false,
          words: mode === 'worded',
        });
        verdictOf(result);
        if (mode === 'worded') detailsOf(result);
      } catch {
        // A question the topology cannot answer costs what it costs; the digest keeps its reason.
      }
    }
    const used = process.cpuUsage(before);
    cpuMs[mode].push(Math.round((used.user + used.system) / 1000));
  }
}
process.stdout.write(
  `CPU ms per ${args.paths} walks, by round: worded ${cpuMs.worded.join(' / ')}; wordless ${cpuMs.wordless.join(' / ')}\n`,
);
