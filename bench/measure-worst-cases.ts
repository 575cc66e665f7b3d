// `npx tsx bench/measure-worst-cases.ts [--n 10000] [--before <other checkout's src/>] [--repeat 3]`: parse,
// validate (and compile when valid) each hostile document of bench/worst-cases.ts as JSON text, in a child process
// per case with a 1 GB heap and a 60 s limit; print the text size, the best time of `--repeat` runs and the outcome.
// With `--before`, each case is measured there right after here, so both see the same machine load. Not part of
// `npm run bench` (minutes against the old code).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WORST_CASES } from './worst-cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    src: { type: 'string' },
    before: { type: 'string' },
    n: { type: 'string' },
    repeat: { type: 'string' },
    case: { type: 'string' },
  },
});
const src = resolve(values.src ?? join(here, '..', 'src'));
const n = Number(values.n ?? 10_000);
const repeat = Number(values.repeat ?? 3);

if (values.case) {
  // Child: one case.
  const { parseTopology } = await import(join(src, 'topology/load.ts'));
  const { compileTopology } = await import(join(src, 'topology/compile.ts'));
  const text = JSON.stringify(WORST_CASES[values.case]!(n));
  const started = performance.now();
  const result = parseTopology(text);
  if (result.ok) compileTopology(result.topology);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ bytes: text.length, ms, ok: result.ok, issues: result.ok ? 0 : result.issues.length }));
} else {
  const measure = (name: string, from: string): string => {
    let best: { bytes: number; ms: number; ok: boolean; issues: number } | undefined;
    for (let i = 0; i < repeat; i++) {
      const child = spawnSync(
        process.execPath,
        [
          '--max-old-space-size=1024',
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--src',
          from,
          '--n',
          String(n),
          '--case',
          name,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      const line = child.stdout.trim().split('\n').at(-1) ?? '';
      if (child.status !== 0 || !line.startsWith('{')) {
        return child.signal === 'SIGTERM'
          ? 'killed after 60 s'
          : /heap out of memory/.test(child.stderr)
            ? 'out of memory (1 GB heap)'
            : `exit ${child.status}`;
      }
      const run = JSON.parse(line) as { bytes: number; ms: number; ok: boolean; issues: number };
      if (!best || run.ms < best.ms) best = run;
    }
    return best ? `${best.ms.toFixed(0)} ms (${best.ok ? 'valid' : `${best.issues} issues`})` : '';
  };
  const sizeOf = (name: string) => `${(JSON.stringify(WORST_CASES[name]!(n)).length / 1024).toFixed(0)} KB`;
  console.log(`| case (n = ${n}) | JSON size |${values.before ? ' before |' : ''} after |`);
  console.log(`|---|---|${values.before ? '---|' : ''}---|`);
  for (const name of Object.keys(WORST_CASES)) {
    const after = measure(name, src);
    const before = values.before ? ` ${measure(name, resolve(values.before))} |` : '';
    console.log(`| ${name} | ${sizeOf(name)} |${before} ${after} |`);
  }
}
