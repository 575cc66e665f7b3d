// Fix kind `snat-rule`: an SNAT rule on the VPC's NAT gateway for the subnet the traffic leaves from
// (node subnet for overlay_l2 / vpc-router, container subnet for eni; CCE "Accessing the Internet from a Container", cce_10_0400).
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import type { CompiledSubnet, CompiledVpc } from '../../topology/compile.js';
import type { PlannedFix } from '../context.js';
import { replanFix } from './replan.js';

/** The VPC's NAT gateway that has an SNAT rule, hence an EIP a new rule can reuse. */
export function natWithEip(vpc: CompiledVpc): boolean {
  return vpc.natGateways.some((n) => (n.snatRules ?? []).length > 0);
}

/** An SNAT rule for `subnet` on an existing NAT gateway, or a replan when the VPC has none with an EIP. */
export function snatFix(
  vpc: CompiledVpc | undefined,
  subnet: CompiledSubnet,
  purpose: string,
  text: I18n = EN,
): PlannedFix {
  const nat = vpc?.natGateways.find((n) => (n.snatRules ?? []).length > 0);
  const eip = nat?.snatRules?.[0]?.eip;
  if (!vpc || !nat || !eip)
    return replanFix(
      text.t(fixes['fix.snat.replan'], { vpc: subnet.vpcId, subnet: subnet.subnet.id, cidr: subnet.cidr.text }),
      purpose,
    );
  return {
    spec: { kind: 'snat-rule', vpc: vpc.vpc.id, natGateway: nat.id, source: subnet.subnet.id, eip },
    purpose,
  };
}
