// Slack's side of the slash-command benchmark, in its own process so that the load generator never shares an
// event loop with the app it measures (bench/slack-worker.ts forks it). It serves a fake Web API and the
// response_url endpoints on 127.0.0.1, sends signed `/reach` requests at concurrency 1 and 50, and times each
// request to its HTTP ack and to its answer arriving at the response_url.
import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { SlackReport } from './measure-slack.js';
import { msSince, summarizeLatencies } from './stats.js';

const startSchema = z.object({
  type: z.literal('start'),
  appPort: z.number().int(),
  signingSecret: z.string().min(1),
  requests: z.number().int().min(1),
  texts: z.array(z.string()).min(1),
  topologyLabel: z.string(),
});

const ANSWER_DEADLINE_MS = 15_000;
const send = (message: unknown) => process.send?.(message);

const arrivals = new Map<string, bigint>();
const slack = createServer((req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  req.on('end', () => {
    const url = req.url ?? '';
    if (url.startsWith('/respond/')) arrivals.set(url.slice('/respond/'.length), process.hrtime.bigint());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, ts: '1700000000.000100', channel: 'C0BENCH' }));
  });
});

function post(port: number, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(start: z.infer<typeof startSchema>, slackPort: number): Promise<SlackReport> {
  let sequence = 0;
  const sent = new Map<string, bigint>();
  const failures = new Map<number, number>();
  const one = async (): Promise<number> => {
    const id = `r${sequence++}`;
    const body = new URLSearchParams({
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
    }).toString();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac('sha256', start.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const begin = process.hrtime.bigint();
    sent.set(id, begin);
    const status = await post(start.appPort, body, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    });
    // Bolt answers 404 when no listener acked within 3 s (unhandledRequestTimeoutMillis): a figure, not a crash.
    if (status !== 200) failures.set(status, (failures.get(status) ?? 0) + 1);
    return msSince(begin);
  };

  const level = async (concurrency: number, total: number) => {
    const first = sequence;
    const acks: number[] = [];
    let remaining = total;
    const lane = async () => {
      while (remaining > 0) {
        remaining--;
        acks.push(await one());
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

slack.listen(0, '127.0.0.1', () => {
  const slackPort = (slack.address() as AddressInfo).port;
  process.on('message', (message: unknown) => {
    const start = startSchema.parse(message);
    run(start, slackPort).then(
      (report) => {
        send({ type: 'report', report });
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
