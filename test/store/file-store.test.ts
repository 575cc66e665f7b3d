import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyStoreData } from '../../src/store/data.js';
import {
  StoreLockedError,
  StoreReadOnlyError,
  StoreValidationError,
  StoreVersionError,
} from '../../src/store/errors.js';
import { type FileStore, openFileStore, storePathFor } from '../../src/store/file-store.js';
import { tempDir, topologyWith } from './helpers.js';

const open: FileStore[] = [];
async function openStore(path: string, options?: Parameters<typeof openFileStore>[1]): Promise<FileStore> {
  const store = await openFileStore(path, options);
  open.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const entry = (name: string) => ({ name, topology: topologyWith(name), importedAt: '2024-01-04T00:00:00.000Z' });

describe('openFileStore', () => {
  it('creates the parent directory and persists across reopen', async () => {
    const path = join(await tempDir(), 'nested', 'deeper', 'reachbot.json');
    const store = await openStore(path);
    expect(store.data).toEqual(emptyStoreData());
    await store.update((data) => {
      data.topologies.prod = entry('prod');
      data.defaultTopology = 'prod';
    });
    await store.close();

    const again = await openStore(path);
    expect(again.data.defaultTopology).toBe('prod');
    expect(again.data.topologies.prod?.topology.clusters?.[0]?.name).toBe('prod');
    expect(again.warnings).toEqual([]);
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
  });

  it('gives every store its own empty document (lowdb keeps defaults by reference)', async () => {
    const dir = await tempDir();
    const a = await openStore(join(dir, 'a.json'));
    const b = await openStore(join(dir, 'b.json'));
    await a.update((data) => {
      data.audit.push({ at: 'now', user: 'U1', channel: 'C1', action: 'x', target: 'y', outcome: 'ok' });
    });
    expect(b.data.audit).toEqual([]);
  });

  it('moves a file that is not JSON aside and starts empty, never overwriting it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'reachbot.json');
    await writeFile(path, '{"schemaVersion": 1, "topologies": {');
    const store = await openStore(path, { now: () => new Date('2024-01-04T03:00:00Z') });
    expect(store.data).toEqual(emptyStoreData());
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toMatch(/not JSON.*moved it aside to .*reachbot\.json\.corrupt-2024-01-04T03-00-00-000Z/);
    expect(await readFile(join(dir, 'reachbot.json.corrupt-2024-01-04T03-00-00-000Z'), 'utf8')).toBe(
      '{"schemaVersion": 1, "topologies": {',
    );
  });

  it('moves aside a file whose stored topology no longer validates', async () => {
    const dir = await tempDir();
    const path = join(dir, 'reachbot.json');
    const bad = {
      ...emptyStoreData(),
      topologies: { prod: { ...entry('prod'), topology: { version: 1, clusters: [{ name: 'prod' }] } } },
    };
    await writeFile(path, JSON.stringify(bad));
    const store = await openStore(path);
    expect(store.warnings[0]).toMatch(/topologies\.prod\.topology/);
    expect((await readdir(dir)).some((file) => file.startsWith('reachbot.json.corrupt-'))).toBe(true);
    expect(store.data.topologies).toEqual({});
  });

  it('a reader reports a corrupt file but does not move it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'reachbot.json');
    await writeFile(path, 'not json');
    const store = await openStore(path, { writer: false });
    expect(store.warnings[0]).toMatch(/not moved: opened read-only/);
    expect(await readFile(path, 'utf8')).toBe('not json');
  });

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const dir = await tempDir();
    const path = join(dir, 'reachbot.json');
    const text = JSON.stringify({ schemaVersion: 2, topologies: {}, future: true });
    await writeFile(path, text);
    await expect(openFileStore(path)).rejects.toBeInstanceOf(StoreVersionError);
    expect(await readFile(path, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['reachbot.json']);
  });

  it('migrates a v0 file (just {topologies}) and keeps the original', async () => {
    const dir = await tempDir();
    const path = join(dir, 'reachbot.json');
    await writeFile(path, JSON.stringify({ topologies: { prod: topologyWith('prod') } }));
    const store = await openStore(path, { now: () => new Date('2024-01-04T03:00:00Z') });
    expect(store.warnings[0]).toMatch(/migrated the store from schema version 0 to 1/);
    expect(store.data.topologies.prod).toMatchObject({ name: 'prod', importedAt: '2024-01-04T03:00:00.000Z' });
    expect(JSON.parse(await readFile(path, 'utf8')).schemaVersion).toBe(1);
    expect(await readdir(dir)).toContain('reachbot.json.v0-2024-01-04T03-00-00-000Z');
  });

  it('a throwing mutation writes nothing and changes nothing', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const store = await openStore(path);
    await store.update((data) => {
      data.topologies.prod = entry('prod');
    });
    const before = await readFile(path, 'utf8');
    await expect(
      store.update((data) => {
        data.topologies.staging = entry('staging');
        data.defaultTopology = 'staging';
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(store.data.topologies.staging).toBeUndefined();
    expect(store.data.defaultTopology).toBeUndefined();
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('an invalid mutation is refused and writes nothing', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const store = await openStore(path);
    await expect(
      store.update((data) => {
        data.topologies.prod = { ...entry('prod'), topology: { version: 1, clusters: [{ name: 'x' }] } as never };
      }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    await expect(
      store.update((data) => {
        data.defaultTopology = 'missing';
      }),
    ).rejects.toThrow(/not a stored topology/);
    expect(store.data.topologies).toEqual({});
  });

  it('stored topologies are frozen: mutating one in place throws and writes nothing', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const store = await openStore(path);
    await store.update((data) => {
      data.topologies.prod = entry('prod');
    });
    await expect(
      store.update((data) => {
        (data.topologies.prod!.topology as { name?: string }).name = 'changed';
      }),
    ).rejects.toThrow(TypeError);
  });

  it('keeps a stored topology the same object across unrelated updates', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const store = await openStore(path);
    await store.update((data) => {
      data.topologies.prod = entry('prod');
    });
    const stored = store.data.topologies.prod;
    await store.update((data) => {
      data.deliveries.e1 = 1;
    });
    expect(store.data.topologies.prod).toBe(stored);
  });

  it('persists all of 50 concurrent updates', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const store = await openStore(path);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update((data) => {
          data.deliveries[`event-${i}`] = i;
        }),
      ),
    );
    await store.close();
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(Object.keys(onDisk.deliveries)).toHaveLength(50);
    const again = await openStore(path);
    expect(again.data.deliveries['event-49']).toBe(49);
  });

  it('a read-only store refuses updates', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const store = await openStore(path, { writer: false });
    await expect(store.update(() => {})).rejects.toBeInstanceOf(StoreReadOnlyError);
  });
});

