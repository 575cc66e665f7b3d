// Whether the compiled dist/ can stand in for the TypeScript sources: it exists and is at least as new as every
// source file. bin/reachbot.js and bin/start.js run this module as built (dist/runtime/built-code.js): a build older
// than the sources gives the right answer too, as any change to the sources, this file included, is newer than it.
import { existsSync, readdirSync, statSync } from 'node:fs';

/** The newest modification time (ms) of any file under `dir`. */
function newestFile(dir: URL): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `root`/dist was built after the last change under `root`/src (`root` is the checkout, ending in '/'). */
export function isBuildFresh(root: URL): boolean {
  const stamp = new URL('dist/.build-stamp', root);
  const sources = new URL('src/', root);
  if (!existsSync(stamp)) return false;
  return !existsSync(sources) || statSync(stamp).mtimeMs >= newestFile(sources);
}
