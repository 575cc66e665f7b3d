// The digest check's catch-all: a question the topology cannot answer is the watch's problem, shown as its reason;
// any other exception is a bug, kept apart from it and logged as one, never disguised as a wrong question. The same
// for a bug met only while wording a line (a message template a walk without words never calls): it costs that line
// its words, not the whole digest.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/digest/changes.js';
import { checkWatches, detailsForReply, logBugs, type PathEngine } from '../../src/digest/check.js';
import { digestMessage } from '../../src/digest/digest-message.js';
import { QuestionError } from '../../src/question/errors.js';
import { fakeEngine, memoryLogger, topology, watch } from './helpers.js';

function throwingEngine(error: unknown): PathEngine {
  return {
    compile: (t) => fakeEngine.compile(t),
    diagnose() {
      throw error;
    },
  };
}

/** An engine whose walk without words works and whose worded walk throws `error`, as a broken template would. */
function wordingBugEngine(error: unknown): PathEngine {
  return {
    compile: (t) => fakeEngine.compile(t),
    verdictOnly: (compiled, question) => fakeEngine.diagnose(compiled, question),
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

  it('shows a path whose words throw with its verdict and no fix, keeps the other lines, and logs the bug once worded', () => {
    const bug = new TypeError('a template read a missing parameter');
    const broken = watch('C1', 'db1', 3306);
    const outcomes = checkWatches([broken], () => topology(), wordingBugEngine(bug));
    expect(outcomes).toMatchObject([{ kind: 'checked', verdict: 'unreachable' }]);
    const logger = memoryLogger();
    // Nothing worded yet, nothing to report.
    logBugs(outcomes, logger);
    expect(logger.lines).toEqual([]);
    const message = JSON.stringify(digestMessage(summarize(outcomes), { title: 'Digest', footer: 'f' }));
    expect(message).toContain(`(${broken.id})`);
    expect(message).toContain('unreachable');
    expect(message).not.toContain('Allow tcp');
    logBugs(outcomes, logger);
    expect(logger.lines).toEqual([
      {
        level: 'error',
        fields: expect.objectContaining({ err: bug, watch: broken.id }),
        message: expect.stringMatching(/^bug: wording a watched path threw/),
      },
    ]);
  });

  it('fails a reply that needs the words with the bug, for its handler to log', () => {
    const bug = new TypeError('a template read a missing parameter');
    const [outcome] = checkWatches([watch('C1', 'db1', 3306)], () => topology(), wordingBugEngine(bug));
    if (outcome?.kind !== 'checked') throw new Error('expected a checked outcome');
    expect(() => detailsForReply(outcome)).toThrow(bug);
  });
});
