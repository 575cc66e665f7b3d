// A what-if, start to end and pure: apply the changes to a copy of the topology, compile it, and compare the
// asked path and the watched paths before and after. The topology passed in is never modified.

import { diagnose } from '../answer/diagnose.js';
import { type DiagnosisResult, type FixSpec, flowsOf } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import type { Question } from '../question/question.js';
import { type CompiledTopology, compileTopology } from '../topology/compile.js';
import type { Topology } from '../topology/schema.js';
import { applyChanges } from './apply.js';
import type { Change } from './change.js';
import { comparePaths, type PathComparison, type PathToCompare } from './compare.js';
import type { WhatIf } from './phrase.js';

export interface WhatIfResult {
  readonly changes: readonly Change[];
  readonly asked: readonly PathComparison[];
  readonly watched: readonly PathComparison[];
}

/** The fixes to apply from an answer: each flow's fixes that are not alternatives nor a re-plan. */
export function fixesToApply(result: DiagnosisResult): FixSpec[] {
  return flowsOf(result)
    .flatMap((d) => d.fixes)
    .filter((fix) => fix.kind !== 'replan' && !fix.alternative)
    .map(({ render: _render, ...spec }) => spec as FixSpec);
}

/** The changes a what-if request stands for; "apply the fixes" takes them from the asked question's answer. */
export function changesOf(request: WhatIf, compiled: CompiledTopology, asked: Question | undefined): Change[] {
  if (request.kind === 'changes') return request.changes;
  const fixes = asked ? fixesToApply(diagnose(compiled, asked)) : [];
  return [{ op: 'apply-fixes', fixes, at: 'the fixes of the answer' }];
}

/** Evaluate `changes` on a copy of `topology` (compiled as `before`) for the asked and the watched paths. */
export function evaluateWhatIf(
  topology: Topology,
  before: CompiledTopology,
  changes: readonly Change[],
  asked: readonly PathToCompare[],
  watched: readonly PathToCompare[],
  text: I18n = EN,
): WhatIfResult {
  const after = compileTopology(applyChanges(topology, changes));
  return {
    changes,
    asked: comparePaths(before, after, asked, text),
    watched: comparePaths(before, after, watched, text),
  };
}
