// Running a CommonJS bundle with a V8 code cache. Node 20 compiles every ES module from source at each start (its
// module compile cache came in Node 22): for the `reachbot` command that was about a quarter of a small answer's
// time. A script compiled with cached data skips the parse, and the lazy compilation of every function the cache
// holds (the cache is written after a run, so it holds the functions that run used).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** What became of the cache: used, refused by V8 (another Node or other flags), not for this code or damaged, or none. */
export type CodeCacheOutcome = 'accepted' | 'rejected' | 'stale' | 'absent';

export interface CachedBundle {
  /** The bundle's `module.exports`. */
  readonly exports: Record<string, unknown>;
  readonly outcome: CodeCacheOutcome;
  /** Write the cache of everything compiled so far, replacing the file whole (a reader never sees half of it). */
  writeCache(): number;
}

/** The cache file beside `file`. */
export const cacheFileOf = (file: string): string => `${file}.cache`;

// V8 checks a cache against its own version, its flags and the source's length, not the source's content, and a
// release build does not verify the payload's checksum. So the file starts with a digest of the source it was made
// from (a rebuilt bundle never runs an older one's bytecode), then a digest of the payload (a damaged file is never
// deserialized), then V8's data.
const DIGEST_BYTES = 32;
const digestOf = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** Run the CommonJS file `file` as Node's loader would, compiled with its code cache when one matches. */
export function loadWithCodeCache(file: string): CachedBundle {
  // Hashed as read: hashing the string would encode 1.6 MB back to UTF-8 first.
  const bytes = readFileSync(file);
  const digest = digestOf(bytes);
  const source = bytes.toString('utf8');
  let cachedData: Buffer | undefined;
  let outcome: CodeCacheOutcome = 'absent';
  try {
    const cache = readFileSync(cacheFileOf(file));
    const payload = cache.subarray(2 * DIGEST_BYTES);
    const madeFrom = cache.subarray(0, DIGEST_BYTES);
    const intact = cache.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES).equals(digestOf(payload));
    if (payload.length > 0 && madeFrom.equals(digest) && intact) cachedData = payload;
    else outcome = 'stale';
  } catch {
    // No cache (or an unreadable one): compile from source, as Node would.
  }
  // Node's own CommonJS wrapper, so the bundle sees the same five names it would under require().
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cachedData) outcome = script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    outcome,
    writeCache() {
      const payload = script.createCachedData();
      const data = Buffer.concat([digest, digestOf(payload), payload]);
      const temporary = `${cacheFileOf(file)}.${process.pid}.tmp`;
      writeFileSync(temporary, data);
      renameSync(temporary, cacheFileOf(file));
      return data.length;
    },
  };
}
