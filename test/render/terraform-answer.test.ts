// The Terraform of one answer pastes into one file: no two resources share a type and label, and each variable
// is declared once when the surfaces print several fixes one after the other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { type DiagnosisResult, flowsOf } from '../../src/engine/diagnosis.js';
import { QuestionError } from '../../src/question/errors.js';
import { oneFileTerraform } from '../../src/render/syntax/hcl.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { numberedFixes } from '../../src/render/words.js';
import { compileTopology } from '../../src/topology/compile.js';

const declarations = (hcl: string, kind: 'resource' | 'variable') =>
  [...hcl.matchAll(kind === 'resource' ? /^resource "[^"]+" "[^"]+"/gm : /^variable "[^"]+"/gm)].map((m) => m[0]);

const duplicates = (items: readonly string[]) => items.filter((item, i) => items.indexOf(item) !== i);

function answer(seed: number, index: number): DiagnosisResult | undefined {
  const topology = generateTopology('small', seed);
  const question = generateQuestions(topology, 40, seed)[index];
  if (!question) return undefined;
  try {
    return diagnose(compileTopology(topology), toQuestion(question));
  } catch (error) {
    if (error instanceof QuestionError) return undefined;
    throw error;
  }
}

describe('the Terraform of one answer', () => {
  it('never gives two resources the same type and label, and declares each variable once in one file', () => {
    let withSharedVariables = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 39 }), (seed, index) => {
        const result = answer(seed, index);
        if (!result) return;
        const snippets = numberedFixes(result).map(({ fix }) => fix.render.terraform);
        const all = snippets.filter((s): s is string => s !== undefined).join('\n\n');
        expect(duplicates(declarations(all, 'resource'))).toEqual([]);
        if (duplicates(declarations(all, 'variable')).length > 0) withSharedVariables++;
        const oneFile = oneFileTerraform(snippets)
          .filter((s): s is string => s !== undefined)
          .join('\n\n');
        expect(duplicates(declarations(oneFile, 'variable'))).toEqual([]);
        // Nothing but the repeated declarations is dropped.
        expect(declarations(oneFile, 'resource')).toEqual(declarations(all, 'resource'));
        expect(new Set(declarations(oneFile, 'variable'))).toEqual(new Set(declarations(all, 'variable')));
      }),
      { numRuns: 120 },
    );
    // The generated answers do exercise the case (several fixes naming the same security group or VPC).
    expect(withSharedVariables).toBeGreaterThan(0);
  });

  it('prints each variable once in the terminal with --format terraform', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (let index = 0; index < 40; index++) {
        const result = answer(seed, index);
        if (!result) continue;
        const fixes = flowsOf(result).flatMap((flow) => flow.fixes);
        const all = fixes.map((fix) => fix.render.terraform ?? '').join('\n');
        if (duplicates(declarations(all, 'variable')).length === 0) continue;
        const text = renderTerminal(result, { format: 'terraform' });
        const printed = [...text.matchAll(/variable "[^"]+"/g)].map((m) => m[0]);
        expect(duplicates(printed)).toEqual([]);
        expect(printed.length).toBeGreaterThan(0);
        return;
      }
    }
    throw new Error('no generated answer has two fixes declaring the same variable');
  });
});
