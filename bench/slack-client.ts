// Slack's side of the slash-command benchmark, in its own process so that the load generator never shares an
// event loop with the app it measures (bench/slack-worker.ts forks it). It serves a fake Web API and the
// response_url endpoints on 127.0.0.1, sends `/reach` commands at concurrency 1 and 50, and times each to its ack and
// to its answer arriving at the response_url. Over HTTP, each command is a signed request and its ack the response;
// in Socket Mode, each is an envelope on the app's WebSocket (served here) and its ack the envelope sent back.
// Requests are signed before a level's timing starts, and sent as prepared bytes on one kept-alive connection per lane
// (bench/raw-http.ts): the load generator shares the app's machine, and every millisecond of CPU it spends per
// request is one the app being measured waits for.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { SlackReport } from './measure-slack.js';
import { RawConnection, requestBytes } from './raw-http.js';
import { msSince, summarizeLatencies } from './stats.js';

const startSchema = z.object({
  type: z.literal('start'),
  /** The app's HTTP port; absent in Socket Mode, where the app connects to us. */
  appPort: z.number().int().optional(),
  signingSecret: z.string().min(1),
  requests: z.number().int().min(1),
  texts: z.array(z.string()).min(1),
  topologyLabel: z.string(),
});

const ANSWER_DEADLINE_MS = 15_000;
const send = (message: unknown) => process.send?.(message);

const arrivals = new Map<string, bigint>();
// Socket Mode: the app's connection, greeted once it opens, and the acks awaited by envelope id.
const sockets = new WebSocketServer({ port: 0, host: '127.0.0.1' });
// Listening before the app can ask apps.connections.open for its address (sent only once we are ready).
const socketsListening = new Promise<void>((resolve) => sockets.once('listening', () => resolve()));
let appSocket: WebSocket | undefined;
let socketReady: () => void = () => {};
const socketConnected = new Promise<void>((resolve) => {
  socketReady = resolve;
});
const awaitingAck = new Map<string, () => void>();
sockets.on('connection', (ws) => {
  appSocket = ws;
  ws.on('message', (data) => {
    const id = (JSON.parse(String(data)) as { envelope_id?: unknown }).envelope_id;
    if (typeof id === 'string') awaitingAck.get(id)?.();
  });
  ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0BENCH' } }));
  socketReady();
});
const slack = createServer((req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  req.on('end', () => {
    const url = req.url ?? '';
    if (url.startsWith('/respond/')) arrivals.set(url.slice('/respond/'.length), process.hrtime.bigint());
    res.writeHead(200, { 'content-type': 'application/json' });
    if (url === '/api/apps.connections.open') {
      const { port } = sockets.address() as AddressInfo;
      res.end(JSON.stringify({ ok: true, url: `ws://127.0.0.1:${port}/` }));
    } else res.end(JSON.stringify({ ok: true, ts: '1700000000.000100', channel: 'C0BENCH' }));
  });
});

/** Send a slash-command envelope on the app's socket; resolves when the app acks it. */
function sendEnvelope(id: string, payload: Record<string, string>): Promise<void> {
  return new Promise((resolve) => {
    awaitingAck.set(id, () => {
      awaitingAck.delete(id);
      resolve();
    });
    appSocket?.send(
      JSON.stringify({ envelope_id: id, type: 'slash_commands', accepts_response_payload: true, payload }),
    );
  });
}

async function run(start: z.infer<typeof startSchema>, slackPort: number): Promise<SlackReport> {
  if (start.appPort === undefined) await socketConnected;
  let sequence = 0;
  const sent = new Map<string, bigint>();
  const failures = new Map<number, number>();
  /** The next command: its id, and its form fields as Slack sends them. */
  const nextCommand = () => {
    const id = `r${sequence++}`;
    const fields = {
      token: 'legacy-verification-token',
      team_id: 'T0BENCH',
      team_domain: 'bench',
      channel_id: 'C0BENCH',
      channel_name: 'bench',
      user_id: 'U0USER',
      user_name: 'bench',
      command: '/reach',
      text: start.texts[sequence % start.texts.length]!,
      api_app_id: 'A0BENCH',
      response_url: `http://127.0.0.1:${slackPort}/respond/${id}`,
      trigger_id: `1.${id}.bench`,
    };
    return { id, fields };
  };
  /** A signed request's bytes, made before any timing starts (signing is Slack's work, not the app's). */
  const signedRequest = (fields: Record<string, string>): Buffer => {
    const body = new URLSearchParams(fields).toString();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac('sha256', start.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return requestBytes(
      '/slack/events',
      {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signature,
      },
      body,
    );
  };

  const level = async (concurrency: number, total: number) => {
    const first = sequence;
    const commands = Array.from({ length: total }, () => {
      const command = nextCommand();
      return { ...command, bytes: start.appPort === undefined ? undefined : signedRequest(command.fields) };
    });
    const acks: number[] = [];
    let next = 0;
    const lane = async () => {
      // One kept-alive connection per lane, opened by its first request (and timed with it), as an HTTP client's
      // agent would.
      let connection: RawConnection | undefined;
      try {
        while (next < commands.length) {
          const command = commands[next++]!;
          const begin = process.hrtime.bigint();
          sent.set(command.id, begin);
          if (!command.bytes) {
            await sendEnvelope(command.id, command.fields);
          } else {
            connection ??= new RawConnection(start.appPort!);
            await connection.ready();
            const status = await connection.send(command.bytes);
            // Bolt answers 404 when no listener acked within 3 s (unhandledRequestTimeoutMillis): a figure, not a crash.
            if (status !== 200) failures.set(status, (failures.get(status) ?? 0) + 1);
          }
          acks.push(msSince(begin));
        }
      } finally {
        connection?.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
    const ids = Array.from({ length: sequence - first }, (_, i) => `r${first + i}`);
    const deadline = Date.now() + ANSWER_DEADLINE_MS;
    while (ids.some((id) => !arrivals.has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const answers = ids.flatMap((id) => {
      const at = arrivals.get(id);
      const begin = sent.get(id);
      return at !== undefined && begin !== undefined ? [Number(at - begin) / 1e6] : [];
    });
    return { acks, answers, unanswered: ids.length - answers.length };
  };

  // Warm-up: the first requests compile the topology and load code paths.
  await level(1, Math.min(5, start.requests));
  const single = await level(1, Math.max(1, Math.floor(start.requests / 2)));
  const fifty = await level(50, start.requests);
  return {
    topologyLabel: start.topologyLabel,
    ack1: summarizeLatencies(single.acks),
    ack50: summarizeLatencies(fifty.acks),
    answer1: summarizeLatencies(single.answers),
    answer50: summarizeLatencies(fifty.answers),
    unanswered: single.unanswered + fifty.unanswered,
    notAcked: Object.fromEntries(failures),
  };
}

slack.listen(0, '127.0.0.1', async () => {
  await socketsListening;
  const slackPort = (slack.address() as AddressInfo).port;
  process.on('message', (message: unknown) => {
    const start = startSchema.parse(message);
    run(start, slackPort).then(
      (report) => {
        send({ type: 'report', report });
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        slack.close();
        process.disconnect?.();
      },
      (error: unknown) => {
        send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        process.exit(1);
      },
    );
  });
  send({ type: 'ready', slackPort });
});
