#!/usr/bin/env node
// `npm start`: the bot (src/main.ts). Runs its bundle (dist/bundle/main.js, loaded in about half a second) when the
// build is at least as new as every source file (dist/main.js if the build made no bundle), else the TypeScript
// sources through tsx (a few seconds), as the `reachbot` command does (bin/reachbot.js).
import { existsSync } from 'node:fs';

const root = new URL('../', import.meta.url);
// As in bin/reachbot.js: src/runtime/built-code.ts as built decides whether the build is fresh.
const check = new URL('dist/runtime/built-code.js', root);
let bot;
if (existsSync(check) && (await import(check.href)).isBuildFresh(root)) {
  const bundle = new URL('dist/bundle/main.js', root);
  bot = await import((existsSync(bundle) ? bundle : new URL('dist/main.js', root)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  bot = await import(new URL('src/main.ts', root).href);
}
await bot.runProcess();
