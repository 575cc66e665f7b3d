// Answer work takes turns of the event loop: in order, one piece per turn, so that what arrived meanwhile (a new
// request to ack) runs between two pieces, and a failing piece does not stop the next.
import { describe, expect, it } from 'vitest';
import { Turns } from '../../src/slack/turns.js';

describe('Turns', () => {
  it('runs pieces in order, one per turn, letting queued I/O run between them', async () => {
    const turns = new Turns();
    const order: string[] = [];
    const first = turns.take(() => {
      order.push('answer 1');
      // What arrives while answer 1 runs (Bolt reading and acking another request) is queued for the loop.
      setImmediate(() => order.push('ack of a new request'));
    });
    const second = turns.take(() => order.push('answer 2'));
    await Promise.all([first, second]);
    expect(order).toEqual(['answer 1', 'ack of a new request', 'answer 2']);
  });

  it('keeps going after a piece fails, and gives each piece its own result', async () => {
    const turns = new Turns();
    const failed = turns.take(() => {
      throw new Error('boom');
    });
    const next = turns.take(async () => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });
});
