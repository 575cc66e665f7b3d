// Bundles the compiled CLI (dist/cli/main.js), the bot (dist/main.js) and the sync validation worker into
// dist/bundle/: the code the `reachbot` command and the container image run. Node 20 loads about 300 ES modules for
// one command (zod alone is 95 files), which cost about half a second of every invocation and of every bot start;
// one bundle loads in a fraction of that (BENCHMARKS.md, "CLI start" and "bot start").
// Run by `npm run build` after tsc. Modules loaded only by some commands (the Kubernetes client) stay in chunks of
// their own, loaded when imported.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

// Chunk names carry a hash of their content: a previous build's chunks would stay beside the new ones.
await rm('dist/bundle', { recursive: true, force: true });

await build({
  // Named entries: dist/bundle/cli.js, dist/bundle/main.js (the bot; its start check compares its own file with the
  // script node runs, so its code must stay in the entry, which it does as nothing else imports it), and the worker
  // beside them where src/sync/prepare.ts looks for it. Shared code goes to chunks in the same directory, two
  // levels below the package root as src/cli/paths.ts expects.
  entryPoints: { cli: 'dist/cli/main.js', main: 'dist/main.js', 'prepare-worker': 'dist/sync/prepare-worker.js' },
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
