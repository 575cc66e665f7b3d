// The digest check's catch-all: a question the topology cannot answer is the watch's problem, shown as its reason;
// any other exception is a bug, kept apart from it and logged as one, never disguised as a wrong question.
import { describe, expect, it } from 'vitest';
import { checkWatches, logBugs, type PathEngine } from '../../src/digest/check.js';
import { QuestionError } from '../../src/question/errors.js';
import { fakeEngine, topology, watch } from './helpers.js';

function throwingEngine(error: unknown): PathEngine {
  return {
    compile: (t) => fakeEngine.compile(t),
    diagnose() {
      throw error;
    },
  };
}

describe('digest check errors', () => {
  it('does not disguise an injected TypeError as a reason, and logs it as a bug', () => {
    const bug = new TypeError('injected bug');
    const [outcome] = checkWatches([watch('C1', 'db1', 3306)], () => topology(), throwingEngine(bug));
    expect(outcome).toMatchObject({ kind: 'error', bug });
    expect(outcome?.kind === 'error' && outcome.reason).toMatch(/internal error while checking/);
    const logged: { fields: object; message: string }[] = [];
    logBugs(outcome ? [outcome] : [], { error: (fields, message) => logged.push({ fields, message }) });
    expect(logged).toEqual([{ fields: expect.objectContaining({ err: bug }), message: 'bug: watch check threw' }]);
  });

  it('keeps a QuestionError as the watch reason, with nothing logged', () => {
    const [outcome] = checkWatches(
      [watch('C1', 'db1', 3306)],
      () => topology(),
      throwingEngine(new QuestionError('unknown cluster "prod"')),
    );
    expect(outcome).toEqual(expect.objectContaining({ kind: 'error', reason: 'unknown cluster "prod"' }));
    expect(outcome && 'bug' in outcome).toBe(false);
    const logged: unknown[] = [];
    logBugs(outcome ? [outcome] : [], { error: (fields) => logged.push(fields) });
    expect(logged).toEqual([]);
  });
});
