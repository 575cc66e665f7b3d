// Run the CLI in-process with captured output and a store in a temp directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temp working directory whose store is `<dir>/store/reachbot.json`. */
export async function workspace(): Promise<{ dir: string; run: (...argv: string[]) => Promise<Run>; store: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-cli-'));
  dirs.push(dir);
  const store = join(dir, 'store', 'reachbot.json');
  return { dir, store, run: (...argv) => runIn(dir, { REACHBOT_STORE: store }, argv) };
}

/** Run `reachbot argv` in `cwd` with `env`. */
export async function runIn(cwd: string, env: Record<string, string>, argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
