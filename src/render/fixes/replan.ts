// A problem no change in place can fix (an overlap of ranges fixed at creation, for example): words only.
import type { FixRender, ReplanFix } from '../../engine/diagnosis.js';
import { singleLine } from '../syntax/shell.js';
import { sentence } from './references.js';

type ReplanSpec = Omit<ReplanFix, 'render'>;

/** Render a replan fix: why no rule or route can fix it, and what it is for. */
export function renderReplan(fix: ReplanSpec, purpose: string): FixRender {
  const why = sentence(singleLine(fix.reason));
  const what = singleLine(purpose);
  // An alternative replan is a configuration change offered beside a rule fix; it must not claim
  // that nothing else can fix the problem.
  if (fix.alternative) return { text: `Instead${what === '' ? '' : ` (${what})`}: ${why}` };
  return { text: `No change in place can fix this${what === '' ? '' : ` (${what})`}; it needs replanning: ${why}` };
}
