// `npx tsx bench/measure-worst-cases.ts [--src <dir>] [--n 10000]`: validate (and compile when valid) each
// hostile document of bench/worst-cases.ts as JSON text, in a child process per case with a 1 GB heap and a
// 120 s limit, and print the text size, the time and the outcome. `--src` points at another checkout's src/
// to measure the code before a change. Not part of `npm run bench` (minutes on old code).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WORST_CASES } from './worst-cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { src: { type: 'string' }, n: { type: 'string' }, case: { type: 'string' } },
});
const src = resolve(values.src ?? join(here, '..', 'src'));
const n = Number(values.n ?? 10_000);

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
  console.log(`| case (n = ${n}) | JSON size | validate + compile | outcome |`);
  console.log('|---|---|---|---|');
  for (const name of Object.keys(WORST_CASES)) {
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=1024',
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--src',
        src,
        '--n',
        String(n),
        '--case',
        name,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status === 0 && line.startsWith('{')) {
      const r = JSON.parse(line) as { bytes: number; ms: number; ok: boolean; issues: number };
      console.log(
        `| ${name} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.ms.toFixed(0)} ms | ${r.ok ? 'valid' : `${r.issues} issues`} |`,
      );
    } else {
      const why =
        child.signal === 'SIGTERM'
          ? 'killed after 120 s'
          : /heap out of memory/.test(child.stderr)
            ? 'out of memory (1 GB heap)'
            : `exit ${child.status}`;
      console.log(`| ${name} | | | ${why} |`);
    }
  }
}
