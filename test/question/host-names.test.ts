// Host names in questions: parsed as the destination in every form, with a port after a colon or apart;
// arbitrary host names never throw anything but QuestionError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionError } from '../../src/question/errors.js';
import { parseFollowUp, parseQuestion } from '../../src/question/parse.js';

const HOST = 'orders-db.internal.example.com';

describe('host names in questions', () => {
  it.each([
    [`can prod reach ${HOST}:3306?`, HOST, 3306],
    [`can prod reach ${HOST}.:3306?`, `${HOST}.`, 3306],
    [`prod -> ${HOST} tcp/3306`, HOST, 3306],
    [`can payments/api in prod reach ${HOST} on 3306?`, HOST, 3306],
    [`is ${HOST}:3306 reachable from prod`, HOST, 3306],
    [`prod 的容器能访问 ${HOST}:3306 吗`, HOST, 3306],
    [`prod ${HOST} 3306`, HOST, 3306],
    [`can prod reach Orders-DB.Internal.Example.COM:3306?`, 'Orders-DB.Internal.Example.COM', 3306],
  ])('%s', (text, destination, port) => {
    const question = parseQuestion(text);
    expect(question.cluster).toBe('prod');
    expect(question.destination).toBe(destination);
    expect(question.port).toBe(port);
  });

  it('a follow-up can switch to a host name', () => {
    const previous = parseQuestion('can prod reach 192.168.10.52:3306?');
    const next = parseFollowUp(`what about ${HOST}?`, previous);
    expect(next).toEqual({ kind: 'question', question: { ...previous, destination: HOST } });
  });

  it('arbitrary host names, with or without a port, never throw anything but QuestionError', () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9_*-]{1,12}$/);
    const host = fc.array(label, { minLength: 1, maxLength: 6 }).map((labels) => labels.join('.'));
    const port = fc.option(fc.integer({ min: -5, max: 70000 }), { nil: undefined });
    const trail = fc.constantFrom('', '.', '..', ':', '?');
    fc.assert(
      fc.property(host, port, trail, fc.constantFrom('can prod reach ', 'prod -> ', 'prod ', ''), (h, p, t, lead) => {
        const text = `${lead}${h}${t}${p === undefined ? '' : `:${p}`}`;
        try {
          const question = parseQuestion(text);
          expect(typeof question.destination).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(QuestionError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
