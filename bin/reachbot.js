#!/usr/bin/env node
// The `reachbot` command. Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs through
// `prepare`) when it is at least as new as every source file, else the TypeScript sources through tsx (a
// runtime dependency), so an edited checkout never runs stale code and a fresh one starts fast. The compiled CLI
// is its bundle (dist/bundle/cli.cjs, one file instead of about 300 modules) when the build made one, run with the
// V8 code cache the build made beside it (src/runtime/code-cache.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const stamp = new URL('dist/.build-stamp', root);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = new URL('src/', root);
// A container image ships dist/ without src/: nothing can be newer than the build there.
const fresh = existsSync(stamp) && (!existsSync(sources) || statSync(stamp).mtimeMs >= newestSource(sources));
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
