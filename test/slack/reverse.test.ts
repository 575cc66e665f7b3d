// Reverse questions and what-if on every Slack surface: the slash command, a mention, and a reply in a thread. The message
// carries the counts and groups; every source with its blocking step travels as a file in the thread.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import {
  CHANNEL,
  postCommand,
  postEvent,
  recordSlack,
  seedTopology,
  startTestApp,
  type TestApp,
  USER,
} from './helpers.js';

const running: TestApp[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.stop();
});

async function app() {
  const store = new MemoryStore();
  await seedTopology(store);
  const started = await startTestApp({ store });
  running.push(started);
  return started;
}

describe('reverse questions in Slack', () => {
  it('/reach who can reach db1:3306? answers with counts first', async () => {
    const slack = recordSlack();
    const started = await app();
    const ack = await postCommand(started, 'who can reach db1:3306?');
    expect(ack.status).toBe(200);
    await expect.poll(() => slack.responses.length + slack.api.length).toBeGreaterThan(0);
    const texts = [...slack.responses.map((r) => r.body.text), ...slack.api.map((c) => c.body.text)].join('\n');
    expect(texts).toMatch(/Who can reach db1 on tcp\/3306\?/);
    expect(texts).toMatch(/\d+ reachable · \d+ unreachable · \d+ uncertain \(\d+ sources\)/);
  });

  it('a mention asks it; a reply in the thread asks another one; the details come as a file', async () => {
    const slack = recordSlack();
    const started = await app();
    await postEvent(started, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> can pod in prod reach db1 on 3306?',
      ts: '7.1',
      channel: CHANNEL,
      event_ts: '7.1',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(1);
    await postEvent(started, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> which clusters can reach redis-main?',
      ts: '7.2',
      thread_ts: '7.1',
      channel: CHANNEL,
      event_ts: '7.2',
    });
    await expect.poll(() => slack.api.some((c) => c.method === 'files.completeUploadExternal')).toBe(true);
    const posts = slack.api.filter((c) => c.method === 'chat.postMessage');
    expect(posts[1]?.body).toMatchObject({ channel: CHANNEL, thread_ts: '7.1' });
    expect(posts[1]?.body.text).toMatch(/^Which clusters can reach redis-main\?/);
    expect(JSON.stringify(posts[1]?.body.blocks)).toMatch(/unreachable|reachable/);
    expect(slack.uploads.join('\n')).toMatch(/^[✓✗?] (prod|staging): /m);
  });

  it('"what if" in the thread of an answer replies in the thread with how the path would move', async () => {
    const slack = recordSlack();
    const started = await app();
    await postEvent(started, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> can pod in prod reach redis-main?',
      ts: '8.1',
      channel: CHANNEL,
      event_ts: '8.1',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(1);
    await postEvent(started, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> what if I remove rule #1 of sg-redis?',
      ts: '8.2',
      thread_ts: '8.1',
      channel: CHANNEL,
      event_ts: '8.2',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(2);
    const reply = slack.api.filter((c) => c.method === 'chat.postMessage')[1]?.body;
    expect(reply).toMatchObject({ channel: CHANNEL, thread_ts: '8.1' });
    expect(reply?.text).toContain('✗ prod → redis-main: reachable → unreachable');
  });
});
