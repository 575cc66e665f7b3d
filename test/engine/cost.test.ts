// The cheap paths of the engine keep the answers: fixes rendered on first read, unverified diagnoses for callers
// that keep only verdicts, the normalized-spans fast path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { type DiagnosisResult, flowsOf } from '../../src/engine/diagnosis.js';
import { normalize, type Span } from '../../src/engine/spans.js';
import { QuestionError } from '../../src/question/errors.js';
import { renderFix, withRender } from '../../src/render/fix.js';
import { compileTopology } from '../../src/topology/compile.js';
import { seedSecurityGroupFix } from '../fixtures/render/diagnoses.js';

const spec = seedSecurityGroupFix;

describe('withRender', () => {
  it('reads, spreads and serializes like a plain render field, rendered once', () => {
    const fix = withRender(spec, 'CCE prod pods -> db1 tcp/3306');
    const eager = { ...spec, render: renderFix(spec, 'CCE prod pods -> db1 tcp/3306') };
    expect(Object.keys(fix)).toEqual(Object.keys(eager));
    expect(JSON.stringify(fix)).toBe(JSON.stringify(eager));
    expect({ ...fix }).toEqual(eager);
    expect(fix.render).toBe(fix.render);
  });
});

function answer(
  compiled: ReturnType<typeof compileTopology>,
  question: Parameters<typeof diagnose>[1],
  verify: boolean,
) {
  try {
    return diagnose(compiled, question, { verifyFixes: verify });
  } catch (error) {
    if (error instanceof QuestionError) return undefined;
    throw error;
  }
}

describe('diagnose without fix verification', () => {
  it('keeps the verdict, the steps and the first fixes of the verified answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        for (const q of generateQuestions(topology, 40, seed)) {
          const verified = answer(compiled, toQuestion(q), true);
          const quick = answer(compiled, toQuestion(q), false) as DiagnosisResult | undefined;
          if (!verified || !quick) {
            expect(quick).toBe(verified);
            continue;
          }
          expect(quick.verdict).toBe(verified.verdict);
          const pairs = flowsOf(verified).map((flow, i) => [flow, flowsOf(quick)[i]!] as const);
          for (const [full, cheap] of pairs) {
            expect(cheap.steps).toEqual(full.steps);
            expect(JSON.stringify(cheap.fixes)).toBe(JSON.stringify(full.fixes.slice(0, cheap.fixes.length)));
            expect(full.assumptions.slice(0, cheap.assumptions.length)).toEqual(cheap.assumptions);
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});

const span = fc
  .tuple(fc.bigInt({ min: 0n, max: 300n }), fc.bigInt({ min: 0n, max: 20n }))
  .map(([start, length]): Span => ({ start, end: start + length }));

const covers = (spans: readonly Span[], address: bigint) => spans.some((s) => s.start <= address && address <= s.end);

describe('normalize', () => {
  it('returns sorted, disjoint, non-adjacent spans covering the same addresses, in a new array', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), (spans) => {
        const once = normalize(spans);
        for (let i = 1; i < once.length; i++) expect(once[i]!.start).toBeGreaterThan(once[i - 1]!.end + 1n);
        for (let a = 0n; a <= 330n; a++) expect(covers(once, a)).toBe(covers(spans, a));
        const twice = normalize(once);
        expect(twice).toEqual(once);
        expect(twice).not.toBe(once);
      }),
    );
  });
});
