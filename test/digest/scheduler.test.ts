import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Poster, webClientPoster } from '../../src/digest/poster.js';
import { runScheduledDigest } from '../../src/digest/run.js';
import { type DigestScheduler, startDigestScheduler } from '../../src/digest/scheduler.js';
import type { DigestSchedule } from '../../src/store/data.js';
import { putTopology } from '../../src/store/topologies.js';
import { fakeEngine, memoryLogger, recordingPoster, storeWith, topology, watch } from './helpers.js';
import { advance, advanceTo, flushIo, useFakeTime } from './time.js';

interface PostedBody {
  channel: string;
  text: string;
  blocks: unknown[];
}

/** Intercept chat.postMessage `times` times, answering with `reply`; bodies are decoded into `posted`. */
function slackApi(
  posted: PostedBody[],
  times = 1,
  status = 200,
  reply: object = { ok: true, ts: '1700000000.000100' },
) {
  return nock('https://slack.com')
    .post('/api/chat.postMessage', (body: Record<string, string>) => {
      posted.push({ channel: body.channel ?? '', text: body.text ?? '', blocks: JSON.parse(body.blocks ?? '[]') });
      return true;
    })
    .times(times)
    .reply(status, reply);
}

/** A real WebClient (built after nock is active) as the poster, as the Slack app wires it. */
function slackPoster(): Poster {
  return webClientPoster(new WebClient('xoxb-test-token', { retryConfig: { retries: 0 } }));
}

const weekdaysShanghai = (extra: Partial<DigestSchedule> = {}): DigestSchedule => ({
  channel: 'C1',
  cron: '0 9 * * 1-5',
  spec: 'weekdays 09:00',
  timezone: 'Asia/Shanghai',
  mode: 'always',
  lastRunAt: '2026-03-05T12:00:00.000Z',
  ...extra,
});

const baseline = { verdict: 'reachable' as const, at: '2026-03-05T01:00:00.000Z' };

function channelWatches() {
  return [
    watch('C1', 'db1', 3306, { id: 'w1', label: 'orders → mysql', last: baseline }),
    watch('C1', 'cache1', 6379, { id: 'w2', last: baseline }),
  ];
}

let scheduler: DigestScheduler | undefined;
/** When C1's next digest is due: fake time up to a minute before it passes without waiting on each croner wake-up. */
const nextDueC1 = () => scheduler?.nextRun('C1')?.getTime();

afterEach(() => {
  scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
});

