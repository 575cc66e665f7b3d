// Test harness for the Slack app: a real Bolt App on HTTPReceiver (port 0) over a given store, signed
// requests, and a recorder of everything the app sends to Slack (Web API calls and response_url posts).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { webApi } from '@slack/bolt';
import nock from 'nock';
import { createRegistry, type SubcommandRegistry } from '../../src/commands/registry.js';
import { createLogger } from '../../src/log/logger.js';
import { createSlackApp } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import type { WatchButton } from '../../src/slack/watch-button.js';
import type { Store } from '../../src/store/store.js';
import { putTopology } from '../../src/store/topologies.js';
import { parseTopology } from '../../src/topology/load.js';

export const SIGNING_SECRET = 'test-signing-secret-8f2d1c';
export const BOT_TOKEN = 'xoxb-000-111-testbottoken';
export const ADMIN = 'UADMIN1';
export const USER = 'UUSER01';
export const CHANNEL = 'C0INCIDENT';
export const FIXED_NOW = new Date('2026-03-01T03:00:00.000Z');
export const FIXTURE_TEXT = readFileSync(new URL('./fixtures/prod.yaml', import.meta.url), 'utf8');

/** Store the fixture topology as `name`. */
export async function seedTopology(store: Store, name = 'prod-net'): Promise<void> {
  const parsed = parseTopology(FIXTURE_TEXT);
  if (!parsed.ok) throw new Error('fixture topology is invalid');
  await putTopology(store, { name, topology: parsed.topology, importedAt: FIXED_NOW.toISOString(), source: 'fixture' });
}

