// The bot as `main` starts it in Socket Mode against a local Slack: /readyz says why it is not ready until the
// store is open (the lock held elsewhere is waited for) and Slack is connected; /metrics counts the answers
// by surface and verdict, the Slack calls and the store writes; /readyz turns not-ready while every Slack
// call fails and ready again once one succeeds.
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type RunningSlack } from '../../src/main.js';
import { openFileStore } from '../../src/store/file-store.js';
import { seedTopology } from '../slack/helpers.js';
import { type FakeSlack, fakeSlack, mention, slashCommand } from './fake-slack.js';

/** Poll generously: the machine may be loaded (the condition is awaited, never timed). */
const eventually = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 30_000, interval: 50 });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function seededStore(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'reachbot-ops-')), 'reachbot.json');
  const store = await openFileStore(path);
  await seedTopology(store);
  await store.close();
  return path;
}

function env(slack: FakeSlack, store: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-1-2-opstest',
    SLACK_APP_TOKEN: 'xapp-1-A1-2-opstest',
    SLACK_API_URL: slack.apiUrl,
    SLACK_BOT_ID: 'B0BOT',
    SLACK_BOT_USER_ID: 'U0BOT',
    REACHBOT_STORE: store,
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  };
}

const io = () => ({ stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough() });

async function get(port: number, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, text: await response.text() };
}

