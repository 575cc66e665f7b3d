// The Store on a JSON file, through lowdb 7 (`Low` + `DataFile` with a caching serializer; not JSONFilePreset, which silently
// keeps data in memory when NODE_ENV=test). One process writes: the writer holds `<path>.lock`.
// Writes are atomic (steno writes a temp file in the same directory, then renames it over the file).
// A file that cannot be read as a valid store is moved aside, never overwritten; a file from a newer
// reachbot is refused and left alone. See docs/STORE.md.
import { copyFile, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { emptyStoreData, SCHEMA_VERSION, type StoreData, type StoredTopology } from './data.js';
import { applyUpdate, checkStoreData, trustSealedEntry, withDefaultSections } from './document.js';
import { StoreLeaseLostError, StoreReadOnlyError, StoreVersionError } from './errors.js';
import { acquireLock, type Lock, type LockOptions } from './lock.js';
import { migrate, versionOf } from './migrations.js';
import { parseStoreText } from './parse.js';
import { sealOf, takeSeals } from './seal.js';
import { rememberJson, serializeStore } from './serialize.js';
import type { Store } from './store.js';

/** Where the store lives unless REACHBOT_STORE says otherwise (relative to the working directory). */
export const DEFAULT_STORE_FILE = 'data/reachbot.json';

/** The store path for an environment and working directory: REACHBOT_STORE, else data/reachbot.json. */
export function storePathFor(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const configured = env.REACHBOT_STORE?.trim();
  const path = configured ? configured : DEFAULT_STORE_FILE;
  return isAbsolute(path) ? path : resolve(cwd, path);
}

export interface OpenOptions {
  /** Take the single-writer lock and allow `update` (default true). Readers never lock or change the file. */
  readonly writer?: boolean;
  /** The clock, for migration timestamps and corrupt-file names. */
  readonly now?: () => Date;
  /** How the writer's lock lease is kept (renewal interval, clock, and who to tell about takeovers). */
  readonly lock?: LockOptions;
  /** Told how long each write took and whether it succeeded (metrics). */
  readonly onWrite?: (seconds: number, ok: boolean) => void;
}

/** A Store backed by a JSON file. */
export interface FileStore extends Store {
  readonly path: string;
  readonly writer: boolean;
  /** What happened on open that a person should know: a corrupt file moved aside, a migration applied. */
  readonly warnings: readonly string[];
  /** Renew the writer's lease now (a timer does it every 10 s); false for a reader or once the lease is lost. */
  renewLease(): Promise<boolean>;
  /** Wait for pending writes and release the lock. The store cannot be updated afterwards. */
  close(): Promise<void>;
}

/** Open (or create, on first write) the store at `path`. Throws StoreLockedError or StoreVersionError. */
export async function openFileStore(path: string, options: OpenOptions = {}): Promise<FileStore> {
  const file = resolve(path);
  const writer = options.writer ?? true;
  const now = options.now ?? (() => new Date());
  let lock: Lock | null = null;
  if (writer) {
    // lowdb does not create the parent directory (its first write fails with ENOENT).
    await mkdir(dirname(file), { recursive: true });
    lock = await acquireLock(file, options.lock);
  }
  try {
    const cleaned = writer ? await removeLeftoverTempFiles(file) : [];
    const loaded = await load(file, writer, now);
    if (cleaned.length) {
      loaded.warnings.push(
        `removed ${cleaned.length} temporary file(s) left by interrupted writes: ${cleaned.slice(0, 5).join(', ')}${cleaned.length > 5 ? ', ...' : ''}`,
      );
    }
    return new JsonFileStore(file, writer, loaded.db, loaded.warnings, lock, options.onWrite);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function load(
  file: string,
  writer: boolean,
  now: () => Date,
): Promise<{ db: Low<StoreData>; warnings: string[] }> {
  // The text of each stored topology as the file holds it, kept by the parse for the seal check below.
  let entryTexts: ReadonlyMap<string, string> = new Map();
  const adapter = new DataFile<StoreData>(file, {
    parse: (text) => {
      const parsed = parseStoreText(text);
      entryTexts = parsed.entryTexts;
      return parsed.document as StoreData;
    },
    stringify: serializeStore,
  });
  const db = new Low<StoreData>(adapter, emptyStoreData());
  const warnings: string[] = [];
  const exists = await stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (!exists) return { db, warnings };

  const corrupt = async (reason: string) => {
    db.data = emptyStoreData();
    if (!writer) {
      warnings.push(`the store ${file} is not usable (${reason}); reading it as empty (not moved: opened read-only)`);
      return;
    }
    const aside = `${file}.corrupt-${timestamp(now())}`;
    await rename(file, aside);
    warnings.push(`the store ${file} was not usable (${reason}); moved it aside to ${aside} and started empty`);
  };

  try {
    await db.read();
  } catch (error) {
    await corrupt(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return { db, warnings };
  }
  // Taken from the adapter's closure, which lives as long as the store: the texts hold the file's whole text.
  const texts = entryTexts;
  entryTexts = new Map();
  const raw: unknown = db.data;
  const version = versionOf(raw);
  if (version === null) {
    await corrupt('not a reachbot store document (no valid schemaVersion)');
    return { db, warnings };
  }
  if (version > SCHEMA_VERSION) throw new StoreVersionError(file, version, SCHEMA_VERSION);
  const seals = takeSeals(raw as Record<string, unknown>);
  if (version === SCHEMA_VERSION) trustSealedTopologies(raw as Record<string, unknown>, seals, texts);
  const { document, applied } = migrate(raw as Record<string, unknown>, now());
  const checked = checkStoreData(withDefaultSections(document));
  if (!checked.ok) {
    await corrupt(`invalid: ${checked.issues.slice(0, 3).join('; ')}${checked.issues.length > 3 ? '; ...' : ''}`);
    return { db, warnings };
  }
  db.data = checked.data;
  if (applied.length) {
    if (writer) {
      const backup = `${file}.v${version}-${timestamp(now())}`;
      await copyFile(file, backup);
      await db.write();
      warnings.push(
        `migrated the store from schema version ${version} to ${SCHEMA_VERSION} (the old file is kept as ${backup})`,
      );
    } else {
      warnings.push(
        `the store has schema version ${version}; read it as ${SCHEMA_VERSION} (it is migrated on the next write)`,
      );
    }
  }
  return { db, warnings };
}

/**
 * Mark the stored topologies whose JSON text hashes to the seal written with them as already validated, so the check
 * that follows skips them (the rest of the document is still checked). Anything else is validated in full.
 */
function trustSealedTopologies(
  document: Record<string, unknown>,
  seals: ReadonlyMap<string, string>,
  entryTexts: ReadonlyMap<string, string>,
): void {
  const topologies = document.topologies;
  if (seals.size === 0 || typeof topologies !== 'object' || topologies === null) return;
  for (const [name, entry] of Object.entries(topologies)) {
    const seal = seals.get(name);
    if (seal === undefined || typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    // The file's own text of the entry, which the entry was parsed from (parse.ts); else what JSON.stringify wrote,
    // as parsing and stringifying it again gives it back. Hashing the file's text saves serializing it again, and
    // hashes faster (a flat string).
    const json = entryTexts.get(name) ?? JSON.stringify(entry);
    if (sealOf(json) !== seal) continue;
    trustSealedEntry(entry);
    // The file's text of an entry is a slice of the whole file's, which stays in memory while an entry read from it
    // does: about what a serialization of its own would take (a copy would cost 50 ms of the start for 15 MB).
    rememberJson(entry as StoredTopology, json, seal);
  }
}

class JsonFileStore implements FileStore {
  #closed = false;
  #pending = new Set<Promise<void>>();

  constructor(
    readonly path: string,
    readonly writer: boolean,
    private readonly db: Low<StoreData>,
    readonly warnings: readonly string[],
    private readonly lock: Lock | null,
    private readonly onWrite?: (seconds: number, ok: boolean) => void,
  ) {}

  get data(): Readonly<StoreData> {
    return this.db.data;
  }

  update(mutate: (data: StoreData) => void): Promise<void> {
    if (!this.writer || this.#closed) return Promise.reject(new StoreReadOnlyError(this.path));
    if (this.lock?.lost) return Promise.reject(new StoreLeaseLostError(this.path, this.lock.lost));
    let next: StoreData;
    try {
      // Synchronous up to the swap, so concurrent updates apply one after another, none lost.
      next = applyUpdate(this.db.data, mutate);
    } catch (error) {
      return Promise.reject(error);
    }
    this.db.data = next;
    const started = process.hrtime.bigint();
    const write = this.db.write();
    if (this.onWrite) {
      const report = this.onWrite;
      const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
      write.then(
        () => report(elapsed(), true),
        () => report(elapsed(), false),
      );
    }
    this.#pending.add(write);
    return write.finally(() => this.#pending.delete(write));
  }

  async renewLease(): Promise<boolean> {
    return this.#closed || !this.lock ? false : this.lock.renew();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#pending]);
    await this.lock?.release();
  }
}

/**
 * Delete what interrupted writes leave beside the store: steno's `.<name>.tmp` and a lock moved aside
 * during a takeover (`<name>.lock.stale-*`). Only the writer, holding the lock, does this, so no write of
 * another process can be in progress. Returns the names removed.
 */
export async function removeLeftoverTempFiles(file: string): Promise<string[]> {
  const name = basename(file);
  const leftovers = (await readdir(dirname(file))).filter(
    (entry) => entry === `.${name}.tmp` || entry.startsWith(`.${name}.tmp-`) || entry.startsWith(`${name}.lock.stale-`),
  );
  const removed: string[] = [];
  for (const entry of leftovers) {
    try {
      await unlink(join(dirname(file), entry));
      removed.push(entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

/** A timestamp safe in file names on every OS: 2024-01-04T03-00-00-000Z. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
