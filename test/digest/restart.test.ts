// Restart behaviour over the real file store: what a run claimed survives the process, so a restarted bot sends
// a missed digest once and never the same slot again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDigestScheduler } from '../../src/digest/scheduler.js';
import { openFileStore } from '../../src/store/file-store.js';
import { putTopology } from '../../src/store/topologies.js';
import { fakeEngine, recordingPoster, topology, watch } from './helpers.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('restarts over the file store', () => {
  it('sends a missed digest once, and a restarted process does not send it again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'reachbot-digest-'));
    const path = join(dir, 'store.json');
    const now = () => new Date('2026-03-06T03:00:00Z'); // two hours after Friday's 09:00 Shanghai slot

    const first = await openFileStore(path);
    await putTopology(first, { name: 'prod', topology: topology() });
    await first.update((data) => {
      data.watches.push(watch('C1', 'db1', 3306, { last: { verdict: 'reachable', at: '2026-03-05T01:00:00.000Z' } }));
      data.schedules.C1 = {
        channel: 'C1',
        cron: '0 9 * * 1-5',
        spec: 'weekdays 09:00',
        timezone: 'Asia/Shanghai',
        mode: 'always',
        lastRunAt: '2026-03-05T01:00:00.000Z',
      };
    });
    const poster = recordingPoster();
    const scheduler = startDigestScheduler({ store: first, poster, clock: now, engine: fakeEngine });
    await scheduler.runMissed();
    scheduler.stop();
    await first.close();
    expect(poster.sent).toHaveLength(1);

    const second = await openFileStore(path);
    expect(second.data.schedules.C1?.lastRunAt).toBe('2026-03-06T01:00:00.000Z');
    expect(second.data.watches[0]?.last?.verdict).toBe('unreachable');
    const again = startDigestScheduler({ store: second, poster, clock: now, engine: fakeEngine });
    await again.runMissed();
    again.stop();
    await second.close();
    expect(poster.sent).toHaveLength(1);
  });
});
