// Sync health and freshness through Bolt's real HTTP receiver: a /reach answer warns before the verdict when the
// topology's sync is failing, `/reach topology list` and App Home show the health, and `/reach topology sync NAME
// every 5m` changes the interval.
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/registry.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { scheduledSyncCommand } from '../../src/sync/commands.js';
import { startSyncScheduler } from '../../src/sync/scheduler.js';
import {
  ADMIN,
  FIXED_NOW,
  postCommand,
  postEvent,
  recordSlack,
  seedTopology,
  startTestApp,
  type TestApp,
  USER,
} from '../slack/helpers.js';

const running: TestApp[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.stop();
});

async function failingStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await seedTopology(store);
  await store.update((data) => {
    data.syncs['prod-net'] = {
      topology: 'prod-net',
      source: { kind: 'huaweicloud', region: 'cn-north-4' },
      intervalMs: 600_000,
      nextRunAt: new Date(FIXED_NOW.getTime() + 20 * 60_000).toISOString(),
      lastSuccessAt: new Date(FIXED_NOW.getTime() - 45 * 60_000).toISOString(),
      lastFailure: {
        at: new Date(FIXED_NOW.getTime() - 5 * 60_000).toISOString(),
        kind: 'expired-key',
        message: 'Huawei Cloud refused the credentials (APIGW.0301)',
      },
      failures: 2,
      failurePosted: true,
    };
  });
  return store;
}

describe('synced topologies in Slack', () => {
  it('an answer from a failing sync says so before the verdict; topology list and App Home show the health', async () => {
    const slack = recordSlack();
    const store = await failingStore();
    const scheduler = startSyncScheduler({
      store,
      read: async () => {
        throw new Error('not called');
      },
      clock: () => FIXED_NOW,
      random: () => 0,
      timers: false,
    });
    const registry = createRegistry([], { scheduled: scheduledSyncCommand(scheduler) });
    const app = await startTestApp({ store, registry, admins: [ADMIN, USER] });
    running.push(app);

    await postCommand(app, 'prod 192.168.10.52 tcp/3306');
    await expect.poll(() => slack.responses.length).toBe(1);
    const answer = slack.responses[0]?.body;
    expect(String(answer?.text)).toMatch(
      /^⚠ The last sync of topology prod-net from Huawei Cloud cn-north-4 failed 5 min ago \(expired or refused key: Huawei Cloud refused the credentials \(APIGW\.0301\)\)\. This answer uses the topology as synced 45 min ago\.\nUNREACHABLE: /,
    );
    const blocks = answer?.blocks as { type: string }[];
    expect(blocks[0]?.type).toBe('section');
    expect(JSON.stringify(blocks[0])).toContain(':warning: *The last sync of topology prod-net');
    expect(blocks[1]?.type).toBe('header');
    expect(JSON.stringify(blocks[2])).toContain('topology prod-net, Huawei Cloud cn-north-4, synced 45 min ago');

    await postCommand(app, 'topology list');
    await expect.poll(() => slack.responses.length).toBe(2);
    expect(slack.responses[1]?.body.text).toContain(
      'synced from huaweicloud:cn-north-4 every 10m · last success 45 min ago · FAILING (2 in a row) 5 min ago: expired or refused key (Huawei Cloud refused the credentials (APIGW.0301)) · next run in 20 min',
    );

    await postCommand(app, 'topology sync prod-net every 5m');
    await expect.poll(() => slack.responses.length).toBe(3);
    expect(slack.responses[2]?.body.text).toContain(
      ':repeat: `prod-net` syncs from `huaweicloud:cn-north-4` every 5m.',
    );
    expect(store.data.syncs['prod-net']?.intervalMs).toBe(300_000);

    await postEvent(app, { type: 'app_home_opened', user: USER, channel: 'D0HOME', tab: 'home', event_ts: '7.1' });
    await expect.poll(() => slack.api.filter((call) => call.method === 'views.publish').length).toBe(1);
    const view = JSON.stringify(slack.api.find((call) => call.method === 'views.publish')?.body.view);
    expect(view).toContain(':warning: synced from huaweicloud:cn-north-4 every 5m · last success 45 min ago · FAILING');
  });
});
