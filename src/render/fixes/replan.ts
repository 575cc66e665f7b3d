// A problem no change in place can fix (an overlap of ranges fixed at creation, for example): words only.
import type { FixRender, ReplanFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { purposeWords } from '../../i18n/messages/engine-source.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { singleLine } from '../syntax/shell.js';
import { sentence } from './references.js';

type ReplanSpec = Omit<ReplanFix, 'render'>;

/** Render a replan fix: why no rule or route can fix it, and what it is for. */
export function renderReplan(fix: ReplanSpec, purpose: string, text: I18n = EN): FixRender {
  const reason = singleLine(fix.reason);
  const why = text.lang === 'en' ? sentence(reason) : reason;
  const what = purposeWords(singleLine(purpose), text);
  // An alternative replan is a configuration change offered beside a rule fix; it must not claim
  // that nothing else can fix the problem.
  return { text: text.t(fixes['fix.replan'], { alternative: fix.alternative === true, what, why }) };
}
