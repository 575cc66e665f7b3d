import { describe, expect, it } from 'vitest';

describe('forgetOldThreads', () => {
  it('drops thread contexts older than 30 days and keeps recent ones', async () => {
    const { forgetOldThreads } = await import('../../../../src/slack/listeners/events/conversation.js');
    const threads: Record<string, { updatedAt: string }> = {
      'C1:1': { updatedAt: '2026-01-01T00:00:00.000Z' },
      'C1:2': { updatedAt: '2026-02-20T00:00:00.000Z' },
    };
    forgetOldThreads(threads, new Date('2026-03-01T00:00:00.000Z'));
    expect(Object.keys(threads)).toEqual(['C1:2']);
  });
});