describe('the single-writer lock', () => {
  it('a second writer gets a clear typed error naming the holder', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    await openStore(path);
    const error = await openFileStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as StoreLockedError).pid).toBe(process.pid);
    expect((error as Error).message).toBe(
      `the store ${path} is held by pid ${process.pid} (reachbot bot?); stop it or use Slack`,
    );
  });

  it('readers do not need the lock', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const writer = await openStore(path);
    await writer.update((data) => {
      data.topologies.prod = entry('prod');
    });
    const reader = await openStore(path, { writer: false });
    expect(reader.data.topologies.prod?.name).toBe('prod');
  });

  it('is released on close, so the next writer can open', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const first = await openStore(path);
    expect(await readFile(`${path}.lock`, 'utf8')).toContain(`"pid":${process.pid}`);
    await first.close();
    await expect(readFile(`${path}.lock`, 'utf8')).rejects.toThrow(/ENOENT/);
    await openStore(path);
  });

  it('reclaims a stale lock left by a dead process', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    expect(dead).toBeGreaterThan(0);
    await writeFile(`${path}.lock`, `${dead}\n`);
    const store = await openStore(path);
    expect(store.writer).toBe(true);
    expect(await readFile(`${path}.lock`, 'utf8')).toContain(`"pid":${process.pid}`);
  });

  it('reclaims an empty lock file (a writer that died before writing its pid)', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    await writeFile(`${path}.lock`, '');
    const store = await openStore(path);
    expect(store.writer).toBe(true);
  });

  it('honours a lock held by another live process', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    // The parent of this test process is alive for the whole test.
    await writeFile(`${path}.lock`, `${process.ppid}\n`);
    const error = await openFileStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as StoreLockedError).pid).toBe(process.ppid);
    expect(await readFile(`${path}.lock`, 'utf8')).toBe(`${process.ppid}\n`);
  });
});

describe('storePathFor', () => {
  it('uses REACHBOT_STORE, else data/reachbot.json, relative to the working directory', () => {
    expect(storePathFor({}, '/srv/app')).toBe('/srv/app/data/reachbot.json');
    expect(storePathFor({ REACHBOT_STORE: 'x/y.json' }, '/srv/app')).toBe('/srv/app/x/y.json');
    expect(storePathFor({ REACHBOT_STORE: '/var/lib/reachbot.json' }, '/srv/app')).toBe('/var/lib/reachbot.json');
    expect(storePathFor({ REACHBOT_STORE: '  ' }, '/srv/app')).toBe('/srv/app/data/reachbot.json');
  });
});
