// Sealed stored topologies (issue #16, item 6): the store trusts the topologies it wrote itself instead of validating
// them again on open, and still detects any entry whose text is not what it wrote.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type FileStore, openFileStore } from '../../src/store/file-store.js';
import { SEALS_KEY, sealOf, takeSeals } from '../../src/store/seal.js';
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

const importedAt = '2024-01-04T00:00:00.000Z';

/** A store file written by reachbot holding one topology "prod"; returns its path. */
async function writtenStore(): Promise<string> {
  const path = join(await tempDir(), 'reachbot.json');
  const store = await openStore(path);
  await store.update((data) => {
    data.topologies.prod = { name: 'prod', topology: topologyWith('prod'), importedAt };
  });
  await store.close();
  return path;
}

/** A v1 store file whose topology entry is `entry`, with the seals given (none: a file from elsewhere). */
async function handWrittenStore(entry: unknown, seals?: Record<string, string>): Promise<string> {
  const path = join(await tempDir(), 'reachbot.json');
  const document = {
    schemaVersion: 1,
    topologies: { prod: entry },
    threads: {},
    audit: [],
    deliveries: {},
    watches: [],
    schedules: {},
    ...(seals ? { [SEALS_KEY]: seals } : {}),
  };
  await writeFile(path, JSON.stringify(document, null, 2));
  return path;
}

/** A topology entry that validation refuses: its cluster names a VPC that does not exist. */
function invalidEntry() {
  const topology = structuredClone(topologyWith('prod')) as unknown as { clusters: { vpc: string }[] };
  topology.clusters[0]!.vpc = 'vpc-missing';
  return { name: 'prod', topology, importedAt };
}

const moved = async (path: string) =>
  (await readdir(join(path, '..'))).some((file) => file.startsWith('reachbot.json.corrupt-'));

describe('sealed stored topologies', () => {
  it('writes a seal of each stored topology beside it, and hands out a document without the seals', async () => {
    const path = await writtenStore();
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(onDisk[SEALS_KEY]).toEqual({ prod: sealOf(JSON.stringify(onDisk.topologies.prod)) });

    const store = await openStore(path);
    expect(store.warnings).toEqual([]);
    expect(store.data).not.toHaveProperty(SEALS_KEY);
    expect(store.data.topologies.prod?.topology.clusters?.[0]?.name).toBe('prod');
    expect(Object.isFrozen(store.data.topologies.prod?.topology)).toBe(true);
    // A later write keeps exactly one, current, seal.
    await store.update((data) => {
      data.deliveries.e1 = 1;
    });
    const rewritten = JSON.parse(await readFile(path, 'utf8'));
    expect(rewritten[SEALS_KEY]).toEqual(onDisk[SEALS_KEY]);
    expect(rewritten.topologies).toEqual(onDisk.topologies);
  });

  it('does not validate a sealed entry again on open (it was validated before it was stored)', async () => {
    // Validation would refuse this entry; its seal says this reachbot stored it, so open takes it as it is.
    const entry = invalidEntry();
    const path = await handWrittenStore(entry, { prod: sealOf(JSON.stringify(entry)) });
    const store = await openStore(path);
    expect(store.warnings).toEqual([]);
    expect(store.data.topologies.prod?.topology.clusters?.[0]?.vpc).toBe('vpc-missing');
  });

  it('checks a seal on the line the store wrote for the entry, and trusts what that line holds', async () => {
    // The layout reachbot writes: each topology one line. Replace the line, and its seal, with an entry that
    // validation refuses, its version written "1.0" (which JSON.stringify would write "1"): open trusts it, so the
    // seal was checked on the line itself, not on the entry serialized again.
    const path = await writtenStore();
    const text = await readFile(path, 'utf8');
    const line = JSON.stringify(invalidEntry()).replace('"version":1,', '"version":1.0,');
    expect(line).toContain('"version":1.0,');
    const current = JSON.stringify(JSON.parse(text).topologies.prod);
    expect(text).toContain(`\n    "prod": ${current}\n`);
    const edited = text
      .replace(`\n    "prod": ${current}\n`, `\n    "prod": ${line}\n`)
      .replace(sealOf(current), sealOf(line));
    await writeFile(path, edited);
    const store = await openStore(path);
    expect(store.warnings).toEqual([]);
    expect(store.data.topologies.prod?.topology.clusters?.[0]?.vpc).toBe('vpc-missing');
  });

  it('refuses a tampered topology whose seal no longer matches: the file is moved aside, not trusted', async () => {
    const path = await writtenStore();
    const text = await readFile(path, 'utf8');
    // Point the cluster at a VPC that does not exist, leaving the seal as it was.
    const tampered = text.replace('"vpc":"vpc-a","networkModel"', '"vpc":"vpc-missing","networkModel"');
    expect(tampered).not.toBe(text);
    await writeFile(path, tampered);
    const store = await openStore(path);
    expect(store.data.topologies).toEqual({});
    expect(store.warnings[0]).toMatch(/was not usable \(invalid: topologies\.prod\.topology: [\s\S]*vpc-missing/);
    expect(await moved(path)).toBe(true);
  });

  it('validates an edited entry that is still valid, keeps it, and seals it anew on the next write', async () => {
    const path = await writtenStore();
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(importedAt, '2025-02-02T00:00:00.000Z'));
    const store = await openStore(path);
    expect(store.warnings).toEqual([]);
    expect(store.data.topologies.prod?.importedAt).toBe('2025-02-02T00:00:00.000Z');
    await store.update((data) => {
      data.deliveries.e1 = 1;
    });
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(onDisk[SEALS_KEY].prod).toBe(sealOf(JSON.stringify(onDisk.topologies.prod)));
  });

  it('validates entries without a seal, or with a seal of other validation rules, and refuses invalid ones', async () => {
    const entry = invalidEntry();
    const unsealed = await handWrittenStore(entry);
    const other = await handWrittenStore(entry, {
      prod: sealOf(JSON.stringify(entry)).replace(/^v1:/, 'v0:'),
    });
    const malformed = await handWrittenStore(entry, { prod: 42 } as unknown as Record<string, string>);
    for (const path of [unsealed, other, malformed]) {
      const store = await openStore(path);
      expect(store.data.topologies).toEqual({});
      expect(store.warnings[0]).toMatch(/invalid: topologies\.prod\.topology/);
      expect(await moved(path)).toBe(true);
    }
  });

  it('a seal holds across the JSON round trip the file goes through (parse, then stringify again)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const written = JSON.stringify(value);
        expect(sealOf(JSON.stringify(JSON.parse(written)))).toBe(sealOf(written));
      }),
    );
  });

  it('a seal changes when any value in the entry changes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.jsonValue(), (entry, other) => {
        const key = Object.keys(entry)[0]!;
        fc.pre(JSON.stringify(entry[key]) !== JSON.stringify(other));
        expect(sealOf(JSON.stringify({ ...entry, [key]: other }))).not.toBe(sealOf(JSON.stringify(entry)));
      }),
    );
  });

  it('takes the seals out of a document, keeping only well-formed ones', () => {
    const document: Record<string, unknown> = { [SEALS_KEY]: { a: 'v1:sha256:00', b: 7 }, topologies: {} };
    expect([...takeSeals(document)]).toEqual([['a', 'v1:sha256:00']]);
    expect(document).not.toHaveProperty(SEALS_KEY);
    expect(takeSeals({ [SEALS_KEY]: ['x'] }).size).toBe(0);
  });
});