/** Signature headers Slack would send for `body` at `timestamp` (seconds). */
export function sign(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

export interface Recorded {
  /** Web API calls, in order: method name and the parsed form body (blocks/files JSON-decoded). */
  readonly api: { method: string; body: Record<string, unknown> }[];
  /** response_url posts (respond()), JSON bodies. */
  readonly responses: { path: string; body: Record<string, unknown> }[];
  /** File uploads to the upload URL. */
  readonly uploads: string[];
}

type ApiReply = (
  method: string,
  body: Record<string, unknown>,
) => [number, unknown, Record<string, string>?] | undefined;

/** Intercept slack.com/api, hooks.slack.com and the upload host; `reply` may override any method's answer. */
export function recordSlack(reply?: ApiReply): Recorded {
  const recorded: Recorded = { api: [], responses: [], uploads: [] };
  nock('https://slack.com')
    .persist()
    .post(/^\/api\/.+/)
    .reply((uri, rawBody) => {
      const method = uri.replace(/^\/api\//, '');
      const body = decodeForm(rawBody);
      recorded.api.push({ method, body });
      const custom = reply?.(method, body);
      if (custom) return custom;
      return [200, defaultReply(method, body)];
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply((uri, body) => {
      recorded.responses.push({
        path: uri,
        body: (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>,
      });
      return [200, 'ok'];
    });
  nock('https://files.slack.com')
    .persist()
    .post(/^\/upload\//)
    .reply((_uri, body) => {
      recorded.uploads.push(typeof body === 'string' ? body : Buffer.from(body as ArrayBuffer).toString('utf8'));
      return [200, 'OK'];
    });
  return recorded;
}

function defaultReply(method: string, body: Record<string, unknown>): unknown {
  switch (method) {
    case 'chat.postMessage':
      return {
        ok: true,
        channel: body.channel,
        ts: `1700000100.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      };
    case 'files.getUploadURLExternal':
      return {
        ok: true,
        upload_url: `https://files.slack.com/upload/v1/${String(body.filename)}`,
        file_id: 'F0UPLOAD',
      };
    case 'files.completeUploadExternal':
      return { ok: true, files: [{ id: 'F0UPLOAD' }] };
    default:
      return { ok: true };
  }
}

function decodeForm(raw: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> =
    typeof raw === 'string' ? Object.fromEntries(new URLSearchParams(raw)) : { ...(raw as Record<string, unknown>) };
  for (const key of ['blocks', 'view', 'files']) {
    if (typeof fields[key] === 'string') fields[key] = JSON.parse(fields[key] as string);
  }
  return fields;
}

export interface TestApp {
  readonly base: string;
  readonly logs: () => string;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  readonly store: Store;
  readonly admins?: readonly string[];
  readonly watchButton?: WatchButton;
  readonly retryConfig?: webApi.RetryOptions;
  /** The subcommands (default: the core ones). */
  readonly registry?: SubcommandRegistry;
  /** The workspace's default language (REACHBOT_LANG). */
  readonly defaultLang?: 'zh' | 'en';
  /** How long a request no listener acknowledges waits for its 404, in ms (Bolt's default, 3001). */
  readonly unhandledRequestTimeoutMs?: number;
}

/** Start the real app over HTTP on a free port. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination, secrets: [BOT_TOKEN, SIGNING_SECRET] });
  const deps: SlackDeps = {
    store: options.store,
    logger,
    now: () => FIXED_NOW,
    admins: new Set(options.admins ?? [ADMIN]),
    registry: options.registry ?? createRegistry(),
    botToken: BOT_TOKEN,
    ...(options.watchButton ? { watchButton: options.watchButton } : {}),
    ...(options.defaultLang ? { defaultLang: options.defaultLang } : {}),
  };
  const app = createSlackApp(
    {
      transport: { kind: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0 },
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      retryConfig: options.retryConfig ?? { retries: 0 },
      ...(options.unhandledRequestTimeoutMs !== undefined
        ? { unhandledRequestTimeoutMs: options.unhandledRequestTimeoutMs }
        : {}),
    },
    deps,
  );
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    logs: () => lines.join(''),
    stop: async () => {
      await app.stop();
    },
  };
}

/** POST a signed slash command; returns the HTTP response. */
export function postCommand(app: TestApp, text: string, fields: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams({
    command: '/reach',
    text,
    team_id: 'T1',
    channel_id: CHANNEL,
    user_id: USER,
    response_url: 'https://hooks.slack.com/commands/T1/1/abc',
    trigger_id: `trig-${Math.random()}`,
    api_app_id: 'A1',
    ...fields,
  }).toString();
  return post(app, body, 'application/x-www-form-urlencoded');
}

let eventCounter = 0;

/** POST a signed Events API envelope around `event`. */
export function postEvent(
  app: TestApp,
  event: Record<string, unknown>,
  options: { eventId?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  eventCounter += 1;
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${eventCounter}${Date.now()}`,
    event_time: 1_700_000_000,
    authorizations: [
      { enterprise_id: null, team_id: 'T1', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false },
    ],
    event,
  });
  return post(app, body, 'application/json', options.headers);
}

/** POST a signed block_actions payload for a click on `actionId` with `value`. */
export function postAction(
  app: TestApp,
  actionId: string,
  value: string,
  container: { ephemeral: boolean; ts?: string; threadTs?: string; user?: string },
): Promise<Response> {
  const message = container.ephemeral
    ? undefined
    : {
        type: 'message',
        ts: container.ts ?? '1700000200.000100',
        ...(container.threadTs ? { thread_ts: container.threadTs } : {}),
        text: 'answer',
      };
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: container.user ?? USER, username: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trig-${Math.random()}`,
    response_url: 'https://hooks.slack.com/actions/T1/2/def',
    container: {
      type: 'message',
      message_ts: container.ts ?? '1700000200.000100',
      channel_id: CHANNEL,
      is_ephemeral: container.ephemeral,
    },
    channel: { id: CHANNEL, name: 'inc-42' },
    ...(message ? { message } : {}),
    state: { values: {} },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000300.1',
      },
    ],
  };
  return post(
    app,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
}

function post(
  app: TestApp,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${app.base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...sign(body), ...headers },
    body,
  });
}

/** The text of every block (section text, header, context elements) of a message, joined. */
export function blocksText(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}

/** The action value of the first button with `actionId` in `blocks`. */
export function buttonValue(blocks: unknown, actionId: string): string {
  for (const block of (blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[]) {
    for (const element of block.elements ?? [])
      if (element.action_id === actionId && element.value) return element.value;
  }
  throw new Error(`no button ${actionId}`);
}