/** The value of one series in a Prometheus text exposition, or undefined if absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('readiness and metrics of the running bot', () => {
  it('is not ready while the store lock is held or Slack is not connected, then ready; counts what it answers', async () => {
    const slack = await fakeSlack({ holdHello: true });
    cleanups.push(() => slack.close());
    const path = await seededStore();
    // Another writer holds the store: the bot must wait, not crash.
    const other = await openFileStore(path);
    let port = 0;
    const starting = main(env(slack, path), io(), {
      lockRetryMs: 50,
      onOpsListening: (server) => {
        port = (server.address() as AddressInfo).port;
      },
    });
    await eventually(() => port).toBeGreaterThan(0);
    expect(await get(port, '/healthz')).toEqual({ status: 200, text: '{"ok":true}' });
    await eventually(async () => (await get(port, '/readyz')).text).toMatch(
      /"store: waiting for the store lock: .*held by pid/,
    );
    expect((await get(port, '/readyz')).status).toBe(503);

    await other.close();
    await eventually(async () => (await get(port, '/readyz')).text).toBe(
      '{"ok":false,"reasons":["slack: not connected to Slack yet"]}',
    );
    slack.hello();
    const bot = (await starting) as RunningSlack;
    cleanups.push(() => bot.stop());
    expect(await get(port, '/readyz')).toEqual({ status: 200, text: '{"ok":true}' });

    slack.send(slashCommand(slack, 'cmd-1', 'prod 192.168.10.52 tcp/3306'));
    slack.send(slashCommand(slack, 'cmd-2', 'clusters'));
    slack.send(mention('m-1', 'prod 192.168.10.52 tcp/3306', '1700000500.000100'));
    await eventually(() =>
      slack.calls.filter((c) => c.method.startsWith('/commands/') || c.method === 'chat.postMessage'),
    ).toHaveLength(3);
    const answered = slack.calls.find((c) => c.method === '/commands/T1/cmd-1');
    expect(String(answered?.body.text)).toMatch(/^UNREACHABLE/);

    const metrics = (await get(port, '/metrics')).text;
    expect(sample(metrics, 'reachbot_answers_total{surface="slash_command",verdict="unreachable"}')).toBe(1);
    expect(sample(metrics, 'reachbot_answers_total{surface="slash_command",verdict="reply"}')).toBe(1);
    expect(sample(metrics, 'reachbot_answers_total{surface="mention",verdict="unreachable"}')).toBe(1);
    expect(sample(metrics, 'reachbot_answer_duration_seconds_count{surface="slash_command"}')).toBe(2);
    const latency = sample(metrics, 'reachbot_answer_duration_seconds_sum{surface="slash_command"}') ?? -1;
    expect(latency).toBeGreaterThan(0);
    expect(sample(metrics, 'reachbot_answer_duration_seconds_bucket{le="+Inf",surface="slash_command"}')).toBe(2);
    expect(sample(metrics, 'reachbot_slack_api_requests_total{method="response_url",result="ok"}')).toBe(2);
    expect(sample(metrics, 'reachbot_slack_api_requests_total{method="chat.postMessage",result="ok"}')).toBe(1);
    expect(sample(metrics, 'reachbot_slack_api_requests_total{method="apps.connections.open",result="ok"}')).toBe(1);
    expect(sample(metrics, 'reachbot_store_write_duration_seconds_count{result="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    for (const family of [
      'reachbot_slack_api_errors_total',
      'reachbot_slack_api_retries_total',
      'reachbot_slack_api_rate_limited_total',
      'reachbot_digest_runs_total',
      'reachbot_digest_failures_total',
      'reachbot_sync_runs_total',
      'reachbot_sync_failures_total',
      'reachbot_sync_age_seconds',
    ]) {
      expect(metrics).toContain(`# TYPE ${family} `);
    }
    expect(sample(metrics, 'reachbot_digest_failures_total')).toBe(0);

    // Slack refuses every call (a revoked token): not ready, saying why; one success makes it ready again.
    slack.fail('chat.postMessage', 'invalid_auth');
    slack.fail('chat.postEphemeral', 'invalid_auth');
    for (const n of [2, 3, 4]) slack.send(mention(`m-${n}`, 'prod 192.168.10.52 tcp/3306', `170000050${n}.000100`));
    await eventually(async () => (await get(port, '/readyz')).text).toMatch(
      /"slack: every Slack call has failed since .* \(\d+ in a row; last: chat\.\w+: invalid_auth\)"/,
    );
    expect((await get(port, '/health')).status).toBe(503);
    const failing = (await get(port, '/metrics')).text;
    expect(sample(failing, 'reachbot_slack_api_errors_total{method="chat.postMessage"}')).toBe(3);
    expect(sample(failing, 'reachbot_answers_total{surface="mention",verdict="failed"}')).toBe(3);

    slack.fail('chat.postMessage', undefined);
    slack.fail('chat.postEphemeral', undefined);
    slack.send(mention('m-5', 'prod 192.168.10.52 tcp/3306', '1700000505.000100'));
    await eventually(async () => (await get(port, '/readyz')).status).toBe(200);
  }, 90_000);
});

describe('HTTP mode', () => {
  it('serves /readyz and /metrics on Bolt port too, and the ops port from the start', async () => {
    const path = await seededStore();
    const bot = (await main(
      {
        SLACK_BOT_TOKEN: 'xoxb-1-2-httptest',
        SLACK_SIGNING_SECRET: 'http-signing-secret',
        SLACK_BOT_ID: 'B0BOT',
        SLACK_BOT_USER_ID: 'U0BOT',
        REACHBOT_STORE: path,
        PORT: '0',
        METRICS_PORT: '0',
        LISTEN_HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
      io(),
    )) as RunningSlack;
    cleanups.push(() => bot.stop());
    if (!bot.server) throw new Error('HTTP mode has a server');
    const boltPort = (bot.server.address() as AddressInfo).port;
    const opsPort = (bot.ops.address() as AddressInfo).port;
    expect(boltPort).not.toBe(opsPort);
    // LISTEN_HOST keeps both servers on loopback.
    expect((bot.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect((bot.ops.address() as AddressInfo).address).toBe('127.0.0.1');
    for (const port of [boltPort, opsPort]) {
      expect(await get(port, '/readyz')).toEqual({ status: 200, text: '{"ok":true}' });
      expect((await get(port, '/metrics')).text).toContain('# TYPE reachbot_answers_total counter');
    }
    await bot.stop();
    // Stopped: the ops port is closed with the rest.
    await expect(get(opsPort, '/healthz')).rejects.toThrow();
  });
});
