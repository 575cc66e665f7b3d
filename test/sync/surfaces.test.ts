// Freshness and sync health on every surface: the CLI (terminal and --json), /reach and the shell (one converse),
// Slack blocks and App Home; and the scheduled-sync words of `topology sync`.
import { copyFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/commands/converse.js';
import { createRegistry } from '../../src/commands/registry.js';
import type { CommandContext } from '../../src/commands/subcommand.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { answerMessage } from '../../src/slack/messages.js';
import type { SyncSchedule } from '../../src/store/data.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { putTopology } from '../../src/store/topologies.js';
import { scheduledSyncCommand } from '../../src/sync/commands.js';
import { freshnessOf } from '../../src/sync/freshness.js';
import { sourceReader } from '../../src/sync/read-source.js';
import { startSyncScheduler } from '../../src/sync/scheduler.js';
import { runIn, workspace } from '../cli/harness.js';
import { topology } from '../digest/helpers.js';
import { MINUTE, noSleep, START } from './helpers.js';
import { ENV, startHuaweiDouble } from './huawei-double.js';

const TFSTATE = join(import.meta.dirname, '../fixtures/import/terraform/prod.tfstate.json');

function synced(over: Partial<SyncSchedule> = {}): SyncSchedule {
  return {
    topology: 'prod',
    source: { kind: 'huaweicloud', region: 'cn-north-4' },
    intervalMs: 10 * MINUTE,
    nextRunAt: new Date(START.getTime() + 7 * MINUTE).toISOString(),
    lastSuccessAt: new Date(START.getTime() - 3 * MINUTE).toISOString(),
    failures: 0,
    ...over,
  };
}

const stored = {
  name: 'prod',
  topology: topology({ db: ['3306'] }),
  importedAt: new Date(START.getTime() - 120 * MINUTE).toISOString(),
};

describe('freshness', () => {
  it('says which topology, from where, synced when, and when it last changed', () => {
    const fresh = freshnessOf(stored, synced(), START);
    expect(fresh.summary).toBe('topology prod, Huawei Cloud cn-north-4, synced 3 min ago, last changed 2 h ago');
    expect(fresh).toMatchObject({ stale: false, checkedAt: synced().lastSuccessAt, intervalMs: 10 * MINUTE });
    expect(fresh.warning).toBeUndefined();
  });

  it('warns when the last success is older than 3 intervals, and names the failure when the last sync failed', () => {
    const overdue = freshnessOf(
      stored,
      synced({ lastSuccessAt: new Date(START.getTime() - 31 * MINUTE).toISOString() }),
      START,
    );
    expect(overdue.stale).toBe(true);
    expect(overdue.warning).toBe(
      'Topology prod was last synced 31 min ago, more than 3 sync intervals (10m) ago; the network may have changed since.',
    );
    const failed = freshnessOf(
      stored,
      synced({
        failures: 1,
        lastFailure: { at: new Date(START.getTime() - 60_000).toISOString(), kind: 'throttled', message: 'HTTP 429' },
      }),
      START,
    );
    expect(failed.stale).toBe(true);
    expect(failed.warning).toContain(
      'The last sync of topology prod from Huawei Cloud cn-north-4 failed 1 min ago (throttled: HTTP 429)',
    );
    expect(failed.lastFailure).toMatchObject({ kind: 'throttled', reason: 'throttled' });
  });

  it('a topology imported by hand says so and is never stale', () => {
    const fresh = freshnessOf({ ...stored, source: 'prod.yaml' }, undefined, START);
    expect(fresh).toMatchObject({ stale: false, source: 'prod.yaml' });
    expect(fresh.summary).toBe('topology prod, prod.yaml, imported 2 h ago, no sync set up');
  });

  it('goes before the verdict in Slack blocks and the fallback text, and under the header as context', async () => {
    const store = new MemoryStore();
    await putTopology(store, { ...stored });
    await store.update((data) => {
      data.syncs.prod = synced({
        failures: 2,
        lastFailure: { at: START.toISOString(), kind: 'expired-key', message: 'refused' },
      });
    });
    const outcome = await converse('prod -> db1 tcp/3306', context(store), createRegistry());
    if (outcome.kind !== 'answer') throw new Error(outcome.kind);
    const message = answerMessage(outcome.answer, { ephemeral: false });
    const [first, second, third] = message.blocks ?? [];
    expect(JSON.stringify(first)).toContain(':warning: *The last sync of topology prod');
    expect(second?.type).toBe('header');
    expect(JSON.stringify(third)).toContain('topology prod, Huawei Cloud cn-north-4, synced 3 min ago');
    expect(message.text.startsWith('⚠ The last sync of topology prod')).toBe(true);
  });
});

function context(store: MemoryStore, now = START): CommandContext {
  return { store, userId: 'U1', channelId: 'C1', isAdmin: true, now: () => now };
}

describe('the CLI with a Terraform state source', () => {
  it('schedules and syncs from a state file, answers with freshness in the terminal and --json, and lists the health', async () => {
    const { dir, store } = await workspace();
    await copyFile(TFSTATE, join(dir, 'prod.tfstate'));
    const env = { REACHBOT_STORE: store };
    const run = (...argv: string[]) => runIn(dir, env, argv);

    const setup = await run('topology', 'sync', 'prod', '--from', 'terraform:prod.tfstate', '--every', '5m');
    expect(setup.stderr).not.toContain('reachbot:');
    expect(setup.stdout).toContain(`"prod" syncs from terraform:${join(dir, 'prod.tfstate')} every 5m`);
    expect(setup.stdout).toContain('synced "prod": imported');

    const again = await run('topology', 'sync', 'prod');
    expect(again.stdout).toContain('synced "prod": no change');

    const json = await run('ask', 'prod -> redis-main', '--json');
    const answer = JSON.parse(json.stdout);
    expect(answer.freshness).toMatchObject({
      topology: 'prod',
      source: 'Terraform state prod.tfstate',
      stale: false,
      intervalMs: 5 * MINUTE,
    });
    expect(answer.freshness.summary).toMatch(/^topology prod, Terraform state prod\.tfstate, synced just now/);
    expect(answer.verdict).toBeDefined();

    const text = await run('ask', 'prod -> redis-main', '--no-color');
    expect(text.stdout.split('\n')[1]).toMatch(/^\(topology prod, Terraform state prod\.tfstate, synced just now/);

    // The state file goes away: the sync fails, the topology stays, and the answer says so before the verdict.
    await writeFile(join(dir, 'prod.tfstate'), '{"version": 3}');
    const broken = await run('topology', 'sync', 'prod');
    expect(broken.code).toBe(4);
    expect(broken.stderr).toContain('sync of "prod" failed (invalid source)');
    const warned = await run('ask', 'prod -> redis-main', '--no-color');
    expect(warned.stdout.split('\n')[0]).toMatch(
      /^⚠ The last sync of topology prod from Terraform state prod\.tfstate failed just now \(invalid source: /,
    );

    const list = await run('topology', 'list');
    expect(list.stdout).toMatch(
      /synced from terraform:.*prod\.tfstate every 5m · last success just now · FAILING \(1 in a row\) just now: invalid source/,
    );

    const tooOften = await run('topology', 'sync', 'prod', '--every', '30s');
    expect(tooOften.code).toBe(2);
    expect(tooOften.stderr).toContain('the minimum is 1 minute');
  });
});

describe('topology sync in /reach and the shell', () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('sets a Huawei Cloud source with filters and an interval, syncs at once, changes the interval, lists the health, and stops', async () => {
    const double = await startHuaweiDouble();
    servers.push(double);
    const store = new MemoryStore();
    const scheduler = startSyncScheduler({
      store,
      read: sourceReader({ env: ENV, fetch: double.fetch, sleep: noSleep }),
      clock: () => START,
      random: () => 0,
      timers: false,
    });
    const registry = createRegistry([], { scheduled: scheduledSyncCommand(scheduler) });
    const say = async (text: string) => {
      const outcome = await converse(text, context(store), registry);
      return outcome.kind === 'reply' ? outcome.reply.text : JSON.stringify(outcome);
    };

    const vpc = double.network.vpcs[0]?.id as string;
    expect(await say(`topology sync prod from huaweicloud:cn-north-4 vpc ${vpc} every 15m`)).toBe(
      `:repeat: \`prod\` syncs from \`huaweicloud:cn-north-4 vpc ${vpc}\` every 15m.\n:white_check_mark: Synced \`prod\`: imported for the first time. (1 import warning; \`topology show prod\`)`,
    );
    expect(store.data.syncs.prod?.source).toEqual({ kind: 'huaweicloud', region: 'cn-north-4', vpcIds: [vpc] });
    expect(await say('topology sync prod every 30s')).toContain('the minimum is 1 minute');
    expect(await say('topology sync prod every 5m')).toContain('every 5m');
    expect(store.data.syncs.prod?.intervalMs).toBe(5 * MINUTE);
    expect(await say('topology sync prod')).toBe(
      ':white_check_mark: Synced `prod`: no change. (1 import warning; `topology show prod`)',
    );
    expect(await say('topology sync prod from ftp://x')).toContain('is not a sync source');

    const list = await say('topology list');
    expect(list).toContain(
      `synced from huaweicloud:cn-north-4 vpc ${vpc} every 5m · last success just now · next run in 5 min`,
    );
    const home = JSON.stringify(homeView(store.data, START));
    expect(home).toContain('synced from huaweicloud:cn-north-4');

    expect(await say('topology sync prod off')).toContain('is no longer synced');
    expect(store.data.syncs.prod).toBeUndefined();
    expect(store.data.topologies.prod).toBeDefined();
  });

  it('syncs from an https-style state URL (a loopback server standing in for an OBS object)', async () => {
    const { readFile } = await import('node:fs/promises');
    const state = await readFile(TFSTATE, 'utf8');
    let hits = 0;
    const server = createServer((req, res) => {
      hits++;
      if (req.url !== '/bucket/prod.tfstate') {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(state);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const { port } = server.address() as AddressInfo;
    const store = new MemoryStore();
    const scheduler = startSyncScheduler({ store, read: sourceReader({ env: {} }), clock: () => START, timers: false });
    const registry = createRegistry([], { scheduled: scheduledSyncCommand(scheduler) });
    const reply = await converse(
      `topology sync tf from http://127.0.0.1:${port}/bucket/prod.tfstate`,
      context(store),
      registry,
    );
    expect(reply.kind === 'reply' && reply.reply.text).toContain('imported for the first time');
    expect(store.data.topologies.tf?.topology.clusters?.[0]?.name).toBe('prod');

    await converse(`topology sync other from http://127.0.0.1:${port}/bucket/missing`, context(store), registry);
    expect(store.data.syncs.other?.lastFailure).toMatchObject({ kind: 'forbidden' });
    expect(hits).toBe(2);
  });
});
