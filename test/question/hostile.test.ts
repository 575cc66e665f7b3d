// Hostile question text: over-long input is refused with a clear message before any parsing, the parser's
// work is linear in what it reads, and a bug inside it surfaces instead of posing as "not understood".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingMeter } from '../../src/bounds/meter.js';
import { QuestionError } from '../../src/question/errors.js';
import { MAX_QUESTION_LENGTH, parseFollowUp, parseQuestion } from '../../src/question/parse.js';
import type { Question } from '../../src/question/question.js';

const previous: Question = { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 };

/** Run a parse, returning its step count; only QuestionError may escape. */
function steps(parse: (meter: ReturnType<typeof countingMeter>) => unknown): number {
  const meter = countingMeter();
  try {
    parse(meter);
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
  }
  return meter.count;
}

const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('question length', () => {
  it('refuses 40 KB of "x里" with a clear message, reading nothing', () => {
    const text = fill('x里', 40_000);
    const meter = countingMeter();
    expect(() => parseQuestion(text, meter)).toThrowError(
      new RegExp(`is 40000 characters long; ask in at most ${MAX_QUESTION_LENGTH} characters`),
    );
    expect(meter.count).toBe(0);
    expect(() => parseFollowUp(text, previous, undefined, meter)).toThrowError(QuestionError);
    expect(meter.count).toBe(0);
  });

  it('still reads a question of exactly the maximum length', () => {
    const padding = ' '.repeat(MAX_QUESTION_LENGTH - 'can prod reach db1 on 3306?'.length);
    expect(parseQuestion(`can prod reach db1 on 3306?${padding}`).port).toBe(3306);
  });
});

describe('parser work', () => {
  // The worst shapes we know: long chains of cluster markers, verbs, ports and CJK runs, at the cap.
  const worst = [
    'x里',
    'x 里 ',
    'in x ',
    'cluster x ',
    'x集群的',
    '的',
    '连不上',
    'a->',
    'port 1 ',
    'tcp/1 ',
    '<a:',
    '<@U|',
    '&lt;',
    'x',
    ' ',
    'from x reach ',
    '1.1.1.1:1 ',
    '[::1]:1 ',
  ];
  for (const unit of worst) {
    it(`is linear in the text for chains of ${JSON.stringify(unit)}`, () => {
      const half = steps((m) => parseQuestion(fill(unit, MAX_QUESTION_LENGTH / 2), m));
      const full = steps((m) => parseQuestion(fill(unit, MAX_QUESTION_LENGTH), m));
      const followUp = steps((m) =>
        parseFollowUp(`and ${fill(unit, MAX_QUESTION_LENGTH - 4)}`, previous, undefined, m),
      );
      // Linear: twice the text, about twice the work (a per-token search would be four times).
      expect(full).toBeLessThanOrEqual(2.2 * half + 200);
      // A bounded number of steps per character (each CJK character tries ~70 known words).
      expect(full).toBeLessThanOrEqual(100 * MAX_QUESTION_LENGTH);
      expect(followUp).toBeLessThanOrEqual(200 * MAX_QUESTION_LENGTH);
    });
  }

  it('does bounded work on any text up to the cap, and refuses any longer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2 * MAX_QUESTION_LENGTH }), (text) => {
        const count = steps((m) => parseQuestion(text, m));
        // The parser reads the text with compatibility characters spelled out ("㍻" is "平成"): the work and the cap
        // are per character of that form (a random run found "㍻" costing 135 steps against a bound of 110).
        const length = Math.max(text.length, text.normalize('NFKC').length);
        if (length > MAX_QUESTION_LENGTH) expect(count).toBe(0);
        else expect(count).toBeLessThanOrEqual(100 * Math.max(length, 1) + 10);
      }),
      { numRuns: 300 },
    );
  });

  it('holds the spelled-out form of the text to the cap: 500 "㍿" are 2,000 characters to read, and refused', () => {
    const text = '㍿'.repeat(MAX_QUESTION_LENGTH);
    expect(steps((m) => parseQuestion(text, m))).toBe(0);
    expect(() => parseQuestion(text)).toThrow(/2000 characters long/);
    for (const short of ['㍻', '㍿'.repeat(10)])
      expect(steps((m) => parseQuestion(short, m))).toBeLessThanOrEqual(100 * short.normalize('NFKC').length + 10);
  });
});

describe('bugs are not disguised', () => {
  it('lets a TypeError from inside the parser through, not as "not understood"', () => {
    const names = {
      resources: [],
      get clusters(): string[] {
        throw new TypeError('injected bug');
      },
    };
    let caught: unknown;
    try {
      parseFollowUp('what about staging', previous, names);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TypeError);
    expect(caught).not.toBeInstanceOf(QuestionError);
    expect((caught as Error).message).toBe('injected bug');
  });
});
