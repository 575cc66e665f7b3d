import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cacheFileOf, loadWithCodeCache } from '../../src/runtime/code-cache.js';
import { tempDir } from '../store/helpers.js';

// A CommonJS module that uses what Node's wrapper gives it: exports, require, __filename and __dirname.
const SOURCE = `const { basename } = require('node:path');
exports.answer = (n) => n * 2;
exports.where = { file: basename(__filename), dir: __dirname };
module.exports.loaded = true;
`;

const MODULE = join(import.meta.dirname, '../../src/runtime/code-cache.ts');

/** The outcome and the answer of loading `file` in a new process: V8 would serve a script it compiled already in this one from its own memory, whatever the cache. */
function loadInFreshProcess(file: string): { outcome: string; answer: number } {
  const script = `import { loadWithCodeCache } from ${JSON.stringify(pathToFileURL(MODULE).href)};
const loaded = loadWithCodeCache(${JSON.stringify(file)});
console.log(JSON.stringify({ outcome: loaded.outcome, answer: loaded.exports.answer(21) }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { outcome: string; answer: number };
}

describe('loadWithCodeCache', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir, 'bundle.cjs');
    writeFileSync(file, SOURCE);
  });

  const answer = (exports: Record<string, unknown>) => (exports.answer as (n: number) => number)(21);

  it('runs the file as CommonJS without a cache, and says there was none', () => {
    const loaded = loadWithCodeCache(file);
    expect(loaded.outcome).toBe('absent');
    expect(answer(loaded.exports)).toBe(42);
    expect(loaded.exports.where).toEqual({ file: 'bundle.cjs', dir });
    expect(loaded.exports.loaded).toBe(true);
  });

  it('uses the cache a previous run wrote, and leaves no temporary file', () => {
    const first = loadWithCodeCache(file);
    answer(first.exports);
    expect(first.writeCache()).toBeGreaterThan(32);
    expect(readdirSync(dir).sort()).toEqual(['bundle.cjs', 'bundle.cjs.cache']);
    expect(loadInFreshProcess(file)).toEqual({ outcome: 'accepted', answer: 42 });
  });

  it('ignores a cache made from other code, even of the same length', () => {
    loadWithCodeCache(file).writeCache();
    // Same length, other behaviour: V8's own check (length, version, flags) would take this cache.
    const changed = SOURCE.replace('n * 2', 'n * 3');
    expect(changed.length).toBe(SOURCE.length);
    writeFileSync(file, changed);
    const loaded = loadWithCodeCache(file);
    expect(loaded.outcome).toBe('stale');
    expect(answer(loaded.exports)).toBe(63);
  });

  it('never hands V8 a damaged cache (a release V8 does not check its payload)', () => {
    loadWithCodeCache(file).writeCache();
    const cache = readFileSync(cacheFileOf(file));
    cache.fill(0x5a, cache.length - 40, cache.length - 8);
    writeFileSync(cacheFileOf(file), cache);
    const loaded = loadWithCodeCache(file);
    expect(loaded.outcome).toBe('stale');
    expect(answer(loaded.exports)).toBe(42);
  });

  it('compiles from source when V8 refuses the cache (made by another V8, or under other flags)', () => {
    loadWithCodeCache(file).writeCache();
    const cache = readFileSync(cacheFileOf(file));
    // An intact file whose V8 header does not match: the digests are right, V8's magic number is not.
    const payload = Buffer.from(cache.subarray(64));
    payload.fill(0, 0, 8);
    const digest = (data: Buffer) => createHash('sha256').update(data).digest();
    writeFileSync(cacheFileOf(file), Buffer.concat([cache.subarray(0, 32), digest(payload), payload]));
    expect(loadInFreshProcess(file)).toEqual({ outcome: 'rejected', answer: 42 });
  });

  it('treats a truncated cache as stale', () => {
    writeFileSync(cacheFileOf(file), Buffer.alloc(10));
    expect(loadWithCodeCache(file).outcome).toBe('stale');
  });

  it('throws the file system error when the bundle itself is missing', () => {
    expect(() => loadWithCodeCache(join(dir, 'missing.cjs'))).toThrow(/ENOENT/);
    expect(existsSync(cacheFileOf(join(dir, 'missing.cjs')))).toBe(false);
  });
});
