// One ACL evaluation as a step with its fixes, shared by `source-acl` and `destination-acl`.
import type { Cidr } from '../../net/address.js';
import { evaluateAcl } from '../acl-eval.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import type { CheckName } from '../diagnosis.js';
import { networkAclFixes } from '../fixes/network-acl-rule.js';
import { type Span, spansText } from '../spans.js';
import { unreadAclStep } from './unread.js';

/** Evaluate `aclId` for the flow from `spans` to the destination; fail with insert-before fixes. */
export function aclStep(
  ctx: FlowContext,
  check: CheckName,
  aclId: string,
  direction: 'ingress' | 'egress',
  spans: readonly Span[],
  stable: readonly string[],
  subnet: Cidr | undefined,
  subnetId: string,
): CheckResult {
  const out = result();
  const acl = ctx.compiled.networkAcls.get(aclId);
  if (!acl) {
    out.steps.push({ check, status: 'warn', summary: `network ACL ${aclId} of ${subnetId} is not defined` });
    return out;
  }
  if (acl.acl.unread) {
    out.steps.push(unreadAclStep(check, aclId, acl.acl.unread, direction, subnetId, out));
    return out;
  }
  const { flow, target } = ctx;
  const evaluation = evaluateAcl(acl, direction, flow, spans, target.address, subnet);
  const family = target.family;
  if (evaluation.sourcePortRules.length)
    out.assumptions.push(
      `${aclId} ${direction} rules ${evaluation.sourcePortRules.map((i) => `#${i + 1}`).join(', ')} restrict the source port; a client's ephemeral port is unknown, so they were not counted`,
    );
  const evidence = {
    networkAcl: aclId,
    subnet: subnetId,
    decidedBy: evaluation.decided.map((d) => (d.by === 'preset' ? 'preset' : `rule #${d.by.index + 1}`)),
  };
  if (evaluation.sourcePortDependent) {
    const rules = evaluation.sourcePortRules.map((i) => `#${i + 1}`).join(', ');
    const reason = `${aclId} (${subnetId}) ${direction} ${evaluation.denied.length ? 'blocks' : 'allows'} ${flow.label} for ${spansText(family, spans)} unless rule(s) ${rules}, which match only some source ports, catch the client's ephemeral port: the answer depends on that port (VPC "Network ACL Overview")`;
    out.steps.push({ check, status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    if (evaluation.denied.length)
      out.fixes.push(
        ...networkAclFixes(aclId, direction, flow, stable, target.address, evaluation.insertAt, ctx.purpose),
      );
    return out;
  }
  if (evaluation.denied.length === 0) {
    out.steps.push({
      check,
      status: 'pass',
      summary: `${aclId} (${subnetId}) allows ${flow.label} ${direction === 'egress' ? 'out' : 'in'} for ${spansText(family, spans)}`,
      evidence,
    });
    return out;
  }
  const blocking = evaluation.decided.find((d) => d.by !== 'preset' && d.by.rule.action === 'deny')?.by;
  const partial = evaluation.allowed.length > 0;
  const by =
    blocking && blocking !== 'preset'
      ? `rule #${blocking.index + 1} (deny)`
      : 'the implicit deny (no rule matches; an associated ACL denies by default)';
  out.steps.push({
    check,
    status: 'fail',
    summary: `${aclId} (${subnetId}) ${direction} blocks ${flow.label} from ${spansText(family, evaluation.denied)}${partial ? ` (only ${spansText(family, evaluation.allowed)} is allowed)` : ''} by ${by}`,
    evidence,
  });
  out.fixes.push(...networkAclFixes(aclId, direction, flow, stable, target.address, evaluation.insertAt, ctx.purpose));
  return out;
}
