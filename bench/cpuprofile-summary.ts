// Summarize a V8 .cpuprofile (from node --cpu-prof): the functions with the most self time, with their files.
//   npx tsx bench/cpuprofile-summary.ts /tmp/prof/*.cpuprofile   (several files are merged; TOP=40 for more rows)
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: cpuprofile-summary.ts FILE.cpuprofile...');
const top = Number(process.env.TOP ?? 30);
const byFunction = new Map<string, number>();
/** Inclusive time: a function's own samples plus those of everything it called (recursion counted once). */
const inclusive = new Map<string, number>();
for (const file of files) {
  const profile = profileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const keyOf = new Map<number, string>();
  const children = new Map<number, number[]>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
    const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
    keyOf.set(node.id, key);
    children.set(node.id, node.children ?? []);
    byFunction.set(key, (byFunction.get(key) ?? 0) + (selfUs.get(node.id) ?? 0));
  }
  const root = profile.nodes[0]?.id;
  const visit = (id: number, onStack: Set<string>): number => {
    const key = keyOf.get(id) ?? '?';
    let total = selfUs.get(id) ?? 0;
    const nested = onStack.has(key);
    if (!nested) onStack.add(key);
    for (const child of children.get(id) ?? []) total += visit(child, onStack);
    if (!nested) {
      onStack.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + total);
    }
    return total;
  };
  if (root !== undefined) visit(root, new Set());
}
const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms\n\nself time:\n`);
for (const [key, us] of [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  process.stdout.write(
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}\n`,
  );
}
process.stdout.write('\ninclusive time (repository code):\n');
for (const [key, us] of [...inclusive.entries()]
  .filter(([key]) => key.includes('./src/') || key.includes('./bench/'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  process.stdout.write(
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}\n`,
  );
}
