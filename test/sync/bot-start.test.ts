// The bot's start wires the sync scheduler: a synced topology that came due while the bot was down is synced
// at start-up with no one acting, and stop() waits for it and releases the store.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { openFileStore } from '../../src/store/file-store.js';

const TFSTATE = join(import.meta.dirname, '../fixtures/import/terraform/prod.tfstate.json');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the bot with a synced topology', () => {
  it('syncs an overdue topology at start-up and shuts down cleanly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reachbot-bot-sync-'));
    dirs.push(dir);
    const state = join(dir, 'prod.tfstate');
    await copyFile(TFSTATE, state);
    const path = join(dir, 'reachbot.json');
    const seed = await openFileStore(path);
    await seed.update((data) => {
      data.syncs.prod = {
        topology: 'prod',
        source: { kind: 'terraform-file', path: state },
        intervalMs: 600_000,
        nextRunAt: '2020-01-01T00:00:00.000Z',
        failures: 0,
      };
    });
    await seed.close();

    const running = await main(
      {
        SLACK_BOT_TOKEN: 'xoxb-1-2-test',
        SLACK_SIGNING_SECRET: 'secret',
        PORT: '0',
        METRICS_PORT: '0',
        LISTEN_HOST: '127.0.0.1',
        SLACK_BOT_ID: 'B1',
        SLACK_BOT_USER_ID: 'UBOT',
        REACHBOT_STORE: path,
        LOG_LEVEL: 'silent',
      },
      { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough() },
    );
    if (typeof running === 'number') throw new Error(`main exited ${running}`);
    try {
      // The overdue sync runs on its own; wait for it by polling the store (bounded steps, not a deadline).
      for (let step = 0; step < 500 && !running.store.data.syncs.prod?.lastSuccessAt; step++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(running.store.data.topologies.prod?.source).toBe(`terraform:${state}`);
      expect(Date.parse(running.store.data.syncs.prod?.nextRunAt ?? '')).toBeGreaterThan(Date.now());
    } finally {
      await running.stop();
    }
    // Stopped: the lock is released, so another writer may open the store.
    const after = await openFileStore(path);
    expect(after.data.topologies.prod).toBeDefined();
    await after.close();
  });
});
