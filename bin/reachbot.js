#!/usr/bin/env node
// The `reachbot` command. Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs through
// `prepare`) when it is at least as new as every source file, else the TypeScript sources through tsx (a
// runtime dependency), so an edited checkout never runs stale code and a fresh one starts fast. The compiled CLI
// is its bundle (dist/bundle/cli.cjs, one file instead of about 300 modules) when the build made one, run with the
// V8 code cache the build made beside it (src/runtime/code-cache.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
// The check is src/runtime/built-code.ts as built. A build older than the sources says so itself, whatever changed
// since, that check included: it compares the build's time with every source file's.
const check = new URL('dist/runtime/built-code.js', root);
const fresh = existsSync(check) && (await import(check.href)).isBuildFresh(root);
let cli;
let runtime;
if (fresh) {
  runtime = (name) => import(new URL(`dist/runtime/${name}.js`, root).href);
  const bundle = new URL('dist/bundle/cli.cjs', root);
  if (existsSync(bundle)) {
    const { loadWithCodeCache } = await runtime('code-cache');
    cli = loadWithCodeCache(fileURLToPath(bundle)).exports;
  } else cli = await import(new URL('dist/cli/main.js', root).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  runtime = (name) => import(new URL(`src/runtime/${name}.ts`, root).href);
  cli = await import(new URL('src/cli/main.ts', root).href);
}
await cli.main();
// Skip Node's heap teardown once the command has nothing left to do (src/runtime/exit-when-idle.ts).
const { exitWhenIdle } = await runtime('exit-when-idle');
await exitWhenIdle();
