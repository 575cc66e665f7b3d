// diagnose's stopAtFirstBlocker: the walk stops early, yet the verdict, the first failing step and the first fix
// of every flow are exactly those of the full walk (reverse answers rely on it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { type Diagnosis, flowsOf } from '../../src/engine/diagnosis.js';
import { compileTopology } from '../../src/topology/compile.js';

function essentials(flow: Diagnosis) {
  return {
    verdict: flow.verdict,
    firstFailure: flow.steps.find((s) => s.status === 'fail') ?? null,
    firstFix: flow.fixes[0] ? { spec: { ...flow.fixes[0], render: undefined }, text: flow.fixes[0].render.text } : null,
  };
}

describe('diagnose with stopAtFirstBlocker', () => {
  it('keeps each flow verdict, first failing step and first fix, and walks fewer steps when it stops', () => {
    let shortened = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        for (const synthetic of generateQuestions(topology, 40, seed)) {
          const question = toQuestion(synthetic);
          const full = diagnose(compiled, question, { verifyFixes: false });
          const quick = diagnose(compiled, question, { verifyFixes: false, stopAtFirstBlocker: true });
          expect(quick.verdict).toBe(full.verdict);
          const fullFlows = flowsOf(full);
          const quickFlows = flowsOf(quick);
          expect(quickFlows.map(essentials)).toEqual(fullFlows.map(essentials));
          for (const [i, flow] of quickFlows.entries()) {
            const whole = fullFlows[i]!;
            if (flow.verdict !== 'unreachable') expect(flow.steps).toEqual(whole.steps);
            // The steps it walked are the full walk's first steps.
            expect(flow.steps).toEqual(whole.steps.slice(0, flow.steps.length));
            if (flow.steps.length < whole.steps.length) shortened++;
          }
        }
      }),
      { numRuns: 15 },
    );
    // The option does something: on generated topologies most unreachable paths stop early.
    expect(shortened).toBeGreaterThan(0);
  });
});
