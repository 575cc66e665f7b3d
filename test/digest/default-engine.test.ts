// The digest engine walks each path only until its first blocker and its first fix are known (and never verifies
// fixes), and checks every path without words, wording only the paths a message shows: what a digest shows of a
// path, its verdict, first fix and reason for doubt, must be exactly what the full walk gives, in both languages, and
// the wordless pass must give the verdict and fingerprint the worded walk gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { checkWatches, detailsOf, verdictOf } from '../../src/digest/check.js';
import { realEngine } from '../../src/digest/default-engine.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { i18n } from '../../src/i18n/i18n.js';
import type { Watch } from '../../src/store/data.js';
import { compileTopology } from '../../src/topology/compile.js';

describe('the digest engine', () => {
  it('shows each path exactly as the full walk would: verdict, first fix and reason for doubt', () => {
    const engine = realEngine();
    let problems = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('en' as const, 'zh' as const), (seed, lang) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        const questions = generateQuestions(topology, 40, seed).map(toQuestion);
        const watches: Watch[] = questions.map((question, i) => ({
          id: `w${i}`,
          channel: 'C1',
          topology: 'small',
          question,
          createdBy: 'U1',
          createdAt: '2026-01-01T00:00:00.000Z',
        }));
        const outcomes = checkWatches(watches, () => topology, engine, i18n(lang));
        questions.forEach((question, i) => {
          const full = diagnose(compiled, question, { verifyFixes: false, lang });
          const outcome = outcomes[i];
          if (outcome?.kind !== 'checked') throw new Error(`watch ${i} was not checked`);
          expect(outcome.verdict).toBe(full.verdict);
          expect(outcome.details()).toEqual(detailsOf(full));
          if (full.verdict !== 'reachable') problems++;
        });
      }),
      { numRuns: 15 },
    );
    // The property covers paths with something to show, not only reachable ones.
    expect(problems).toBeGreaterThan(20);
  });

  it('checks without words to the same verdict and fingerprint as with them (property)', () => {
    const engine = realEngine();
    const verdictOnly = engine.verdictOnly;
    if (!verdictOnly) throw new Error('the real engine checks paths without words');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('en' as const, 'zh' as const), (seed, lang) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        for (const synthetic of generateQuestions(topology, 40, seed)) {
          const question = toQuestion(synthetic);
          const wordless = verdictOnly(compiled, question);
          expect(verdictOf(wordless)).toEqual(verdictOf(engine.diagnose(compiled, question, { lang })));
          // Nothing is worded: the pass pays for no sentence.
          expect(flowsOf(wordless).flatMap((flow) => flow.steps.map((step) => step.summary))).toEqual(
            flowsOf(wordless).flatMap((flow) => flow.steps.map(() => '')),
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
