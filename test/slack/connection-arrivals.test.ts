// Work makes way for new connections: since libuv 1.45 a listening socket accepts one connection per turn of the
// event loop, so a burst of requests on new connections is let in before answers run. The bursts below use real
// sockets on 127.0.0.1; the order asserted depends on turns of the loop, not on how fast the machine is.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/registry.js';
import type { Subcommand } from '../../src/commands/subcommand.js';
import { createLogger } from '../../src/log/logger.js';
import { createSlackApp } from '../../src/slack/app.js';
import { ConnectionArrivals } from '../../src/slack/connection-arrivals.js';
import { Turns } from '../../src/slack/turns.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { BOT_TOKEN, CHANNEL, FIXED_NOW, recordSlack, SIGNING_SECRET, sign, USER } from './helpers.js';

const BURST = 30;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

/** One turn of the event loop. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** POST `body` on a connection of its own; resolves with the status. */
function postOnNewConnection(port: number, path: string, body: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

describe('ConnectionArrivals.afterQuietTurn', () => {
  it('waits while each turn brings a connection, and goes in the first turn that brings none', async () => {
    const arrivals = new ConnectionArrivals();
    let ran = false;
    arrivals.afterQuietTurn(() => {
      ran = true;
    }, 10_000);
    for (let i = 0; i < 5; i++) {
      arrivals.note();
      await turn();
      expect(ran).toBe(false);
    }
    await turn();
    await turn();
    expect(ran).toBe(true);
  });

  it('goes once the wait is over even if connections keep coming', async () => {
    let now = 0;
    const arrivals = new ConnectionArrivals(() => now);
    let ran = false;
    arrivals.afterQuietTurn(() => {
      ran = true;
    }, 50);
    for (let i = 0; i < 4; i++) {
      arrivals.note();
      now += 10;
      await turn();
    }
    expect(ran).toBe(false);
    arrivals.note();
    now += 10;
    await turn();
    await turn();
    expect(ran).toBe(true);
  });

  it('counts the connections a real server accepts', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    const arrivals = new ConnectionArrivals();
    arrivals.watch(server);
    const port = await listen(server);
    await Promise.all([1, 2, 3].map(() => postOnNewConnection(port, '/', '', {})));
    expect(arrivals.count).toBe(3);
  });
});

describe('Turns with arrivals', () => {
  it('lets a whole burst of new connections in before the first piece of work runs', async () => {
    const arrivals = new ConnectionArrivals();
    // Bounded by turns of the loop, not by time: a loaded machine's slow turns must not end the wait.
    const turns = new Turns({ arrivals, maxWaitMs: 60_000 });
    const seenByWork: number[] = [];
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.end('ok');
        void turns.take(() => seenByWork.push(arrivals.count));
      });
    });
    arrivals.watch(server);
    const port = await listen(server);
    await Promise.all(Array.from({ length: BURST }, () => postOnNewConnection(port, '/', 'x', {})));
    await turns.take(() => undefined);
    expect(seenByWork).toHaveLength(BURST);
    // Every connection of the burst was accepted before the first piece ran; without arrivals it ran after the first.
    expect(seenByWork[0]).toBe(BURST);
  });
});

describe('the Slack app over HTTP', () => {
  it('lets a burst of slash commands on new connections in before it answers any, and acks them all', async () => {
    recordSlack();
    let accepted = 0;
    const acceptedAtAnswers: number[] = [];
    const probe: Subcommand = {
      name: 'probe',
      usage: 'probe',
      summary: 'records how many connections were accepted when an answer ran',
      run: async () => {
        acceptedAtAnswers.push(accepted);
        return { text: 'probed' };
      },
    };
    const app = createSlackApp(
      {
        transport: { kind: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0 },
        botId: 'B0BOT',
        botUserId: 'U0BOT',
        retryConfig: { retries: 0 },
        // Bounded by turns of the loop, not by time: a loaded machine's slow turns must not end the wait.
        answerWaitMs: 60_000,
      },
      {
        store: new MemoryStore(),
        logger: createLogger({ level: 'silent' }),
        now: () => FIXED_NOW,
        admins: new Set(),
        registry: createRegistry([probe]),
        botToken: BOT_TOKEN,
      },
    );
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    closers.push(async () => {
      await app.stop();
    });
    server.on('connection', () => {
      accepted += 1;
    });
    const port = (server.address() as AddressInfo).port;
    const statuses = await Promise.all(
      Array.from({ length: BURST }, (_, i) => {
        const body = new URLSearchParams({
          command: '/reach',
          text: 'probe',
          team_id: 'T1',
          channel_id: CHANNEL,
          user_id: USER,
          response_url: `https://hooks.slack.com/commands/T1/${i}/abc`,
          trigger_id: `burst-${i}`,
          api_app_id: 'A1',
        }).toString();
        return postOnNewConnection(port, '/slack/events', body, {
          'content-type': 'application/x-www-form-urlencoded',
          ...sign(body),
        });
      }),
    );
    expect(statuses).toEqual(Array(BURST).fill(200));
    await expect.poll(() => acceptedAtAnswers.length).toBe(BURST);
    expect(acceptedAtAnswers[0]).toBe(BURST);
  });
});
