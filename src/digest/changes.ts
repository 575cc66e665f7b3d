// What changed since the last digest: each watch's verdict now against the one stored at the last digest.
import { VERDICT_RANK, type Verdict } from '../engine/diagnosis.js';
import type { WatchOutcome } from './check.js';

export type CheckedOutcome = Extract<WatchOutcome, { kind: 'checked' }>;
export type FailedOutcome = Extract<WatchOutcome, { kind: 'error' }>;

/** A verdict that moved: `before` is absent for a watch never checked before. */
export interface VerdictChange {
  readonly outcome: CheckedOutcome;
  readonly before?: Verdict;
}

export interface DigestSummary {
  readonly total: number;
  readonly counts: Readonly<Record<Verdict, number>>;
  /** Got worse (or a problem on its first check), worst first. */
  readonly newlyBroken: readonly VerdictChange[];
  /** Got better, reachable first. */
  readonly newlyFixed: readonly VerdictChange[];
  /** Problems with the same verdict as at the last digest. */
  readonly stillBroken: readonly CheckedOutcome[];
  /** Watches that could not be checked (topology gone, cluster renamed...). */
  readonly failed: readonly FailedOutcome[];
}

/** Compare outcomes with each watch's last stored verdict. */
export function summarize(outcomes: readonly WatchOutcome[]): DigestSummary {
  const counts: Record<Verdict, number> = { reachable: 0, unreachable: 0, uncertain: 0 };
  const newlyBroken: VerdictChange[] = [];
  const newlyFixed: VerdictChange[] = [];
  const stillBroken: CheckedOutcome[] = [];
  const failed: FailedOutcome[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'error') {
      failed.push(outcome);
      continue;
    }
    counts[outcome.verdict]++;
    const before = outcome.watch.last?.verdict;
    const rankNow = VERDICT_RANK[outcome.verdict];
    const rankBefore = before === undefined ? 0 : VERDICT_RANK[before];
    if (rankNow > rankBefore) newlyBroken.push(before === undefined ? { outcome } : { outcome, before });
    else if (rankNow < rankBefore) newlyFixed.push({ outcome, before: before as Verdict });
    else if (outcome.verdict !== 'reachable') stillBroken.push(outcome);
  }
  const worstFirst = (a: VerdictChange, b: VerdictChange) =>
    VERDICT_RANK[b.outcome.verdict] - VERDICT_RANK[a.outcome.verdict];
  newlyBroken.sort(worstFirst);
  newlyFixed.sort((a, b) => -worstFirst(a, b));
  stillBroken.sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict]);
  return { total: outcomes.length, counts, newlyBroken, newlyFixed, stillBroken, failed };
}

/** Whether an on-change digest has something to say. */
export function hasChanges(summary: DigestSummary): boolean {
  return summary.newlyBroken.length > 0 || summary.newlyFixed.length > 0;
}
