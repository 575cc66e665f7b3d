// `check-plan`: apply a Terraform plan's resource changes to a topology and compare every path before and
// after; each path that moves is attributed to the plan resources whose objects its diagnosis names. Pure.

import { diagnose } from '../answer/diagnose.js';
import { type DiagnosisResult, flowsOf, type Verdict } from '../engine/diagnosis.js';
import { EN, type I18n, i18n } from '../i18n/i18n.js';
import { localizedBy } from '../i18n/message.js';
import { planNotes as N } from '../i18n/messages/plan-notes.js';
import { QuestionError } from '../question/errors.js';
import { type Blocker, blockerOf } from '../reverse/reverse.js';
import { type CompiledTopology, compileTopology } from '../topology/compile.js';
import { issueText } from '../topology/errors.js';
import type { Topology } from '../topology/schema.js';
import { applyChange, checkChangedReferences } from '../whatif/apply.js';
import { ChangeError } from '../whatif/change.js';
import { type Movement, movementOf, type PathToCompare } from '../whatif/compare.js';
import { mapResourceChange, type PlannedChange } from './map.js';
import { PlanError, type TerraformPlan } from './plan.js';

export interface PlanPathResult {
  readonly path: PathToCompare;
  readonly before: Verdict;
  readonly after: Verdict;
  readonly movement: Movement;
  /** Plan resource addresses that changed this path (or, for uncertain, that it depends on). */
  readonly causes: readonly string[];
  readonly blocker?: Blocker;
  /** For uncertain: which values are known only after apply. */
  readonly unknownBecause?: string;
}

export interface PlanCheck {
  readonly planned: readonly PlannedChange[];
  readonly paths: readonly PlanPathResult[];
}

interface Asked {
  readonly verdict: Verdict;
  readonly blocker?: Blocker;
  /** The diagnosis' steps as text, to find the objects it names. */
  readonly text: string;
  /** Only its failing and warning steps. */
  readonly failText: string;
}

function ask(compiled: CompiledTopology, path: PathToCompare, lang: I18n): Asked {
  let result: DiagnosisResult;
  try {
    result = diagnose(compiled, path.question, { verifyFixes: false, lang: lang.lang });
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    const said = error.describe(lang);
    return { verdict: 'unreachable', blocker: { check: 'question', summary: said }, text: said, failText: said };
  }
  const blocker = blockerOf(result);
  const steps = flowsOf(result).flatMap((d) => d.steps);
  const show = (s: (typeof steps)[number]) => `${s.summary} ${s.evidence ? JSON.stringify(s.evidence) : ''}`;
  const text = steps.map(show).join('\n');
  const failText = steps
    .filter((s) => s.status === 'fail' || s.status === 'warn')
    .map(show)
    .join('\n');
  return { verdict: result.verdict, ...(blocker ? { blocker } : {}), text, failText };
}

// An id counts as named when it stands alone (not as part of a longer id: sg-db1 is not sg-db10).
function names(text: string, id: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(id, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + id.length];
    if (!(before && /[\w-]/.test(before)) && !(after && /[\w-]/.test(after))) return true;
    from = at + 1;
  }
}

/** Apply the plan to a copy of `topology` and compare `paths`; `before` may be passed when already compiled. */
export function checkPlan(
  topology: Topology,
  plan: TerraformPlan,
  paths: readonly PathToCompare[],
  before: CompiledTopology = compileTopology(topology),
  // The language of each blocker's summary and fix (causes are found by id, the same in every language).
  text: I18n = EN,
): PlanCheck {
  const planned: PlannedChange[] = [];
  let next = topology;
  for (const rc of plan.resource_changes ?? []) {
    let entry = mapResourceChange(rc, next);
    const applied = [];
    for (const change of entry.changes) {
      try {
        next = applyChange(next, change);
        applied.push(change);
      } catch (error) {
        if (!(error instanceof ChangeError)) throw error;
        entry = {
          ...entry,
          note: localizedBy(N['plan.note.not-as-expected'], (lang) => ({
            issues: error.issues.map((i) => issueText(i, i18n(lang))),
          })),
        };
      }
    }
    planned.push({ ...entry, changes: applied });
  }
  try {
    checkChangedReferences(next);
  } catch (error) {
    if (error instanceof ChangeError)
      throw new PlanError(`after the plan the topology is inconsistent: ${error.message}`);
    throw error;
  }
  const after = next === topology ? before : compileTopology(next);
  const changing = planned.filter((p) => p.changes.length > 0);
  const unknown = planned.filter((p) => p.unknown?.length);
  const results = paths.map((path): PlanPathResult => {
    const was = ask(before, path, text);
    const now = after === before ? was : ask(after, path, text);
    const depends = unknown.filter((p) => p.touches.some((id) => names(was.text, id) || names(now.text, id)));
    if (depends.length) {
      const because = text.t(N['plan.note.join'], {
        notes: depends.map((p) => text.t(N['plan.note.known-after-apply'], { address: p.address, keys: p.unknown! })),
      });
      return {
        path,
        before: was.verdict,
        after: 'uncertain',
        movement: was.verdict === 'uncertain' ? 'same' : 'uncertain',
        causes: depends.map((p) => p.address),
        unknownBecause: because,
        ...(now.blocker ? { blocker: now.blocker } : {}),
      };
    }
    const movement = movementOf(was.verdict, now.verdict);
    let causes: string[] = [];
    if (movement !== 'same') {
      causes = changing
        .filter((p) => p.touches.some((id) => names(was.text, id) || names(now.text, id)))
        .map((p) => p.address);
      if (causes.length === 0) causes = changing.map((p) => p.address);
    }
    return {
      path,
      before: was.verdict,
      after: now.verdict,
      movement,
      causes,
      ...(now.blocker ? { blocker: now.blocker } : {}),
    };
  });
  return { planned, paths: results };
}
