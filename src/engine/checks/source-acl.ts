// Step `source-acl`: the network ACL of each source subnet, outbound (VPC "Network ACL Overview"). The source subnet is
// the node subnet (overlay_l2, vpc-router, hostNetwork) or the container subnet (eni).
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import { subnetBlock } from '../../topology/compile.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { aclStep } from './acl-step.js';

/** Outbound ACL rules of every subnet the traffic leaves from. */
export function sourceAclCheck(ctx: FlowContext): CheckResult {
  const out = result();
  for (const leg of ctx.source.legs) {
    if (!leg.subnet.aclId) continue;
    const block = subnetBlock(leg.subnet, ctx.target.family);
    const part = aclStep(
      ctx,
      'source-acl',
      leg.subnet.aclId,
      'egress',
      leg.spans,
      leg.stable,
      block,
      leg.subnet.subnet.id,
    );
    out.steps.push(...part.steps);
    out.fixes.push(...part.fixes);
    out.assumptions.push(...part.assumptions);
    out.uncertain.push(...part.uncertain);
  }
  if (ctx.source.legs.length === 0)
    out.steps.push({ check: 'source-acl', status: 'skip', summary: ctx.i18n.t(TEXTS['source-acl.no-subnet']) });
  else if (out.steps.length === 0)
    out.steps.push({
      check: 'source-acl',
      status: 'pass',
      summary: ctx.i18n.t(TEXTS['source-acl.none'], { subnets: ctx.source.legs.map((l) => l.subnet.subnet.id) }),
    });
  return out;
}
