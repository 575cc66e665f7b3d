// Bundles the compiled CLI (dist/cli/main.js), the bot (dist/main.js) and the sync validation worker into
// dist/bundle/: the code the `reachbot` command and the container image run. Node 20 loads about 300 ES modules for
// one command (zod alone is 95 files), which cost about half a second of every invocation and of every bot start;
// one bundle loads in a fraction of that (BENCHMARKS.md, "CLI start" and "bot start").
// Run by `npm run build` after tsc. The Kubernetes client, which only `--kubernetes` syncs and `import kubernetes` use, is loaded when first
// used: from a chunk of its own for the bot, from node_modules for the CLI.
//
// The CLI is one CommonJS file, dist/bundle/cli.cjs, run by bin/reachbot.js with a V8 code cache
// (src/runtime/code-cache.ts): Node 20 has no compile cache for ES modules. The cache is made here, after the CLI has
// answered the sample topology's question, so it holds the functions an answer runs.
//   node scripts/bundle.mjs           bundle, then make the CLI's code cache in a child process
//   node scripts/bundle.mjs --warm    (that child) run the CLI quietly and write its code cache
//   node scripts/bundle.mjs --check   (a second child) print whether a fresh process uses that cache
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { load as loadYaml } from 'js-yaml';

const CLI = 'dist/bundle/cli.cjs';
const SAMPLE = 'data/sample.yaml';

if (process.argv[2] === '--warm') await warm();
else if (process.argv[2] === '--check') await checkCache();
else await bundle();

async function bundle() {
  // Chunk names carry a hash of their content: a previous build's chunks would stay beside the new ones.
  await rm('dist/bundle', { recursive: true, force: true });

  await build({
    // Named entries: dist/bundle/main.js (the bot; its start check compares its own file with the script node runs,
    // so its code must stay in the entry, which it does as nothing else imports it), and the worker beside it where
    // src/sync/prepare.ts looks for it. Shared code goes to chunks in the same directory, two levels below the
    // package root as src/cli/paths.ts expects.
    entryPoints: { main: 'dist/main.js', 'prepare-worker': 'dist/sync/prepare-worker.js' },
    outdir: 'dist/bundle',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // Some dependencies are CommonJS and call require() for Node's own modules: an ES module bundle has none.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
  });

  await build({
    entryPoints: ['dist/cli/main.js'],
    outfile: CLI,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // The Kubernetes client (6 MB, for `--kubernetes` syncs and `import kubernetes`) is required from node_modules
    // when first used: bundled, every command would read it.
    external: ['@kubernetes/client-node'],
    // The sources locate files from their own module URL; in CommonJS that is the bundle's file.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });

  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--warm'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Without a cache the CLI still runs, only slower to start: say so, do not fail the build.
  if (child.status !== 0) {
    console.warn(`reachbot: no code cache for ${CLI} (exit ${child.status}); the CLI starts slower`);
    return;
  }
  // V8 refuses a cache made under other flags or by another V8 without a word: a fresh process, as the command
  // starts, says whether this one is used.
  const check = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--check'], { encoding: 'utf8' });
  if (check.stdout !== 'accepted')
    console.warn(
      `reachbot: the code cache for ${CLI} is not used (${check.stdout || check.stderr}); the CLI starts slower`,
    );
}

async function checkCache() {
  const { loadWithCodeCache } = await import(pathToFileURL(resolve('dist/runtime/code-cache.js')).href);
  process.stdout.write(loadWithCodeCache(resolve(CLI)).outcome);
}

async function warm() {
  const { loadWithCodeCache } = await import(pathToFileURL(resolve('dist/runtime/code-cache.js')).href);
  const cli = loadWithCodeCache(resolve(CLI));
  const quiet = { write: () => true };
  const io = { stdout: quiet, stderr: quiet, env: { NO_COLOR: '1', LC_ALL: 'C' }, cwd: process.cwd() };
  // An answer in words and one as JSON; without the sample (a build that copied only the sources), the help. The
  // JSON answer reads the sample as a JSON text padded past the size from which zod's compiled parser is generated,
  // so the generator is in the cache too: a large file needs it.
  if (!existsSync(SAMPLE)) await cli.exports.runCli(['--help'], io);
  else {
    const { COMPILED_FROM_CHARS } = await import(pathToFileURL(resolve('dist/topology/load.js')).href);
    const dir = await mkdtemp(join(tmpdir(), 'reachbot-warm-'));
    try {
      const large = join(dir, 'sample.json');
      await writeFile(
        large,
        JSON.stringify(loadYaml(await readFile(SAMPLE, 'utf8'))) + ' '.repeat(COMPILED_FROM_CHARS),
      );
      await cli.exports.runCli(['ask', 'can pod in prod reach db1?', '--topology', SAMPLE], io);
      await cli.exports.runCli(['ask', 'can pod in prod reach 192.168.10.52?', '--topology', large, '--json'], io);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const bytes = cli.writeCache();
  console.error(`reachbot: code cache for ${CLI}, ${Math.round(bytes / 1024)} KB`);
}
