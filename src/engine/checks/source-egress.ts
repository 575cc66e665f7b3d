// Step `source-egress`: outbound security-group rules on the source side (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265): the node
// groups for overlay_l2 / vpc-router / hostNetwork, the pod ENI groups for eni.

import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import { addressBits } from '../../net/address.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { securityGroupAllowFixes } from '../fixes/security-group-rule.js';
import { describeRule, evaluateSecurityGroups } from '../security-group-eval.js';
import { spansOf } from '../spans.js';

/** Outbound rules of the source's groups toward the destination address. */
export function sourceEgressCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { source, target, flow, compiled, i18n: text } = ctx;
  const groups = source.egressGroups;
  const pod = source.egressGroupsOf !== 'node';
  if (groups.length === 0) {
    out.steps.push({
      check: 'source-egress',
      status: 'skip',
      summary: text.t(TEXTS['source-egress.none'], { pod, cluster: ctx.cluster.cluster.name }),
    });
    out.assumptions.push(text.t(TEXTS['source-egress.none-assumed'], { pod, cluster: ctx.cluster.cluster.name }));
    return out;
  }
  const peer = { family: target.family, spans: spansOf([target.address], target.family), memberOf: target.memberOf };
  const evaluation = evaluateSecurityGroups(compiled, groups, 'egress', flow, peer);
  const literalOk = evaluation.literal.denied.length === 0;
  const mergedOk = evaluation.merged.denied.length === 0;
  const decidingRule = evaluation.literal.decided[0]?.by;
  const rule = decidingRule ? describeRule(decidingRule, text) : undefined;
  const evidence = { securityGroups: groups, matchedRule: rule ?? null };
  if (literalOk && mergedOk) {
    out.steps.push({
      check: 'source-egress',
      status: 'pass',
      summary: text.t(TEXTS['source-egress.allows'], {
        groups,
        flow: flow.label,
        address: target.address.text,
        ...(rule ? { rule } : {}),
      }),
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
    text: ctx.i18n,
  });
  out.fixes.push(...fixes);
  if (literalOk !== mergedOk) {
    const reason = text.t(TEXTS['source-egress.order-dependent'], {
      groups,
      literalAllows: literalOk,
      mergedAllows: mergedOk,
      flow: flow.label,
      peer: target.address.text,
    });
    out.steps.push({ check: 'source-egress', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  out.steps.push({
    check: 'source-egress',
    status: 'fail',
    summary: rule
      ? text.t(TEXTS['source-egress.blocks'], { rule, flow: flow.label, address: target.address.text })
      : text.t(TEXTS['source-egress.no-rule'], { groups, flow: flow.label, address: target.address.text }),
    evidence,
  });
  return out;
}
