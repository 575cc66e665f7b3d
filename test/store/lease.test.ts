// The store lock as a lease, between two real processes on "two hosts" (each writes its own host name) with
// one clock the test sets: a renewed lease is honoured, a lease left unrenewed for longer than the stale
// period is taken over with a log line naming the old holder, and the old holder then knows it lost it.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';

/** One audit entry: the smallest valid write. */
const audited = (target: string) => (data: { audit: unknown[] }) => {
  data.audit.push({ at: '2026-12-01T00:00:00.000Z', user: 'U1', channel: 'C1', action: 'test', target, outcome: 'ok' });
};

interface Reply {
  readonly ok: boolean;
  readonly error?: string;
  readonly logs: readonly string[];
}

interface Holder {
  send(command: 'acquire' | 'renew' | 'release'): Promise<Reply>;
  readonly child: ChildProcessWithoutNullStreams;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

function holder(storePath: string, clockFile: string, host: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/lease-child.ts', storePath, clockFile, host], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    async send(command) {
      child.stdin.write(`${command}\n`);
      const next = await replies.next();
      if (next.done) throw new Error(`holder on ${host} exited`);
      return JSON.parse(next.value) as Reply;
    },
  };
}

describe('the store lock is a lease', () => {
  it('two processes on different hosts: renewed is honoured, stale is taken over, the old holder learns it lost', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reachbot-lease-'));
    const store = join(dir, 'reachbot.json');
    const clock = join(dir, 'clock');
    const setClock = (ms: number) => writeFile(clock, String(1_800_000_000_000 + ms));
    await setClock(0);
    const a = holder(store, clock, 'node-a');
    const b = holder(store, clock, 'node-b');

    expect(await a.send('acquire')).toMatchObject({ ok: true });
    const refused = await b.send('acquire');
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(
      /held by pid \d+ on host node-a \(lease renewed 0 s ago; taken over if not renewed for 30 s\)/,
    );

    await setClock(20_000);
    expect(await a.send('renew')).toMatchObject({ ok: true });
    // 45 s after the start but only 25 s after the renewal: still A's.
    await setClock(45_000);
    expect(await b.send('acquire')).toMatchObject({ ok: false });
    expect(await a.send('renew')).toMatchObject({ ok: true });

    // A stops renewing (a node lost, a frozen process): 31 s later B takes over and says so.
    await setClock(76_000);
    const taken = await b.send('acquire');
    expect(taken.ok).toBe(true);
    expect(taken.logs).toEqual([
      expect.stringMatching(
        /took over the store lock .* from pid \d+ on host node-a: its lease was not renewed for 31 s/,
      ),
    ]);
    expect(await readFile(`${store}.lock`, 'utf8')).toContain('"host":"node-b"');

    // A comes back: its renewal fails, it knows it lost the lock, and it cannot take it back while B renews.
    const lost = await a.send('renew');
    expect(lost.ok).toBe(false);
    expect(lost.logs).toEqual([expect.stringMatching(/lost the store lock .*another writer took the lock over/)]);
    expect(await a.send('acquire')).toMatchObject({ ok: false });
    expect(await b.send('renew')).toMatchObject({ ok: true });
    // The takeover left nothing behind but the lock itself.
    expect((await readdir(dir)).sort()).toEqual(['clock', 'reachbot.json.lock']);

    expect(await b.send('release')).toMatchObject({ ok: true });
    expect(await a.send('acquire')).toMatchObject({ ok: true });
  });

  it('a store whose lease was lost refuses writes instead of racing the new writer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reachbot-lease-'));
    const path = join(dir, 'reachbot.json');
    let now = 1_800_000_000_000;
    const lost: string[] = [];
    const store = await openFileStore(path, {
      lock: { now: () => now, renewEveryMs: 0, staleAfterMs: 30_000, onLost: (message) => lost.push(message) },
    });
    await store.update(audited('before'));
    now += 31_000;
    const clock = join(dir, 'clock');
    await writeFile(clock, String(now));
    const other = holder(path, clock, 'node-b');
    expect(await other.send('acquire')).toMatchObject({ ok: true });
    // The file store renews through its lock; here the renewal is what a timer would do.
    await expect(store.update((data) => void data)).resolves.toBeUndefined();
    expect(await store.renewLease()).toBe(false);
    expect(lost).toHaveLength(1);
    await expect(store.update(audited('after'))).rejects.toThrow(/no longer ours to write/);
    expect(JSON.parse(await readFile(path, 'utf8')).audit.map((entry: { target: string }) => entry.target)).toEqual([
      'before',
    ]);
  });
});

describe('two live writers never both hold the lease', () => {
  it('over random interleavings of acquire, renew, release and clock moves by two processes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reachbot-lease-'));
    const store = join(dir, 'reachbot.json');
    const clock = join(dir, 'clock');
    const STALE = 30_000;
    let now = 1_800_000_000_000;
    await writeFile(clock, String(now));
    const processes = { a: holder(store, clock, 'node-a'), b: holder(store, clock, 'node-b') };
    type Name = keyof typeof processes;
    type Step = { advance: number } | { who: Name; op: 'acquire' | 'renew' | 'release' };
    // Mostly lock operations, with clock moves of up to 40 s: the stale boundary is crossed often.
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 1, arbitrary: fc.record({ advance: fc.integer({ min: 0, max: 40_000 }) }) },
      {
        weight: 2,
        arbitrary: fc.record({
          who: fc.constantFrom<Name>('a', 'b'),
          op: fc.constantFrom<'acquire' | 'renew' | 'release'>('acquire', 'acquire', 'renew', 'renew', 'release'),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 16 }), async (steps) => {
        // When each process last acquired or renewed successfully: it may write until that is STALE old.
        const lastOk: Partial<Record<Name, number>> = {};
        const live = (who: Name) => lastOk[who] !== undefined && now - (lastOk[who] as number) <= STALE;
        try {
          for (const s of steps) {
            if ('advance' in s) {
              now += s.advance;
              await writeFile(clock, String(now));
              continue;
            }
            const reply = await processes[s.who].send(s.op);
            if (s.op === 'release') delete lastOk[s.who];
            else if (reply.ok) {
              const other: Name = s.who === 'a' ? 'b' : 'a';
              expect(live(other), `${s.who} ${s.op} while ${other} is a live holder`).toBe(false);
              lastOk[s.who] = now;
            } else if (s.op === 'renew') delete lastOk[s.who];
          }
        } finally {
          await processes.a.send('release');
          await processes.b.send('release');
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('temporary files from interrupted writes', () => {
  it('are removed when the writer opens the store, and the store loads as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reachbot-temp-'));
    const path = join(dir, 'reachbot.json');
    const first = await openFileStore(path);
    await first.update(audited('kept'));
    await first.close();
    // What a kill -9 in the middle of a write or a takeover leaves behind, and a file that is not ours.
    await writeFile(join(dir, '.reachbot.json.tmp'), '{"half":');
    await writeFile(join(dir, 'reachbot.json.lock.stale-0b9a'), '{"pid":1}');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const store = await openFileStore(path);
    expect(store.data.audit.map((entry) => entry.target)).toEqual(['kept']);
    expect(store.warnings).toEqual([
      expect.stringMatching(/^removed 2 temporary file\(s\) left by interrupted writes/),
    ]);
    expect((await readdir(dir)).sort()).toEqual(['notes.txt', 'reachbot.json', 'reachbot.json.lock']);
    await store.close();
  });
});
