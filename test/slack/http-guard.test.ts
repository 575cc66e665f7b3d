// HTTP mode against hostile requests, through Bolt's real HTTPReceiver behind the guard: bodies Bolt would
// crash on, timestamps outside five minutes either side, and bodies over the size cap.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../src/slack/http-guard.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { postCommand, recordSlack, seedTopology, sign, startTestApp, type TestApp } from './helpers.js';

const running: TestApp[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.stop();
});

async function started(): Promise<TestApp> {
  const store = new MemoryStore();
  await seedTopology(store);
  const app = await startTestApp({ store });
  running.push(app);
  return app;
}

function postSigned(app: TestApp, body: string, contentType: string, timestamp?: number): Promise<Response> {
  return fetch(`${app.base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...sign(body, timestamp) },
    body,
  });
}

/** Send headers announcing `length` bytes but only a little of the body; resolve with the status. */
function announceLarge(app: TestApp, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${app.base}/slack/events`);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(length), ...sign('{}') },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
    // 1 KB of the announced 10 MB: the answer must not wait for the rest.
    req.write('x'.repeat(1024));
  });
}

describe('bodies Bolt cannot read', () => {
  it('answers 400 to signed JSON bodies that are not objects, and keeps serving', async () => {
    recordSlack();
    const app = await started();
    for (const body of ['null', '[]', '1', '"text"', 'true', '{', '']) {
      const response = await postSigned(app, body, 'application/json');
      expect(response.status, body).toBe(400);
    }
    const form = await postSigned(app, 'payload=null', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(400);
    // The process survived: a real command is still acknowledged.
    expect((await postCommand(app, 'help')).status).toBe(200);
    expect(app.logs()).toContain('refused a Slack request');
  });
});

describe('request timestamps', () => {
  it('refuses a correctly signed request dated an hour in the future or the past', async () => {
    recordSlack();
    const app = await started();
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c1' });
    const now = Math.floor(Date.now() / 1000);
    expect((await postSigned(app, body, 'application/json', now + 3600)).status).toBe(401);
    expect((await postSigned(app, body, 'application/json', now - 3600)).status).toBe(401);
    expect((await postSigned(app, body, 'application/json', now + 6 * 60)).status).toBe(401);
  });

  it('accepts a request up to four minutes ahead of our clock', async () => {
    recordSlack();
    const app = await started();
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c2' });
    const response = await postSigned(app, body, 'application/json', Math.floor(Date.now() / 1000) + 4 * 60);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c2' });
  });
});

describe('body size', () => {
  it('answers 413 to a 10 MB body as soon as the headers arrive', async () => {
    recordSlack();
    const app = await started();
    expect(await announceLarge(app, 10 * 1024 * 1024)).toBe(413);
    expect((await postCommand(app, 'help')).status).toBe(200);
  });

  it('answers 413 to an over-size body sent without a length', async () => {
    recordSlack();
    const app = await started();
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const piece = new Uint8Array(64 * 1024).fill(32);
        for (let sent = 0; sent <= MAX_REQUEST_BYTES; sent += piece.length) controller.enqueue(piece);
        controller.close();
      },
    });
    const response = await fetch(`${app.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign('{}') },
      body: chunks,
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error);
    // The server answers 413 and closes; depending on timing the client sees the 413 or the closed connection.
    if (response instanceof Response) expect(response.status).toBe(413);
    expect(app.logs()).toMatch(/body over \d+ bytes/);
  });
});
