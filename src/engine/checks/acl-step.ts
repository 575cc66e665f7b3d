// One ACL evaluation as a step with its fixes, shared by `source-acl` and `destination-acl`.
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
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
  const text = ctx.i18n;
  const acl = ctx.compiled.networkAcls.get(aclId);
  if (!acl) {
    out.steps.push({
      check,
      status: 'warn',
      summary: text.t(TEXTS['acl.undefined'], { acl: aclId, subnet: subnetId }),
    });
    return out;
  }
  if (acl.acl.unread) {
    out.steps.push(unreadAclStep(check, aclId, acl.acl.unread, direction, subnetId, out, text));
    return out;
  }
  const { flow, target } = ctx;
  const evaluation = evaluateAcl(acl, direction, flow, spans, target.address, subnet);
  const family = target.family;
  const sourcePortRules = evaluation.sourcePortRules.map((i) => `#${i + 1}`);
  if (sourcePortRules.length)
    out.assumptions.push(text.t(TEXTS['acl.source-port-rules'], { acl: aclId, direction, rules: sourcePortRules }));
  const evidence = {
    networkAcl: aclId,
    subnet: subnetId,
    decidedBy: evaluation.decided.map((d) => (d.by === 'preset' ? 'preset' : `rule #${d.by.index + 1}`)),
  };
  if (evaluation.sourcePortDependent) {
    const reason = text.t(TEXTS['acl.source-port-dependent'], {
      acl: aclId,
      subnet: subnetId,
      direction,
      blocks: evaluation.denied.length > 0,
      flow: flow.label,
      spans: spansText(family, spans),
      rules: sourcePortRules,
    });
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
      summary: text.t(TEXTS['acl.allows'], {
        acl: aclId,
        subnet: subnetId,
        direction,
        flow: flow.label,
        spans: spansText(family, spans),
      }),
      evidence,
    });
    return out;
  }
  const blocking = evaluation.decided.find((d) => d.by !== 'preset' && d.by.rule.action === 'deny')?.by;
  const partial = evaluation.allowed.length > 0;
  out.steps.push({
    check,
    status: 'fail',
    summary: text.t(TEXTS['acl.blocks'], {
      acl: aclId,
      subnet: subnetId,
      direction,
      flow: flow.label,
      denied: spansText(family, evaluation.denied),
      ...(partial ? { allowed: spansText(family, evaluation.allowed) } : {}),
      ...(blocking && blocking !== 'preset' ? { rule: blocking.index + 1 } : {}),
    }),
    evidence,
  });
  out.fixes.push(...networkAclFixes(aclId, direction, flow, stable, target.address, evaluation.insertAt, ctx.purpose));
  return out;
}
