// The single-writer lock, held as a lease: `<store>.lock` names the writer (pid, host, a random token) and
// its modification time is the lease, renewed by the holder on an interval. Created with O_EXCL so exactly
// one process wins. A lock is stale, and taken over, when its writer is a dead pid on this host, or when
// its lease has not been renewed for `staleAfterMs`, whatever host wrote it (a pod replaced on another node
// with the same volume). A holder that finds its lock taken over has lost it and must stop writing.
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StoreLockedError } from './errors.js';

/** How often the holder renews its lease by default. */
export const DEFAULT_RENEW_MS = 10_000;
/** A lease not renewed for this many renewal intervals is stale. */
export const STALE_INTERVALS = 3;

/** A held lock; release it when the store closes (it is also released if the process exits normally). */
export interface Lock {
  readonly path: string;
  /** Set once another writer took the lock over; the store must not be written after that. */
  readonly lost: string | undefined;
  /** Renew the lease now; false (and `lost` set) when the lock is no longer ours. */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export interface LockOptions {
  /** The lease clock in ms (the holder stamps it, others compare against theirs); Date.now by default. */
  readonly now?: () => number;
  /** Renewal interval; 0 = no timer (the caller renews). */
  readonly renewEveryMs?: number;
  /** A lease older than this is stale; STALE_INTERVALS renewal intervals by default. */
  readonly staleAfterMs?: number;
  /** The host name written into the lock (tests stand in for another node). */
  readonly host?: string;
  /** Told, in words, when a stale lock of another writer is taken over. */
  readonly onTakeover?: (message: string) => void;
  /** Told when a renewal finds the lock taken over by another writer. */
  readonly onLost?: (message: string) => void;
}

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly token?: string;
}

