// Step `destination-acl`: the network ACL of the destination subnet, inbound, for the source it sees.
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import { subnetBlock } from '../../topology/compile.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { aclStep } from './acl-step.js';

/** Inbound ACL rules of the destination subnet. */
export function destinationAclCheck(ctx: FlowContext): CheckResult {
  const { target, source } = ctx;
  const subnet = target.subnet;
  if (!subnet || target.info.kind === 'internet') {
    const out = result();
    out.steps.push({
      check: 'destination-acl',
      status: 'skip',
      summary: ctx.i18n.t(TEXTS['destination-acl.no-subnet']),
    });
    return out;
  }
  if (!subnet.aclId) {
    const out = result();
    out.steps.push({
      check: 'destination-acl',
      status: 'pass',
      summary: ctx.i18n.t(TEXTS['destination-acl.none'], { subnet: subnet.subnet.id }),
    });
    return out;
  }
  const block = subnetBlock(subnet, target.family);
  return aclStep(ctx, 'destination-acl', subnet.aclId, 'ingress', source.spans, source.stable, block, subnet.subnet.id);
}
