// Shared setup of the sync tests: a real file store in a temp directory, the real importer against the loopback
// double, a movable clock, the real change alerts posting through a real WebClient that nock answers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { onTopologyReplaced } from '../../src/digest/alerts.js';
import { webClientPoster } from '../../src/digest/poster.js';
import type { Watch } from '../../src/store/data.js';
import { type FileStore, openFileStore } from '../../src/store/file-store.js';
import { sourceReader } from '../../src/sync/read-source.js';
import { type SyncScheduler, type SyncSchedulerOptions, startSyncScheduler } from '../../src/sync/scheduler.js';
import { ENV, type HuaweiDouble } from './huawei-double.js';

export const SG_ECS = '69c999ad-d9ef-4d79-94fd-35e6ceb75325';
export const START = new Date('2026-01-05T09:00:00.000Z');
export const MINUTE = 60_000;
export const noSleep = async () => {};

/** The rule that lets prod's pods (172.16.0.0/16) reach ecs-app on tcp/8080. */
export function podsTo8080() {
  return {
    id: 'rule-pods-8080',
    security_group_id: SG_ECS,
    direction: 'ingress',
    ethertype: 'IPv4',
    protocol: 'tcp',
    multiport: '8080',
    remote_ip_prefix: '172.16.0.0/16',
    remote_group_id: null,
    remote_address_group_id: null,
    action: 'allow',
    priority: 1,
    description: 'pods to the app',
  };
}

/** A watch of prod -> ecs-app (192.168.10.52) tcp/8080 in `channel`. */
export function appWatch(channel: string): Watch {
  return {
    id: 'w-app',
    channel,
    topology: 'prod',
    question: { cluster: 'prod', workload: null, destination: '192.168.10.52', protocol: 'tcp', port: 8080 },
    label: 'orders → app',
    createdBy: 'U1',
    createdAt: START.toISOString(),
  };
}

export interface Posted {
  readonly channel: string;
  readonly text: string;
  readonly blocks: string;
}

/** Intercept chat.postMessage (as the Slack tests do) and record every message. */
export function recordSlackPosts(): Posted[] {
  const posted: Posted[] = [];
  nock('https://slack.com')
    .post('/api/chat.postMessage', (body: Record<string, string>) => {
      posted.push({ channel: body.channel ?? '', text: body.text ?? '', blocks: body.blocks ?? '' });
      return true;
    })
    .times(20)
    .reply(200, { ok: true, ts: '1.1' });
  return posted;
}

export interface Rig {
  readonly store: FileStore;
  readonly path: string;
  readonly clock: { now: Date };
  scheduler: SyncScheduler;
  /** A new scheduler over a re-opened store, as after a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A file store and a scheduler over the double; `extra` overrides scheduler options. */
export async function rig(
  double: HuaweiDouble,
  extra: Partial<SyncSchedulerOptions> = {},
  importerSleep: (ms: number) => Promise<void> = noSleep,
): Promise<Rig> {
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-sync-'));
  const path = join(dir, 'reachbot.json');
  const clock = { now: START };
  const poster = webClientPoster(new WebClient('xoxb-test-token', { retryConfig: { retries: 0 } }));
  const build = (store: FileStore) =>
    startSyncScheduler({
      store,
      read: sourceReader({ env: ENV, fetch: double.fetch, pageSize: 2, sleep: importerSleep, now: () => clock.now }),
      clock: () => clock.now,
      random: () => 0,
      timers: false,
      poster,
      sleep: noSleep,
      retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 },
      onChange: async (change) => {
        await onTopologyReplaced(store, change.name, change.before, change.after, poster, {
          sleep: noSleep,
          retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 },
        });
      },
      ...extra,
    });
  const state = { store: await openFileStore(path, { now: () => clock.now }) };
  const result: Rig = {
    get store() {
      return state.store;
    },
    path,
    clock,
    scheduler: build(state.store),
    async restart() {
      result.scheduler.stop();
      await result.scheduler.idle();
      await state.store.close();
      state.store = await openFileStore(path, { now: () => clock.now });
      result.scheduler = build(state.store);
    },
    async close() {
      result.scheduler.stop();
      await result.scheduler.idle();
      await state.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return result;
}
