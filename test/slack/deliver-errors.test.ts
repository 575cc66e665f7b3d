// What a person is told when something fails: Slack's error code, a system error's code, or the message of
// reachbot's own errors (whose codes are for programs).
import { describe, expect, it } from 'vitest';
import { slackError } from '../../src/slack/deliver.js';
import { StoreLockedError } from '../../src/store/errors.js';

describe('slackError', () => {
  it("gives Slack's code, a system error's code, or reachbot's message", () => {
    expect(
      slackError(Object.assign(new Error('An API error occurred'), { data: { error: 'channel_not_found' } })),
    ).toBe('channel_not_found');
    expect(slackError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    // It said "reachbot_store_locked".
    expect(slackError(new StoreLockedError('/data/reachbot.json', 42))).toMatch(
      /^the store \/data\/reachbot\.json is held by pid 42/,
    );
    expect(slackError('plain')).toBe('plain');
  });
});
