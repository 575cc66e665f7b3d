// Fix kind `route`: a route in a named table (the table that governs the subnet's outbound traffic).
import type { CompiledSubnet } from '../../topology/compile.js';
import type { PlannedFix } from '../context.js';

/** A route `destination -> nextHop` in the table governing `subnet`. */
export function routeFix(
  subnet: CompiledSubnet,
  destination: string,
  type: string,
  nextHop: string,
  purpose: string,
): PlannedFix {
  return {
    spec: { kind: 'route', vpc: subnet.vpcId, routeTable: subnet.routeTableId, destination, type, nextHop },
    purpose,
  };
}
