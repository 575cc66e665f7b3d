// dist/ stands in for the sources (the sync's worker under vitest and tsx, `reachbot` from bin/) only when it was
// built after the last change to any source file.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isBuildFresh } from '../../src/runtime/built-code.js';

/** A checkout with src/a/b.ts and dist/.build-stamp at the given times (seconds). */
function checkout(times: { source: number; stamp?: number }): URL {
  const root = mkdtempSync(join(tmpdir(), 'reachbot-built-'));
  mkdirSync(join(root, 'src', 'a'), { recursive: true });
  writeFileSync(join(root, 'src', 'a', 'b.ts'), 'export {};\n');
  utimesSync(join(root, 'src', 'a', 'b.ts'), times.source, times.source);
  if (times.stamp !== undefined) {
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', '.build-stamp'), 'built\n');
    utimesSync(join(root, 'dist', '.build-stamp'), times.stamp, times.stamp);
  }
  return pathToFileURL(`${root}/`);
}

describe('isBuildFresh', () => {
  it('is true when the build is newer than every source file, even one in a subfolder', () => {
    expect(isBuildFresh(checkout({ source: 1_000, stamp: 2_000 }))).toBe(true);
  });

  it('is false when a source file changed after the build', () => {
    expect(isBuildFresh(checkout({ source: 3_000, stamp: 2_000 }))).toBe(false);
  });

  it('is false when nothing was built', () => {
    expect(isBuildFresh(checkout({ source: 1_000 }))).toBe(false);
  });
});
