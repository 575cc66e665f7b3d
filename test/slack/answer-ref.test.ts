import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/question/question.js';
import { BUTTON_VALUE_LIMIT, decodeAnswerRef, encodeAnswerRef } from '../../src/slack/answer-ref.js';

const name = fc.string({ minLength: 1, maxLength: 200 });
const question: fc.Arbitrary<Question> = fc.record(
  {
    cluster: name,
    workload: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
    destination: fc.string({ minLength: 1, maxLength: 300 }),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const),
    port: fc.integer({ min: 0, max: 65535 }),
  },
  { requiredKeys: ['cluster', 'workload', 'destination'] },
);

describe('answer references on buttons', () => {
  it('round-trip any question and stay within Slack’s button value limit for realistic names', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), question, (topology, q) => {
        const value = encodeAnswerRef({ topology, question: q });
        expect(decodeAnswerRef(value)).toEqual({ topology, question: q });
        if (value.length > BUTTON_VALUE_LIMIT) throw new Error('over limit');
      }),
    );
  });

  it('reject values that are not ours', () => {
    for (const value of [
      undefined,
      '',
      'not json',
      '{"v":2}',
      '{"v":1,"t":"x","q":{"c":"p","w":null,"d":"a","n":70000}}',
    ]) {
      expect(decodeAnswerRef(value)).toBeNull();
    }
  });
});
