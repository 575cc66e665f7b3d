// Fix kind `peering-accept`: the accepter side accepts a PENDING_ACCEPTANCE peering (VPC "VPC Peering Connection Overview", vpc_peering_0009).
import type { PlannedFix } from '../context.js';

/** Accept the peering. */
export function peeringAcceptFix(peering: string, purpose: string): PlannedFix {
  return { spec: { kind: 'peering-accept', peering }, purpose };
}
