// Step `source-egress`: outbound security-group rules on the source side (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265): the node
// groups for overlay_l2 / vpc-router / hostNetwork, the pod ENI groups for eni.

import { addressBits } from '../../net/address.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { securityGroupAllowFixes } from '../fixes/security-group-rule.js';
import { describeRule, evaluateSecurityGroups } from '../security-group-eval.js';
import { spansOf } from '../spans.js';

/** Outbound rules of the source's groups toward the destination address. */
export function sourceEgressCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { source, target, flow, compiled } = ctx;
  const groups = source.egressGroups;
  const what = source.egressGroupsOf === 'node' ? 'node security groups' : 'pod security groups';
  if (groups.length === 0) {
    out.steps.push({
      check: 'source-egress',
      status: 'skip',
      summary: `no ${what} are listed for ${ctx.cluster.cluster.name}: outbound rules not checked`,
    });
    out.assumptions.push(
      `the ${what} of ${ctx.cluster.cluster.name} are not listed; outbound traffic is assumed allowed`,
    );
    return out;
  }
  const peer = { family: target.family, spans: spansOf([target.address], target.family), memberOf: target.memberOf };
  const evaluation = evaluateSecurityGroups(compiled, groups, 'egress', flow, peer);
  const literalOk = evaluation.literal.denied.length === 0;
  const mergedOk = evaluation.merged.denied.length === 0;
  const decidingRule = evaluation.literal.decided[0]?.by;
  const evidence = { securityGroups: groups, matchedRule: decidingRule ? describeRule(decidingRule) : null };
  if (literalOk && mergedOk) {
    out.steps.push({
      check: 'source-egress',
      status: 'pass',
      summary: `${groups.join(', ')} ${groups.length === 1 ? 'allows' : 'allow'} ${flow.label} out to ${target.address.text}${decidingRule ? ` (${describeRule(decidingRule)})` : ''}`,
      evidence,
    });
    return out;
  }
  const fixes = securityGroupAllowFixes({
    compiled,
    groups,
    direction: 'egress',
    flow,
    family: target.family,
    remotes: [`${target.address.text}/${addressBits(target.family)}`],
    peer,
    purpose: ctx.purpose,
  });
  out.fixes.push(...fixes);
  if (literalOk !== mergedOk) {
    const reason = `${groups.join(', ')} ${literalOk ? 'allow' : 'deny'} ${flow.label} out to ${target.address.text} if groups are evaluated in binding order, but ${mergedOk ? 'allow' : 'deny'} it if their rules are merged by priority (VPC FAQ on conflicting security group rules, vpc_faq_0077; Huawei's docs leave this open)`;
    out.steps.push({ check: 'source-egress', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  out.steps.push({
    check: 'source-egress',
    status: 'fail',
    summary: decidingRule
      ? `${describeRule(decidingRule)} blocks ${flow.label} out to ${target.address.text}`
      : `no outbound rule of ${groups.join(', ')} allows ${flow.label} to ${target.address.text}`,
    evidence,
  });
  return out;
}
