// Wall time of several commands run alternately, one process per run: on a noisy machine only figures taken side by
// side compare. Each command is a space-separated command line; the arguments after `--` are added to every one.
// A run that ends with a status other than 0, 1 or 3 (reachbot's verdicts) stops the comparison.
//   npx tsx bench/compare-commands.ts --runs=15 'node /tmp/before/bin/reachbot.js' 'node bin/reachbot.js' -- --version
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { quantile } from './stats.js';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '10' } },
  allowPositionals: true,
});
const split = process.argv.indexOf('--');
const shared = split === -1 ? [] : process.argv.slice(split + 1);
const commands = positionals.slice(0, positionals.length - shared.length).map((line) => line.split(' '));
if (commands.length === 0) throw new Error("usage: compare-commands.ts [--runs=N] 'command' ... [-- args]");

const times = commands.map((): number[] => []);
for (let run = 0; run < Number(values.runs); run += 1) {
  commands.forEach(([program = 'node', ...args], index) => {
    const started = performance.now();
    const child = spawnSync(program, [...args, ...shared], { encoding: 'utf8', maxBuffer: 64 << 20 });
    times[index]?.push(performance.now() - started);
    if (![0, 1, 3].includes(child.status ?? -1))
      throw new Error(`${program} ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(0, 300)}`);
  });
}
commands.forEach((command, index) => {
  const ms = (q: number) => Math.round(quantile(times[index] ?? [], q));
  process.stdout.write(`${command.join(' ')}: min ${ms(0)} ms, q1 ${ms(0.25)} ms, median ${ms(0.5)} ms\n`);
});
