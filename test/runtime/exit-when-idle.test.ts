import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/helpers.js';

const MODULE = pathToFileURL(join(import.meta.dirname, '../../src/runtime/exit-when-idle.ts')).href;

/** Run `body` (an ES module's text, `exitWhenIdle` imported) in a new Node process. */
function run(body: string) {
  const script = `import { exitWhenIdle } from ${JSON.stringify(MODULE)};\n${body}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    timeout: 30_000,
  });
}

describe('exitWhenIdle', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });

  it('exits with the exit code set, after pending file work and every byte of output', () => {
    const file = join(dir, 'out.txt');
    const child = run(`
      import { appendFile } from 'node:fs/promises';
      process.stdout.write('x'.repeat(4 << 20));
      // Work the event loop still has to do: 256 appends, one after another, not awaited.
      void (async () => {
        for (let i = 0; i < 256; i++) await appendFile(${JSON.stringify(file)}, 'y'.repeat(4096));
      })();
      process.exitCode = 3;
      process.on('exit', () => process.stderr.write('exit event\\n'));
      // As long as the appends take: a generous bound, so a slow machine changes nothing.
      await exitWhenIdle(10_000);
      process.stderr.write('not reached\\n');
    `);
    expect(child.status).toBe(3);
    expect(child.stdout.length).toBe(4 << 20);
    expect(readFileSync(file, 'utf8').length).toBe(256 * 4096);
    expect(child.stderr).toBe('exit event\n');
  });

  it('returns, leaving the process alone, while a timer is still to run', () => {
    const child = run(`
      setTimeout(() => process.stdout.write('timer ran\\n'), 300);
      await exitWhenIdle(50);
      process.stdout.write('returned\\n');
    `);
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('returned\ntimer ran\n');
  });
});
