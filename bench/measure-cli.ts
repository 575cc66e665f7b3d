// The CLI's cold start: a fresh `node bin/reachbot.js ask "<question>" --json` process answering one question on
// the sample topology, from spawn to exit. bin/reachbot.js runs the compiled dist/ when its build stamp is newer
// than every source file, else the TypeScript through tsx; both are measured, in a temporary copy of the
// repository (bin/, src/, package.json, a node_modules link, dist/ built there), never touching the repository's
// own dist/. Each run's JSON output is checked, so a crash cannot pass for an answer. The first run of each is
// discarded (it fills the OS file cache).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTopology } from '../src/topology/load.js';
import { median, msSince } from './stats.js';

export interface CliTiming {
  readonly runs: readonly number[];
  readonly medianMs: number;
  /** Exit statuses seen (0 reachable, 1 unreachable, 3 uncertain; 2 would mean the question was not understood). */
  readonly exitCodes: readonly number[];
}

export interface CliReport {
  readonly command: string;
  /** bin/reachbot.js without a fresh build: TypeScript through tsx. */
  readonly checkout: CliTiming;
  /** bin/reachbot.js over a fresh build (`npm run build`: tsc, the bundle, dist/.build-stamp); the reason when it failed. */
  readonly built: CliTiming | { readonly error: string };
}

const verdictExit: Record<string, number> = { reachable: 0, unreachable: 1, uncertain: 3 };

/** A question about the sample topology: its first cluster and first resource. */
export function sampleQuestion(root: string): string {
  const parsed = parseTopology(readFileSync(join(root, 'data/sample.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error(`data/sample.yaml does not validate: ${JSON.stringify(parsed.issues[0])}`);
  const cluster = parsed.topology.clusters?.[0]?.name;
  const resource = parsed.topology.resources?.[0];
  if (!cluster || !resource) throw new Error('data/sample.yaml needs a cluster and a resource');
  const port = resource.ports?.[0]?.port;
  return port
    ? `can pod in ${cluster} reach ${resource.name} on ${port}?`
    : `can pod in ${cluster} reach ${resource.name}?`;
}

function runOnce(
  cwd: string,
  command: string,
  args: readonly string[],
): Promise<{ ms: number; code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: msSince(start), code: code ?? -1, stdout, stderr }));
  });
}

/** The verdict of a `--json` answer whose exit status matches it; throws on anything else (a crash, a usage error). */
function checkedVerdict(run: { code: number; stdout: string; stderr: string }): string {
  let verdict: unknown;
  try {
    verdict = (JSON.parse(run.stdout) as { verdict?: unknown }).verdict;
  } catch {
    verdict = undefined;
  }
  if (typeof verdict !== 'string' || verdictExit[verdict] !== run.code) {
    const why = run.stderr.trim().split('\n').slice(0, 5).join(' / ');
    throw new Error(`reachbot ask exited ${run.code} without a matching --json verdict: ${why}`);
  }
  return verdict;
}

async function timeCli(binDir: string, args: readonly string[], runs: number): Promise<CliTiming> {
  const bin = join(binDir, 'bin/reachbot.js');
  await runOnce(binDir, process.execPath, [bin, ...args]);
  const times: number[] = [];
  const codes = new Set<number>();
  for (let i = 0; i < runs; i++) {
    const run = await runOnce(binDir, process.execPath, [bin, ...args]);
    checkedVerdict(run);
    times.push(run.ms);
    codes.add(run.code);
  }
  return { runs: times, medianMs: median(times), exitCodes: [...codes] };
}

/** A temporary copy laid out like the repository (bin/, src/, package.json, node_modules link), built there. */
async function buildCopy(root: string): Promise<{ dir: string; built: boolean; error?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-bench-cli-'));
  await cp(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  await cp(join(root, 'src'), join(dir, 'src'), { recursive: true });
  await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
  // The bundler answers the sample topology's question once, to make the CLI's code cache.
  await cp(join(root, 'data/sample.yaml'), join(dir, 'data/sample.yaml'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // The repository's `npm run build`, with the output redirected into the copy.
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const build = await runOnce(root, process.execPath, [
    tsc,
    '-p',
    'tsconfig.build.json',
    '--outDir',
    join(dir, 'dist'),
  ]);
  if (build.code !== 0 || !existsSync(join(dir, 'dist/cli/main.js'))) {
    return {
      dir,
      built: false,
      error: `tsc -p tsconfig.build.json failed (exit ${build.code}); built cold start not measured`,
    };
  }
  // Then the bundle the `reachbot` command runs (scripts/bundle.mjs reads dist/ under its working directory).
  const bundle = await runOnce(dir, process.execPath, [join(root, 'scripts/bundle.mjs')]);
  if (bundle.code !== 0 || !existsSync(join(dir, 'dist/bundle/cli.cjs'))) {
    return {
      dir,
      built: false,
      error: `scripts/bundle.mjs failed (exit ${bundle.code}); built cold start not measured`,
    };
  }
  await writeFile(join(dir, 'dist/.build-stamp'), new Date().toISOString());
  return { dir, built: true };
}

/** Time `runs` cold starts of the CLI answering one question, built and from source; null before the CLI exists. */
export async function measureCli(root: string, runs: number): Promise<CliReport | null> {
  const sample = join(root, 'data/sample.yaml');
  if (!existsSync(join(root, 'bin/reachbot.js')) || !existsSync(sample)) return null;
  const question = sampleQuestion(root);
  const args = ['ask', question, '--topology', sample, '--json'];
  const copy = await buildCopy(root);
  try {
    let built: CliReport['built'];
    if (copy.built) built = await timeCli(copy.dir, args, runs);
    else built = { error: copy.error ?? 'build failed' };
    // Without a build stamp the bin falls back to the TypeScript sources through tsx.
    await rm(join(copy.dir, 'dist'), { recursive: true, force: true });
    const checkout = await timeCli(copy.dir, args, runs);
    return { command: `node bin/reachbot.js ask "${question}" --topology data/sample.yaml --json`, checkout, built };
  } finally {
    await rm(copy.dir, { recursive: true, force: true });
  }
}
