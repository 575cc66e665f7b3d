// Times in the store are reachbot's bookkeeping, but the file can be edited by hand. A time that does not parse
// reads as the epoch (UNREADABLE_TIME): before, a sync's `nextRunAt` of "soon" made its timer fire every
// millisecond without ever running it, and App Home threw RangeError rendering an `importedAt` of "yesterday".
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeView } from '../../src/slack/blocks/home.js';
import { type FileStore, openFileStore } from '../../src/store/file-store.js';
import { UNREADABLE_TIME } from '../../src/store/schema.js';
import { tempDir, topologyWith } from './helpers.js';

let store: FileStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('a store whose times do not parse', () => {
  it('opens as it is (not moved aside), each such time read as the epoch, and renders', async () => {
    const path = join(await tempDir(), 'reachbot.json');
    const document = {
      schemaVersion: 1,
      defaultTopology: 'prod',
      topologies: { prod: { name: 'prod', topology: topologyWith('prod'), importedAt: 'yesterday' } },
      syncs: {
        prod: {
          topology: 'prod',
          source: { kind: 'terraform-file', path: '/tmp/state.json' },
          intervalMs: 600_000,
          nextRunAt: 'soon',
          lastSuccessAt: '2024-02-30T99:00:00Z',
          failures: 0,
        },
      },
      schedules: {
        C1: {
          channel: 'C1',
          cron: '0 9 * * 1-5',
          spec: 'weekdays 09:00',
          timezone: 'UTC',
          mode: 'always',
          lastRunAt: '',
        },
      },
    };
    await writeFile(path, JSON.stringify(document));
    store = await openFileStore(path);
    expect(store.warnings).toEqual([]);
    expect(store.data.topologies.prod?.importedAt).toBe(UNREADABLE_TIME);
    expect(store.data.syncs.prod?.nextRunAt).toBe(UNREADABLE_TIME);
    expect(store.data.syncs.prod?.lastSuccessAt).toBe(UNREADABLE_TIME);
    expect(store.data.schedules.C1?.lastRunAt).toBe(UNREADABLE_TIME);
    // A sync that was never due (NaN) is due now.
    expect(Date.parse(store.data.syncs.prod!.nextRunAt)).toBeLessThanOrEqual(Date.now());
    // App Home, which formats each import time, renders.
    expect(JSON.stringify(homeView(store.data, new Date('2026-12-05T00:00:00Z')))).toContain('prod');
  });
});
