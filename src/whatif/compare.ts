// How each path's verdict moves between two topologies (before and after a change): the core of what-if and of
// the Terraform plan check. Pure, over diagnose() only.

import { diagnose } from '../answer/diagnose.js';
import { VERDICT_RANK, type Verdict } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { QuestionError } from '../question/errors.js';
import type { Question } from '../question/question.js';
import { type Blocker, blockerOf } from '../reverse/reverse.js';
import type { CompiledTopology } from '../topology/compile.js';

/** A path to compare: a forward question, with the label people gave it (a watch's). */
export interface PathToCompare {
  readonly question: Question;
  readonly label?: string;
}

/** breaks: it was better and is now unreachable; fixed: it is now better; uncertain: it is now uncertain. */
export type Movement = 'breaks' | 'fixed' | 'uncertain' | 'same';

export interface PathComparison {
  readonly path: PathToCompare;
  readonly before: Verdict;
  readonly after: Verdict;
  readonly movement: Movement;
  /** Why it is not reachable after the change (and the engine's fix for it). */
  readonly blocker?: Blocker;
}

function verdictOf(
  compiled: CompiledTopology,
  question: Question,
  text: I18n,
): { verdict: Verdict; blocker?: Blocker } {
  try {
    const result = diagnose(compiled, question, { verifyFixes: false, lang: text.lang });
    const blocker = blockerOf(result);
    return { verdict: result.verdict, ...(blocker ? { blocker } : {}) };
  } catch (error) {
    // A name the change removed (or never there): the path cannot be taken, said as the reason.
    if (!(error instanceof QuestionError)) throw error;
    return { verdict: 'unreachable', blocker: { check: 'question', summary: error.describe(text) } };
  }
}

/** Classify how a verdict moved. */
export function movementOf(before: Verdict, after: Verdict): Movement {
  if (before === after) return 'same';
  if (after === 'unreachable') return 'breaks';
  if (VERDICT_RANK[after] < VERDICT_RANK[before]) return 'fixed';
  return 'uncertain';
}

/** Ask every path before and after. */
export function comparePaths(
  before: CompiledTopology,
  after: CompiledTopology,
  paths: readonly PathToCompare[],
  // The language of each blocker's summary and fix.
  text: I18n = EN,
): PathComparison[] {
  return paths.map((path) => {
    const was = verdictOf(before, path.question, text);
    const now = before === after ? was : verdictOf(after, path.question, text);
    return {
      path,
      before: was.verdict,
      after: now.verdict,
      movement: movementOf(was.verdict, now.verdict),
      ...(now.blocker ? { blocker: now.blocker } : {}),
    };
  });
}
