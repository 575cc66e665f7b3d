// Fix kind `nat-gateway`: new internet egress for a VPC whose subnets have no SNAT rule with an EIP: a public NAT
// gateway, an EIP, and one SNAT rule per source subnet (NAT "Public NAT Gateway" overview; CCE "Accessing the
// Internet from a Container", cce_10_0400). Applied, the rules send the subnets out through the new EIP.
import type { CompiledSubnet, CompiledVpc } from '../../topology/compile.js';
import type { PlannedFix } from '../context.js';
import { freshName } from './names.js';

/** A NAT gateway (new, or the VPC's existing one without rules), a new EIP and SNAT rules for `subnets`. */
export function natGatewayFix(vpc: CompiledVpc, subnets: readonly CompiledSubnet[], purpose: string): PlannedFix {
  const first = subnets[0]!;
  const existing = vpc.natGateways[0];
  const taken = new Set(vpc.natGateways.map((n) => n.id));
  const natGateway = existing?.id ?? freshName(`nat-${vpc.vpc.id}`, taken);
  return {
    spec: {
      kind: 'nat-gateway',
      vpc: vpc.vpc.id,
      subnet: first.subnet.id,
      natGateway,
      ...(existing ? { existing: true } : {}),
      eip: `eip-${natGateway}`,
      sources: [...new Set(subnets.map((s) => s.subnet.id))],
    },
    purpose,
  };
}
