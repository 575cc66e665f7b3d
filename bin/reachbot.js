#!/usr/bin/env node
// The `reachbot` command. Runs the compiled CLI when there is one (dist/, from `tsc -p tsconfig.build.json`),
// else the TypeScript sources through tsx (a runtime dependency), so a checkout works without a build.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let cli;
if (existsSync(compiled)) {
  cli = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
await cli.main();
