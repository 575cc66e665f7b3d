import { describe, expect, it } from 'vitest';
import { isRetryable, pacedPoster, postWithRetry, printingPoster } from '../../src/digest/poster.js';

/** A clock that only moves when something sleeps: pacing is asserted without real time. */
function fakeClock() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

describe('per-channel pacing', () => {
  it('sends at most one message a second to a channel, in order, without holding up other channels', async () => {
    const clock = fakeClock();
    const sent: string[] = [];
    const poster = pacedPoster(
      {
        async postMessage(message) {
          sent.push(`${clock.now()} ${message.channel} ${message.text}`);
        },
      },
      { now: clock.now, sleep: clock.sleep },
    );
    await Promise.all([
      poster.postMessage({ channel: 'C1', text: 'a' }),
      poster.postMessage({ channel: 'C1', text: 'b' }),
      poster.postMessage({ channel: 'C2', text: 'x' }),
      poster.postMessage({ channel: 'C1', text: 'c' }),
    ]);
    expect(sent.filter((line) => line.includes(' C1 '))).toEqual(['0 C1 a', '1000 C1 b', '2000 C1 c']);
    expect(sent.filter((line) => line.includes(' C2 '))).toHaveLength(1);
  });

  it('does not wait when the last message to the channel is older than a second', async () => {
    const clock = fakeClock();
    const poster = pacedPoster({ postMessage: async () => undefined }, { now: clock.now, sleep: clock.sleep });
    await poster.postMessage({ channel: 'C1', text: 'a' });
    clock.tick(5000);
    await poster.postMessage({ channel: 'C1', text: 'b' });
    expect(clock.slept).toEqual([]);
  });

  it('keeps the pace after a failed post, and a failure does not block the next message', async () => {
    const clock = fakeClock();
    let calls = 0;
    const poster = pacedPoster(
      {
        async postMessage() {
          calls++;
          if (calls === 1) throw new Error('boom');
        },
      },
      { now: clock.now, sleep: clock.sleep },
    );
    await expect(poster.postMessage({ channel: 'C1', text: 'a' })).rejects.toThrow('boom');
    await poster.postMessage({ channel: 'C1', text: 'b' });
    expect(clock.slept).toEqual([1000]);
  });

  it('shares one pace between everyone wrapping the same poster', () => {
    const base = { postMessage: async () => undefined };
    expect(pacedPoster(base)).toBe(pacedPoster(base));
  });
});

describe('retries', () => {
  it('retries transient errors with doubling delays, then throws the last error', async () => {
    const clock = fakeClock();
    let calls = 0;
    const failing = {
      async postMessage() {
        calls++;
        throw Object.assign(new Error('An HTTP protocol error occurred: statusCode = 503'), { statusCode: 503 });
      },
    };
    await expect(
      postWithRetry(
        failing,
        { channel: 'C1', text: 'a' },
        { retries: 3, baseDelayMs: 500, maxDelayMs: 1500 },
        clock.sleep,
      ),
    ).rejects.toThrow('503');
    expect(calls).toBe(4);
    expect(clock.slept).toEqual([500, 1000, 1500]);
  });

  it('tells errors that would repeat from those that might not', () => {
    expect(isRetryable({ data: { error: 'channel_not_found' } })).toBe(false);
    expect(isRetryable({ data: { error: 'invalid_blocks' } })).toBe(false);
    expect(isRetryable({ data: { error: 'internal_error' } })).toBe(true);
    expect(isRetryable({ data: { error: 'ratelimited' } })).toBe(true);
    expect(isRetryable(new Error('socket hang up'))).toBe(true);
  });
});

describe('printing poster', () => {
  it('prints the message as the shell shows it', async () => {
    const lines: string[] = [];
    await printingPoster((line) => lines.push(line)).postMessage({
      channel: 'C1',
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Title' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Body' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Footer' }] },
      ],
    });
    expect(lines).toEqual(['[C1]\nTitle\nBody\nFooter']);
  });
});
