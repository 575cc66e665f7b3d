// Fix kind `peering-accept`: the accepter side accepts a PENDING_ACCEPTANCE peering (reference §4.2).
import type { PlannedFix } from '../context.js';

/** Accept the peering. */
export function peeringAcceptFix(peering: string, purpose: string): PlannedFix {
  return { spec: { kind: 'peering-accept', peering }, purpose };
}
