// The digest engine walks each path only until its first blocker and its first fix are known (and never verifies
// fixes): what a digest shows of a path, its verdict, first fix and reason for doubt, must be exactly what the full
// walk gives, in both languages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { reduce } from '../../src/digest/check.js';
import { realEngine } from '../../src/digest/default-engine.js';
import { compileTopology } from '../../src/topology/compile.js';

/** What a digest line shows of a reduced outcome (the fingerprint is stored, never shown or compared). */
function shown(reduced: ReturnType<typeof reduce>) {
  if ('reason' in reduced) return reduced;
  const { fingerprint: _fingerprint, ...rest } = reduced;
  return rest;
}

describe('the digest engine', () => {
  it('shows each path exactly as the full walk would: verdict, first fix and reason for doubt', () => {
    const engine = realEngine();
    let problems = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('en' as const, 'zh' as const), (seed, lang) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        for (const synthetic of generateQuestions(topology, 40, seed)) {
          const question = toQuestion(synthetic);
          const full = reduce(diagnose(compiled, question, { verifyFixes: false, lang }));
          // As check.ts does: the digest engine's sentences have bare ids, and the reason kept is named after.
          const quick = reduce(engine.diagnose(compiled, question, { lang }), (s) => engine.label?.(compiled, s) ?? s);
          expect(shown(quick)).toEqual(shown(full));
          if ('verdict' in full && full.verdict !== 'reachable') problems++;
        }
      }),
      { numRuns: 15 },
    );
    // The property covers paths with something to show, not only reachable ones.
    expect(problems).toBeGreaterThan(20);
  });
});
