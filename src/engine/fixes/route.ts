// Fix kind `route`: a route in a named table (the table that governs the subnet's outbound traffic).
import type { CompiledSubnet, CompiledTopology } from '../../topology/compile.js';
import type { PlannedFix } from '../context.js';

/** A route `destination -> nextHop` in the table governing `subnet`. */
export function routeFix(
  compiled: CompiledTopology,
  subnet: CompiledSubnet,
  destination: string,
  type: string,
  nextHop: string,
  purpose: string,
): PlannedFix {
  // Huawei has a dedicated API for peering routes in a VPC's default table; the renderer picks it by this flag.
  const defaultTable = compiled.vpcs.get(subnet.vpcId)?.defaultTableId === subnet.routeTableId;
  return {
    spec: {
      kind: 'route',
      vpc: subnet.vpcId,
      routeTable: subnet.routeTableId,
      destination,
      type,
      nextHop,
      defaultTable,
    },
    purpose,
  };
}