/** Locks this process holds, by lock path: a second open in the same process is contention too. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/** Take the lock for `storePath`, or throw StoreLockedError naming the holder. */
export async function acquireLock(storePath: string, options: LockOptions = {}): Promise<Lock> {
  const lockPath = `${storePath}.lock`;
  const now = options.now ?? Date.now;
  const renewEveryMs = options.renewEveryMs ?? DEFAULT_RENEW_MS;
  const staleAfterMs = options.staleAfterMs ?? STALE_INTERVALS * (renewEveryMs || DEFAULT_RENEW_MS);
  const host = options.host ?? hostname();
  if (held.has(lockPath)) throw new StoreLockedError(storePath, process.pid);
  const token = randomUUID();
  const content = `${JSON.stringify({ pid: process.pid, host, since: new Date(now()).toISOString(), token })}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(lockPath, content, now())) {
      held.set(lockPath, content);
      installExitHook();
      return holdLease(lockPath, content, { now, renewEveryMs, ...options });
    }
    let existing = await readLock(lockPath);
    if (existing === 'missing') continue;
    if (existing === 'unreadable') {
      // Possibly being written right now by a process that just won the race: look again shortly.
      await new Promise((resolve) => setTimeout(resolve, 25 * (attempt + 1)));
      existing = await readLock(lockPath);
      if (existing === 'missing') continue;
      if (existing === 'unreadable') {
        await removeIfUnchanged(lockPath, null);
        continue;
      }
    }
    const ageMs = now() - existing.mtimeMs;
    const stale = staleness(existing.content, host, ageMs, staleAfterMs);
    if (!stale) {
      throw new StoreLockedError(
        storePath,
        existing.content.pid,
        existing.content.host === host ? undefined : { host: existing.content.host, renewedMsAgo: ageMs, staleAfterMs },
      );
    }
    if (await takeOver(lockPath, existing.raw)) {
      options.onTakeover?.(
        `took over the store lock ${lockPath} from pid ${existing.content.pid} on host ${existing.content.host}: ${stale}`,
      );
    }
  }
  throw new StoreLockedError(storePath, null);
}

/** Create the lock file if none exists, stamped with the lease time; false if one exists. */
async function createExclusive(lockPath: string, content: string, nowMs: number): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    const at = new Date(nowMs);
    await utimes(lockPath, at, at);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  }
}

function holdLease(
  lockPath: string,
  mine: string,
  options: LockOptions & { now: () => number; renewEveryMs: number },
): Lock {
  let lost: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const renew = async (): Promise<boolean> => {
    if (lost) return false;
    if (!held.has(lockPath)) return false;
    let current: string;
    try {
      current = await readFile(lockPath, 'utf8');
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
      current = '';
    }
    if (current !== mine) {
      lost = current
        ? 'another writer took the lock over (this process did not renew its lease in time)'
        : 'the lock file was removed';
      held.delete(lockPath);
      if (timer) clearInterval(timer);
      options.onLost?.(`lost the store lock ${lockPath}: ${lost}`);
      return false;
    }
    // If a takeover slipped in between the read and this touch, we renew the new holder's lease, never
    // our own: the next renewal sees the other content and reports the loss.
    const at = new Date(options.now());
    await utimes(lockPath, at, at);
    return true;
  };
  if (options.renewEveryMs > 0) {
    timer = setInterval(() => {
      renew().catch(() => undefined);
    }, options.renewEveryMs);
    timer.unref();
  }
  return {
    path: lockPath,
    get lost() {
      return lost;
    },
    renew,
    async release() {
      if (timer) clearInterval(timer);
      await release(lockPath);
    },
  };
}

/** Why the lock is stale (a sentence for the log), or undefined while its writer may still be alive. */
function staleness(content: LockContent, host: string, ageMs: number, staleAfterMs: number): string | undefined {
  if (content.host === host) {
    // Our own pid, but not a lock we hold: left by an earlier process that had the same pid (a container
    // restarted as pid 1, say).
    if (content.pid === process.pid) return 'it names this process id but this process does not hold it';
    if (!isAlive(content.pid)) return `pid ${content.pid} is no longer running on this host`;
  }
  if (ageMs > staleAfterMs) {
    return `its lease was not renewed for ${Math.round(ageMs / 1000)} s (stale after ${Math.round(staleAfterMs / 1000)} s)`;
  }
  return undefined;
}

/**
 * Remove a stale lock, but only the one judged stale: it is renamed aside first (one process wins the
 * rename) and checked; a fresh lock moved by mistake (another process replaced the stale one meanwhile)
 * is linked back in place. True when the stale lock was removed.
 */
async function takeOver(lockPath: string, staleRaw: string): Promise<boolean> {
  const aside = `${lockPath}.stale-${randomUUID()}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
  try {
    const moved = await readFile(aside, 'utf8');
    if (moved === staleRaw) return true;
    await link(aside, lockPath).catch((error: unknown) => {
      if (!isCode(error, 'EEXIST')) throw error;
    });
    return false;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

async function release(lockPath: string): Promise<void> {
  const mine = held.get(lockPath);
  if (mine === undefined) return;
  held.delete(lockPath);
  await removeIfUnchanged(lockPath, mine);
}

type ReadLock = 'missing' | 'unreadable' | { content: LockContent; raw: string; mtimeMs: number };

async function readLock(lockPath: string): Promise<ReadLock> {
  let raw: string;
  let mtimeMs: number;
  try {
    raw = await readFile(lockPath, 'utf8');
    mtimeMs = (await stat(lockPath)).mtimeMs;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'missing';
    throw error;
  }
  const content = parseLock(raw);
  return content ? { content, raw, mtimeMs } : 'unreadable';
}

function parseLock(raw: string): LockContent | null {
  const trimmed = raw.trim();
  // A bare pid is accepted too (what an operator or an older reachbot might write).
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), host: hostname(), since: '' };
  try {
    const value = JSON.parse(trimmed) as Partial<LockContent>;
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) {
      return {
        pid: value.pid,
        host: typeof value.host === 'string' ? value.host : hostname(),
        since: String(value.since ?? ''),
        ...(typeof value.token === 'string' ? { token: value.token } : {}),
      };
    }
  } catch {
    // not JSON: unreadable
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isCode(error, 'ESRCH');
  }
}

/** Remove the lock file only if it still says what we read (so as not to remove a lock just taken). */
async function removeIfUnchanged(lockPath: string, expected: string | null): Promise<void> {
  try {
    const now = await readFile(lockPath, 'utf8');
    if (expected !== null && now !== expected) return;
    if (expected === null && parseLock(now)) return;
    await unlink(lockPath);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [lockPath, mine] of held) {
      try {
        if (readFileSync(lockPath, 'utf8') === mine) unlinkSync(lockPath);
      } catch {
        // already gone
      }
    }
  });
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