describe('digest scheduler', () => {
  it('posts the digest when the schedule fires, in its time zone, on weekdays only', async () => {
    // Friday 6 March 2026, 08:30 in Shanghai.
    useFakeTime('2026-03-06T00:30:00Z');
    const store = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai() },
    });
    const posted: PostedBody[] = [];
    const api = slackApi(posted, 2);
    scheduler = startDigestScheduler({ store, poster: slackPoster(), engine: fakeEngine });

    await advanceTo('2026-03-06T00:59:00Z');
    expect(posted).toEqual([]);
    await advanceTo('2026-03-06T01:01:00Z');
    await scheduler.idle();

    expect(posted).toEqual([
      {
        channel: 'C1',
        text: 'Reachability digest: 1 reachable, 1 unreachable, 0 uncertain. Newly broken: orders → mysql (unreachable).',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Reachability digest: 2 watched paths', emoji: true } },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: '2 watched: *1* reachable · *1* unreachable · *0* uncertain' },
          },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: '*Newly broken (1)*\n:red_circle: *orders → mysql* (w1): reachable → *unreachable*\n      Fix: Allow tcp/3306 into sg-db from 172.16.0.0/16',
            },
          },
          {
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: 'Checked Fri 6 Mar, 09:00 (Asia/Shanghai) against the current topologies · schedule: weekdays 09:00',
              },
            ],
          },
        ],
      },
    ]);
    // The slot is recorded, and the verdicts become the baseline of the next digest.
    expect(store.data.schedules.C1?.lastRunAt).toBe('2026-03-06T01:00:00.000Z');
    expect(store.data.watches.map((w) => w.last?.verdict)).toEqual(['unreachable', 'reachable']);

    // Saturday and Sunday pass quietly; Monday's digest reports no change.
    await advanceTo('2026-03-09T00:59:00Z', 10 * 60_000, nextDueC1);
    expect(posted).toHaveLength(1);
    await advanceTo('2026-03-09T01:01:00Z');
    await scheduler.idle();
    expect(posted).toHaveLength(2);
    expect(posted[1]?.text).toBe(
      'Reachability digest: 1 reachable, 1 unreachable, 0 uncertain. No changes since the last digest.',
    );
    expect(posted[1]?.blocks[2]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'No changes since the last digest.' },
    });
    expect(api.isDone()).toBe(true);
  });

  it('stays quiet in on-change mode when nothing changed, and speaks when something did', async () => {
    useFakeTime('2026-03-06T00:30:00Z');
    const store = storeWith({
      open: { db: ['3306'], cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai({ mode: 'on-change' }) },
    });
    const posted: PostedBody[] = [];
    const logger = memoryLogger();
    scheduler = startDigestScheduler({ store, poster: slackPoster(), engine: fakeEngine, logger });

    await advanceTo('2026-03-06T01:01:00Z');
    await scheduler.idle();
    expect(posted).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(store.data.schedules.C1?.lastRunAt).toBe('2026-03-06T01:00:00.000Z');
    expect(logger.lines.map((line) => line.message)).toContain('on-change digest: nothing changed, nothing posted');

    // Over the weekend someone closes tcp/6379 on sg-cache.
    await putTopology(store, { name: 'prod', topology: topology({ db: ['3306'] }) });
    const api = slackApi(posted);
    await advanceTo('2026-03-09T01:01:00Z', 10 * 60_000, nextDueC1);
    await scheduler.idle();
    expect(api.isDone()).toBe(true);
    expect(posted.map((p) => p.text)).toEqual([
      'Reachability digest: 1 reachable, 0 unreachable, 1 uncertain. Newly broken: prod → cache1 tcp/6379 (uncertain).',
    ]);
    expect(posted[0]?.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Checked Mon 9 Mar, 09:00 (Asia/Shanghai) against the current topologies · schedule: weekdays 09:00, on change',
        },
      ],
    });
  });

  it('sends a digest missed while down once at start-up, and not again after a restart', async () => {
    // Down from before Friday's 09:00 slot until 11:00 Shanghai time.
    useFakeTime('2026-03-06T03:00:00Z');
    const store = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai() },
    });
    const posted: PostedBody[] = [];
    const api = slackApi(posted);
    const logger = memoryLogger();
    scheduler = startDigestScheduler({ store, poster: slackPoster(), engine: fakeEngine, logger });
    await scheduler.runMissed();
    expect(api.isDone()).toBe(true);
    expect(posted.map((p) => p.text)).toEqual([
      'Reachability digest: 1 reachable, 1 unreachable, 0 uncertain. Newly broken: orders → mysql (unreachable).',
    ]);
    expect(store.data.schedules.C1?.lastRunAt).toBe('2026-03-06T01:00:00.000Z');
    expect(logger.lines.find((l) => l.message === 'sending a digest missed while down')?.fields).toEqual({
      channel: 'C1',
      slot: '2026-03-06T01:00:00.000Z',
      lateMs: 2 * 60 * 60 * 1000,
    });

    // Restart: a new scheduler over the same store sends nothing for that slot.
    scheduler.stop();
    await advance(5 * 60_000);
    scheduler = startDigestScheduler({ store, poster: slackPoster(), engine: fakeEngine });
    await scheduler.runMissed();
    await advance(60_000);
    expect(posted).toHaveLength(1);
  });

  it("sends the other channels' missed digests when one schedule's zone cannot be read", async () => {
    // A hand-edited store: C0's zone is not one croner knows. Its job was never started, and it must not stop
    // the missed pass before C1 (it threw out of the loop).
    useFakeTime('2026-03-06T03:00:00Z');
    const store = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C0: weekdaysShanghai({ channel: 'C0', timezone: 'Mars/Olympus_Mons' }), C1: weekdaysShanghai() },
    });
    const poster = recordingPoster();
    const logger = memoryLogger();
    scheduler = startDigestScheduler({ store, poster, engine: fakeEngine, logger });
    await scheduler.runMissed();
    expect(store.data.schedules.C1?.lastRunAt).toBe('2026-03-06T01:00:00.000Z');
    expect(poster.sent.map((m) => m.channel)).toEqual(['C1']);
    expect(logger.lines.map((l) => l.message)).toContain('digest schedule cannot be run; its missed digest skipped');
  });

  it('skips a missed digest older than the grace window, and honours a configured grace', async () => {
    // 15:00 in Shanghai: six hours after the slot, and a minute.
    useFakeTime('2026-03-06T07:01:00Z');
    const store = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai() },
    });
    const poster = recordingPoster();
    const logger = memoryLogger();
    scheduler = startDigestScheduler({ store, poster, engine: fakeEngine, logger });
    await scheduler.runMissed();
    expect(poster.sent).toEqual([]);
    expect(store.data.schedules.C1?.lastRunAt).toBe('2026-03-06T01:00:00.000Z');
    expect(logger.lines.map((l) => l.message)).toContain('missed digest is past the grace window; skipped');
    scheduler.stop();

    const later = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai() },
    });
    scheduler = startDigestScheduler({ store: later, poster, engine: fakeEngine, graceMs: 8 * 60 * 60 * 1000 });
    await scheduler.runMissed();
    expect(poster.sent.map((m) => m.channel)).toEqual(['C1']);
  });

  it('never sends the same slot twice, even when two runs race for it', async () => {
    useFakeTime('2026-03-06T01:00:00Z');
    const store = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai() },
    });
    const poster = recordingPoster();
    const slot = new Date('2026-03-06T01:00:00Z');
    const deps = { store, poster, engine: fakeEngine };
    const results = await Promise.all([runScheduledDigest(deps, 'C1', slot), runScheduledDigest(deps, 'C1', slot)]);
    expect(results.sort()).toEqual(['duplicate', 'sent']);
    expect(poster.sent).toHaveLength(1);
    // An older slot arriving late is refused too.
    expect(await runScheduledDigest(deps, 'C1', new Date('2026-03-05T01:00:00Z'))).toBe('duplicate');
  });

  it('retries a failing chat.postMessage with backoff, logs the failure, and still runs the next digest', async () => {
    useFakeTime('2026-03-06T00:59:00Z');
    const store = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai() },
    });
    const attempts: PostedBody[] = [];
    const failing = slackApi(attempts, 4, 500, { ok: false, error: 'internal_error' });
    const logger = memoryLogger();
    scheduler = startDigestScheduler({ store, poster: slackPoster(), engine: fakeEngine, logger });

    // Four attempts with 2 s, 4 s and 8 s between them (each request also takes a few fake seconds in WebClient).
    await advanceTo('2026-03-06T01:03:00Z', 1000);
    await scheduler.idle();
    expect(failing.isDone()).toBe(true);
    expect(attempts).toHaveLength(4);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.fields)).toEqual([
      { channel: 'C1', attempt: 1, delayMs: 2000, error: 'An HTTP protocol error occurred: statusCode = 500' },
      { channel: 'C1', attempt: 2, delayMs: 4000, error: 'An HTTP protocol error occurred: statusCode = 500' },
      { channel: 'C1', attempt: 3, delayMs: 8000, error: 'An HTTP protocol error occurred: statusCode = 500' },
    ]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        fields: { channel: 'C1', error: 'An HTTP protocol error occurred: statusCode = 500' },
        message: 'posting the digest failed; giving up on this one',
      },
    ]);
    // The baseline did not move: the next digest still reports the change the channel never saw.
    expect(store.data.watches[0]?.last?.verdict).toBe('reachable');

    const posted: PostedBody[] = [];
    const working = slackApi(posted);
    await advanceTo('2026-03-09T01:01:00Z', 10 * 60_000, nextDueC1);
    await scheduler.idle();
    expect(working.isDone()).toBe(true);
    expect(posted.map((p) => p.text)).toEqual([
      'Reachability digest: 1 reachable, 1 unreachable, 0 uncertain. Newly broken: orders → mysql (unreachable).',
    ]);
  });

  it('does not retry an error that would repeat (the bot is not in the channel)', async () => {
    useFakeTime('2026-03-06T01:00:00Z');
    const store = storeWith({
      open: { cache: ['6379'] },
      watches: channelWatches(),
      schedules: { C1: weekdaysShanghai() },
    });
    const attempts: PostedBody[] = [];
    slackApi(attempts, 1, 200, { ok: false, error: 'not_in_channel' });
    const logger = memoryLogger();
    const status = await runScheduledDigest(
      { store, poster: slackPoster(), engine: fakeEngine, logger },
      'C1',
      new Date('2026-03-06T01:00:00Z'),
    );
    expect(status).toBe('failed');
    expect(attempts).toHaveLength(1);
    expect(logger.lines.map((l) => [l.level, l.message, l.fields])).toEqual([
      ['info', 'digest slot claimed', { channel: 'C1', slot: '2026-03-06T01:00:00.000Z' }],
      ['error', 'posting the digest failed; giving up on this one', { channel: 'C1', error: 'not_in_channel' }],
    ]);
  });

  it('picks up a schedule set while running and drops one turned off', async () => {
    useFakeTime('2026-03-06T00:00:00Z');
    const store = storeWith({ open: { cache: ['6379'] }, watches: channelWatches() });
    const poster = recordingPoster();
    scheduler = startDigestScheduler({ store, poster, engine: fakeEngine });
    expect(scheduler.nextRun('C1')).toBeUndefined();
    const { schedulesChanged } = await import('../../src/digest/schedule-events.js');
    await store.update((data) => {
      data.schedules.C1 = weekdaysShanghai({ lastRunAt: '2026-03-06T00:00:00.000Z' });
    });
    schedulesChanged(store);
    expect(scheduler.nextRun('C1')?.toISOString()).toBe('2026-03-06T01:00:00.000Z');
    await store.update((data) => {
      delete data.schedules.C1;
    });
    schedulesChanged(store);
    expect(scheduler.nextRun('C1')).toBeUndefined();
    await advanceTo('2026-03-06T02:00:00Z');
    expect(poster.sent).toEqual([]);
    await flushIo();
  });
});
