// Step `destination-sg`: inbound security-group rules of the destination for the source it sees
// (VPC FAQ on conflicting security group rules, vpc_faq_0077). Every address of the seen source must be allowed; an answer that depends on how
// several groups combine (VPC FAQ on conflicting security group rules, vpc_faq_0077) or on remote-group membership of vpc-router pod IPs (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265) is uncertain.
import type { I18n } from '../../i18n/i18n.js';
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import type { Cidr } from '../../net/address.js';
import { excludeCidr } from '../../net/cidr-exclude.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { replanFix } from '../fixes/replan.js';
import { securityGroupAllowFixes } from '../fixes/security-group-rule.js';
import { nodeAddresses } from '../node-addresses.js';
import { describeRule, evaluateSecurityGroups, type Peer } from '../security-group-eval.js';
import { normalize, spansText } from '../spans.js';

/** Old ECS generations ignore deny rules and port lists (VPC FAQ on conflicting security group rules, vpc_faq_0077). */
const OLD_FLAVOR = /^(s1|c1|c2|m1|h1|d1|g1|g2|e1|e2|et2)\./i;

/** Inbound rules of the destination's groups. */
export function destinationSgCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { target, source, flow, compiled, cluster, i18n: text } = ctx;
  const groups = target.securityGroups;
  if (target.info.kind === 'internet') {
    out.steps.push({
      check: 'destination-sg',
      status: 'skip',
      summary: text.t(TEXTS['destination-sg.internet']),
    });
    return out;
  }
  if (groups === null) {
    const address = target.address.text;
    out.steps.push({
      check: 'destination-sg',
      status: 'skip',
      summary: text.t(TEXTS['destination-sg.unknown'], { address }),
    });
    out.uncertain.push(text.t(TEXTS['destination-sg.unknown-declare'], { address }));
    return out;
  }
  if (groups.length === 0) {
    const whitelisted = target.resource?.whitelist !== undefined;
    const what = target.info.resource ?? target.address.text;
    out.steps.push({
      check: 'destination-sg',
      status: 'skip',
      summary: whitelisted
        ? text.t(TEXTS['destination-sg.whitelisted'], { resource: `${target.resource?.name}` })
        : text.t(TEXTS['destination-sg.none'], { what }),
    });
    if (!whitelisted) out.assumptions.push(text.t(TEXTS['destination-sg.none-assumed'], { what }));
    return out;
  }
  const peer: Peer = { family: source.family, spans: source.spans, memberOf: source.memberOf };
  const evaluation = evaluateSecurityGroups(compiled, groups, 'ingress', flow, peer);
  const literal = evaluation.literal;
  const merged = evaluation.merged;
  const all = spansText(source.family, source.spans);
  const deciding = literal.decided.find((d) => d.by.action === 'deny')?.by ?? literal.decided[0]?.by;
  const rule = deciding ? describeRule(deciding, text) : undefined;
  const kind = source.kind;
  const evidence = {
    securityGroups: groups,
    matchedRule: rule ?? null,
    allowed: spansText(source.family, literal.allowed),
    denied: spansText(source.family, literal.denied),
  };
  const flavor = target.resource?.flavor;
  if (
    flavor &&
    OLD_FLAVOR.test(flavor) &&
    literal.decided.some((d) => d.by.action === 'deny' || (d.by.ports?.length ?? 0) > 1)
  )
    out.assumptions.push(text.t(TEXTS['destination-sg.old-flavor'], { resource: `${target.resource?.name}`, flavor }));
  if (literal.denied.length === 0 && merged.denied.length === 0) {
    out.steps.push({
      check: 'destination-sg',
      status: 'pass',
      summary: text.t(TEXTS['destination-sg.allows'], {
        groups,
        flow: flow.label,
        from: all,
        kind,
        ...(rule ? { rule } : {}),
      }),
      evidence,
    });
    return out;
  }

  const alternativeGroup =
    source.kind === 'node' || source.kind === 'container-subnet' ? source.alternativeGroup : undefined;
  out.fixes.push(
    ...securityGroupAllowFixes({
      compiled,
      groups,
      direction: 'ingress',
      flow,
      family: source.family,
      remotes: source.stable,
      alternativeGroup,
      peer,
      purpose: ctx.purpose,
      text: ctx.i18n,
    }),
  );

  // vpc-router alternative (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041): SNAT to the node IP by taking the destination out of nonMasqueradeCidrs.
  if (source.kind === 'pod-cidr') {
    const nodeSource = seeNodeSource(ctx);
    const nodeEval = evaluateSecurityGroups(compiled, groups, 'ingress', flow, nodeSource);
    if (nodeSource.spans.length && nodeEval.literal.denied.length === 0 && nodeEval.merged.denied.length === 0)
      out.fixes.push(
        replanFix(
          nonMasqueradeAlternative(cluster, groups, target.subnet?.cidr ?? null, target.address.text, text),
          ctx.purpose,
          true,
        ),
      );
  }

  const literalOk = literal.denied.length === 0;
  const mergedOk = merged.denied.length === 0;
  if (literalOk !== mergedOk) {
    const reason = text.t(TEXTS['destination-sg.order-dependent'], {
      groups,
      literalAllows: literalOk,
      mergedAllows: mergedOk,
      flow: flow.label,
      peer: all,
    });
    out.steps.push({ check: 'destination-sg', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  if (source.maybeMemberOf.size > 0) {
    const members = new Set([...source.memberOf, ...source.maybeMemberOf]);
    const asMember = evaluateSecurityGroups(compiled, groups, 'ingress', flow, { ...peer, memberOf: members });
    if (asMember.literal.denied.length === 0 && asMember.merged.denied.length === 0) {
      const reason = text.t(TEXTS['destination-sg.remote-group'], {
        groups: [...source.maybeMemberOf],
        flow: flow.label,
        from: all,
      });
      out.steps.push({ check: 'destination-sg', status: 'warn', summary: reason, evidence });
      out.uncertain.push(reason);
      return out;
    }
  }
  const partial = literal.allowed.length > 0;
  out.steps.push({
    check: 'destination-sg',
    status: 'fail',
    summary: partial
      ? text.t(TEXTS['destination-sg.partial'], {
          groups,
          flow: flow.label,
          allowed: spansText(source.family, literal.allowed),
          from: all,
          kind,
          ...(rule ? { rule } : {}),
        })
      : rule
        ? text.t(TEXTS['destination-sg.blocks'], { rule, flow: flow.label, from: all, kind })
        : text.t(TEXTS['destination-sg.no-rule'], { groups, flow: flow.label, from: all, kind }),
    evidence,
  });
  return out;
}

function seeNodeSource(ctx: FlowContext): Peer {
  const nodeGroups = ctx.cluster.cluster.nodeSecurityGroups ?? [];
  const spans = nodeAddresses(ctx.cluster, 4).map(({ range }) => ({ start: range.start, end: range.end }));
  return { family: 4, spans: normalize(spans), memberOf: new Set(nodeGroups) };
}

/**
 * The nonMasqueradeCIDRs alternative in words: the list to set (the covering entry split around the destination
 * subnet), and where CCE takes it.
 */
function nonMasqueradeAlternative(
  cluster: FlowContext['cluster'],
  groups: readonly string[],
  subnet: Cidr | null,
  address: string,
  text: I18n,
): string {
  const hole = subnet ?? null;
  return text.t(TEXTS['destination-sg.non-masquerade'], {
    cluster: cluster.cluster.name,
    groups,
    current: cluster.nonMasquerade.map((c) => c.text),
    ...(hole ? { next: excludeCidr(cluster.nonMasquerade, hole).map((c) => c.text), hole: hole.text } : {}),
    address,
  });
}
