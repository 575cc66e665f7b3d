// Fix kind `replan`: nothing can be changed in place; the reason says what to plan differently.
import type { PlannedFix } from '../context.js';

/** A replan with its reason; `alternative` for a real alternative to an earlier fix. */
export function replanFix(reason: string, purpose: string, alternative = false): PlannedFix {
  return { spec: { kind: 'replan', reason, ...(alternative ? { alternative: true } : {}) }, purpose };
}
