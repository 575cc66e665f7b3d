// End to end in Socket Mode: apps.connections.open and the Web API answered by a local HTTP server (via
// SLACK_API_URL -> clientOptions.slackApiUrl), envelopes over a local WebSocket; a command and a mention
// are acked and answered.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { createRegistry } from '../../src/commands/registry.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/log/logger.js';
import { createSlackApp, startSlackApp } from '../../src/slack/app.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FIXED_NOW, seedTopology, USER } from './helpers.js';

interface FakeSlack {
  readonly apiUrl: string;
  readonly calls: { method: string; body: Record<string, string> }[];
  readonly acks: Record<string, unknown>[];
  send(envelope: Record<string, unknown>): void;
  connected: Promise<void>;
  close(): Promise<void>;
}

async function fakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlack['calls'] = [];
  const acks: FakeSlack['acks'] = [];
  let socket: WebSocket | undefined;
  let resolveConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => {
    resolveConnected = resolve;
  });
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const wsPort = (wss.address() as AddressInfo).port;
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => acks.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'local' },
        connection_info: { app_id: 'A1' },
      }),
    );
    resolveConnected();
  });
  const http: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const method = (req.url ?? '').replace(/^\/api\//, '');
    const json = (req.headers['content-type'] ?? '').includes('application/json');
    calls.push({
      method,
      body: json ? (JSON.parse(raw) as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw)),
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    if (method === 'apps.connections.open') res.end(JSON.stringify({ ok: true, url: `ws://127.0.0.1:${wsPort}/` }));
    else if (method === 'chat.postMessage') res.end(JSON.stringify({ ok: true, ts: '1700009999.000100' }));
    else res.end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const apiUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/`;
  return {
    apiUrl,
    calls,
    acks,
    connected,
    send: (envelope) => socket?.send(JSON.stringify(envelope)),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('Socket Mode', () => {
  it('connects through SLACK_API_URL, acks a command and a mention, and answers both', async () => {
    const slack = await fakeSlack();
    cleanups.push(() => slack.close());
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-socket',
      SLACK_APP_TOKEN: 'xapp-1-A1-2-socket',
      SLACK_API_URL: slack.apiUrl,
    });
    if (config.transport.kind !== 'socket') throw new Error('expected Socket Mode');
    const store = new MemoryStore();
    await seedTopology(store);
    const app = createSlackApp(
      {
        transport: config.transport,
        ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
        botId: 'B0BOT',
        botUserId: 'U0BOT',
        retryConfig: { retries: 0 },
      },
      {
        store,
        logger: createLogger({ level: 'silent' }),
        now: () => FIXED_NOW,
        admins: new Set(),
        registry: createRegistry(),
        botToken: 'xoxb-1-2-socket',
      },
    );
    await startSlackApp(app, config.transport);
    cleanups.push(async () => {
      await app.stop();
    });
    await slack.connected;
    expect(slack.calls[0]?.method).toBe('apps.connections.open');

    slack.send({
      envelope_id: 'env-cmd',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/reach',
        text: 'clusters',
        team_id: 'T1',
        channel_id: 'C1',
        user_id: USER,
        // The response_url is where the answer goes; here it is the fake server too.
        response_url: `${slack.apiUrl.replace(/api\/$/, '')}commands/T1/1/abc`,
        trigger_id: 'trig-socket-1',
        api_app_id: 'A1',
      },
    });
    await expect
      .poll(() => slack.acks.find((ack) => ack.envelope_id === 'env-cmd'))
      .toEqual({ envelope_id: 'env-cmd', payload: {} });
    await expect.poll(() => slack.calls.find((call) => call.method === '/commands/T1/1/abc')).toBeDefined();
    const answer = slack.calls.find((call) => call.method === '/commands/T1/1/abc');
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(answer?.body.text).toContain('*Clusters (2)*');

    slack.send({
      envelope_id: 'env-mention',
      type: 'events_api',
      accepts_response_payload: false,
      payload: {
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: 'EvSOCKET1',
        event_time: 1_700_000_000,
        event: {
          type: 'app_mention',
          user: USER,
          text: '<@U0BOT> prod 192.168.10.52 tcp/3306',
          ts: '1700000500.000100',
          channel: 'C1',
          event_ts: '1700000500.000100',
        },
      },
    });
    await expect
      .poll(() => slack.acks.find((ack) => ack.envelope_id === 'env-mention'))
      .toEqual({ envelope_id: 'env-mention', payload: {} });
    await expect.poll(() => slack.calls.find((call) => call.method === 'chat.postMessage')).toBeDefined();
    const post = slack.calls.find((call) => call.method === 'chat.postMessage');
    expect(post?.body).toMatchObject({ channel: 'C1', thread_ts: '1700000500.000100' });
    expect(post?.body.text).toMatch(/^UNREACHABLE: can pod in prod reach 192\.168\.10\.52 \(db1\) on tcp\/3306\?/);
  });
});
