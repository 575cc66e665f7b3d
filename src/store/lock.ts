// The single-writer lock: `<store>.lock` holds the writer's pid. Created with O_EXCL so that exactly
// one process wins; a lock whose pid is no longer running is stale and reclaimed.
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StoreLockedError } from './errors.js';

/** A held lock; release it when the store closes (it is also released if the process exits normally). */
export interface Lock {
  readonly path: string;
  release(): Promise<void>;
}

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** Locks this process holds, by lock path: a second open in the same process is contention too. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/** Take the lock for `storePath`, or throw StoreLockedError naming the holder's pid. */
export async function acquireLock(storePath: string): Promise<Lock> {
  const lockPath = `${storePath}.lock`;
  if (held.has(lockPath)) throw new StoreLockedError(storePath, process.pid);
  const content = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      held.set(lockPath, content);
      installExitHook();
      return { path: lockPath, release: () => release(lockPath) };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const existing = await readLock(lockPath);
    if (existing === 'missing') continue;
    if (existing === 'unreadable') {
      // Possibly being written right now by a process that just won the race: look again shortly.
      await new Promise((resolve) => setTimeout(resolve, 25 * (attempt + 1)));
      const again = await readLock(lockPath);
      if (again === 'missing') continue;
      if (again === 'unreadable') {
        await removeIfUnchanged(lockPath, null);
        continue;
      }
      if (!isStale(again.content)) throw new StoreLockedError(storePath, again.content.pid);
      await removeIfUnchanged(lockPath, again.raw);
      continue;
    }
    if (!isStale(existing.content)) throw new StoreLockedError(storePath, existing.content.pid);
    await removeIfUnchanged(lockPath, existing.raw);
  }
  throw new StoreLockedError(storePath, null);
}

async function release(lockPath: string): Promise<void> {
  const mine = held.get(lockPath);
  if (mine === undefined) return;
  held.delete(lockPath);
  await removeIfUnchanged(lockPath, mine);
}

type ReadLock = 'missing' | 'unreadable' | { content: LockContent; raw: string };

async function readLock(lockPath: string): Promise<ReadLock> {
  let raw: string;
  try {
    raw = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'missing';
    throw error;
  }
  const content = parseLock(raw);
  return content ? { content, raw } : 'unreadable';
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
      };
    }
  } catch {
    // not JSON: unreadable
  }
  return null;
}

/** Whether the lock's writer is gone. A lock from another host cannot be checked, so it is live. */
function isStale(content: LockContent): boolean {
  if (content.host !== hostname()) return false;
  // Our own pid, but not a lock we hold: left by an earlier process that had the same pid (a container
  // restarted as pid 1, say).
  if (content.pid === process.pid) return true;
  try {
    process.kill(content.pid, 0);
    return false;
  } catch (error) {
    return isCode(error, 'ESRCH');
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
