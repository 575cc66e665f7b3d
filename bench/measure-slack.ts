// A slash command's round trip through the real Bolt HTTP receiver on 127.0.0.1: signed `/reach <question>`
// requests, timed until the HTTP ack and until the answer reaches the response_url, at concurrency 1 and 50.
// This process runs only the app (over a real file store holding a synthetic topology); Slack's side, the load
// generator with a fake Web API and response_url server, is a separate process (bench/slack-client.ts) so that
// it never competes with the app for the event loop. Everything is on 127.0.0.1; bench/slack-worker.ts also keeps
// nock's disableNetConnect on as a guard. The `floor` transport replaces the app with a plain HTTP server that only
// acknowledges: what the same client and machine measure with no work at all behind each ack.
import { type ChildProcess, fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createRegistry } from '../src/commands/registry.js';
import { createLogger } from '../src/log/logger.js';
import { createSlackApp, startSlackApp } from '../src/slack/app.js';
import { openFileStore } from '../src/store/file-store.js';
import { putTopology } from '../src/store/topologies.js';
import type { LatencySummary } from './stats.js';
import { type BenchSize, generateQuestions, generateTopology } from './synthetic.js';

export interface SlackReport {
  readonly topologyLabel: string;
  readonly ack1: LatencySummary;
  readonly ack50: LatencySummary;
  readonly answer1: LatencySummary;
  readonly answer50: LatencySummary;
  /** Requests whose answer never reached the response_url before the deadline. */
  readonly unanswered: number;
  /** HTTP statuses other than 200, by status: 404 is Bolt's answer when nothing acked within 3 s. */
  readonly notAcked: Readonly<Record<string, number>>;
}

export interface SlackOptions {
  readonly storePath: string;
  readonly size: BenchSize;
  /** Requests per concurrency level. */
  readonly requests: number;
  /**
   * How Slack reaches the app: signed HTTP requests (default), or envelopes over a Socket Mode WebSocket; `floor` is
   * no app at all, but a server that acknowledges each request once its body is read (see floorServer).
   */
  readonly transport?: SlackTransportName;
}

export const SLACK_TRANSPORTS = ['http', 'socket', 'floor'] as const;
export type SlackTransportName = (typeof SLACK_TRANSPORTS)[number];

/** How long the floor server waits before posting an answer: after the client has stopped timing acks. */
const FLOOR_ANSWER_DELAY_MS = 2_000;

/**
 * A node:http server that answers each POST with an empty 200 as soon as its body is read, and posts a one-word
 * answer to its response_url FLOOR_ANSWER_DELAY_MS later (the client waits for answers; posting them at once would
 * put the POSTs' work between the acks). No signature check, no Bolt, no store: the client's and the machine's floor.
 */
async function floorServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.end();
      const responseUrl = new URLSearchParams(Buffer.concat(chunks).toString()).get('response_url');
      if (!responseUrl) return;
      setTimeout(() => {
        fetch(responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'ok' }),
        }).catch(() => undefined);
      }, FLOOR_ANSWER_DELAY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const SIGNING_SECRET = 'bench-signing-secret-not-a-real-one';
const latency = z.object({ count: z.number(), p50: z.number(), p99: z.number(), max: z.number(), mean: z.number() });
const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), slackPort: z.number().int() }),
  z.object({
    type: z.literal('report'),
    report: z.object({
      topologyLabel: z.string(),
      ack1: latency,
      ack50: latency,
      answer1: latency,
      answer50: latency,
      unanswered: z.number(),
      notAcked: z.record(z.string(), z.number()),
    }),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);

/** Measure ack and answer latency at concurrency 1 and 50. */
export async function measureSlack(options: SlackOptions): Promise<SlackReport> {
  const topology = generateTopology(options.size, 1);
  const texts = generateQuestions(topology, 200, 7).map((q) => q.text);

  const client = fork(join(dirname(fileURLToPath(import.meta.url)), 'slack-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const messages: z.infer<typeof clientMessage>[] = [];
  let wake: (() => void) | undefined;
  client.on('message', (raw: unknown) => {
    messages.push(clientMessage.parse(raw));
    wake?.();
  });
  const exited = new Promise<void>((resolve) => client.once('exit', () => resolve()));
  const next = async (): Promise<z.infer<typeof clientMessage>> => {
    while (messages.length === 0) {
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      await Promise.race([woken, exited.then(() => Promise.reject(new Error('the Slack client exited early')))]);
    }
    return messages.shift()!;
  };

  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`unexpected message from the Slack client: ${ready.type}`);
  if (options.transport === 'floor') {
    const server = await floorServer();
    try {
      return await runClient(client, next, (server.address() as AddressInfo).port, options, texts);
    } finally {
      client.kill();
      await new Promise((resolve) => server.close(resolve));
    }
  }
  // Only the app reads the store: the floor server answers without it.
  const store = await openFileStore(options.storePath);
  await putTopology(store, { name: 'bench', topology, source: 'bench', makeDefault: true });
  const botToken = 'xoxb-bench-not-a-real-token';
  const transport =
    options.transport === 'socket'
      ? { kind: 'socket' as const, botToken, appToken: 'xapp-bench-not-a-real-token' }
      : { kind: 'http' as const, botToken, signingSecret: SIGNING_SECRET, port: 0 };
  const app = createSlackApp(
    {
      transport,
      slackApiUrl: `http://127.0.0.1:${ready.slackPort}/api/`,
      botId: 'B0BENCH',
      botUserId: 'U0BENCH',
      retryConfig: { retries: 0 },
    },
    {
      store,
      logger: createLogger({ level: 'silent' }),
      now: () => new Date(),
      admins: new Set<string>(),
      registry: createRegistry(),
      botToken,
    },
  );
  // Socket Mode: start() resolves once connected to the client's WebSocket; HTTP: the client posts to our port.
  const server = await startSlackApp(app, transport);
  if (transport.kind === 'http' && !server) throw new Error('the HTTP receiver did not return a server');
  try {
    return await runClient(client, next, server ? (server.address() as AddressInfo).port : undefined, options, texts);
  } finally {
    client.kill();
    await app.stop();
    await store.close();
  }
}

/** Start the client's requests against `appPort` (none: over its Socket Mode server) and wait for its report. */
async function runClient(
  client: ChildProcess,
  next: () => Promise<z.infer<typeof clientMessage>>,
  appPort: number | undefined,
  options: SlackOptions,
  texts: readonly string[],
): Promise<SlackReport> {
  client.send({
    type: 'start',
    ...(appPort !== undefined ? { appPort } : {}),
    signingSecret: SIGNING_SECRET,
    requests: options.requests,
    texts,
    topologyLabel:
      options.transport === 'floor' ? 'a server that only acknowledges' : `the synthetic ${options.size} topology`,
  });
  const done = await next();
  if (done.type === 'error') throw new Error(`the Slack client failed: ${done.message}`);
  if (done.type !== 'report') throw new Error(`unexpected message from the Slack client: ${done.type}`);
  return done.report;
}
