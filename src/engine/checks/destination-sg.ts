// Step `destination-sg`: inbound security-group rules of the destination for the source it sees
// (VPC FAQ on conflicting security group rules, vpc_faq_0077). Every address of the seen source must be allowed; an answer that depends on how
// several groups combine (VPC FAQ on conflicting security group rules, vpc_faq_0077) or on remote-group membership of vpc-router pod IPs (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265) is uncertain.
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
  const { target, source, flow, compiled, cluster } = ctx;
  const groups = target.securityGroups;
  if (target.info.kind === 'internet') {
    out.steps.push({
      check: 'destination-sg',
      status: 'skip',
      summary: 'internet destination: its filters are not in the topology',
    });
    return out;
  }
  if (groups === null) {
    const reason = `${target.address.text} is not a declared resource: its security groups are unknown`;
    out.steps.push({ check: 'destination-sg', status: 'skip', summary: reason });
    out.uncertain.push(`${reason}; declare it under resources to check them`);
    return out;
  }
  if (groups.length === 0) {
    const whitelisted = target.resource?.whitelist !== undefined;
    out.steps.push({
      check: 'destination-sg',
      status: 'skip',
      summary: whitelisted
        ? `${target.resource?.name} is controlled by its whitelist, not by security groups`
        : `${target.info.resource ?? target.address.text} declares no security groups`,
    });
    if (!whitelisted)
      out.assumptions.push(
        `${target.info.resource ?? target.address.text} declares no security groups; none are assumed to filter it`,
      );
    return out;
  }
  const peer: Peer = { family: source.family, spans: source.spans, memberOf: source.memberOf };
  const evaluation = evaluateSecurityGroups(compiled, groups, 'ingress', flow, peer);
  const literal = evaluation.literal;
  const merged = evaluation.merged;
  const all = spansText(source.family, source.spans);
  const deciding = literal.decided.find((d) => d.by.action === 'deny')?.by ?? literal.decided[0]?.by;
  const evidence = {
    securityGroups: groups,
    matchedRule: deciding ? describeRule(deciding) : null,
    allowed: spansText(source.family, literal.allowed),
    denied: spansText(source.family, literal.denied),
  };
  const flavor = target.resource?.flavor;
  if (
    flavor &&
    OLD_FLAVOR.test(flavor) &&
    literal.decided.some((d) => d.by.action === 'deny' || (d.by.ports?.length ?? 0) > 1)
  )
    out.assumptions.push(
      `${target.resource?.name} is an old-generation flavor (${flavor}): deny rules and port lists may not take effect on it (VPC FAQ on conflicting security group rules, vpc_faq_0077)`,
    );
  if (literal.denied.length === 0 && merged.denied.length === 0) {
    out.steps.push({
      check: 'destination-sg',
      status: 'pass',
      summary: `${groups.join(', ')} ${groups.length === 1 ? 'allows' : 'allow'} ${flow.label} from ${all}${deciding ? ` (${describeRule(deciding)})` : ''}`,
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
    }),
  );

  // vpc-router alternative (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041): SNAT to the node IP by taking the destination out of nonMasqueradeCidrs.
  if (source.kind === 'pod-cidr') {
    const nodeSource = seeNodeSource(ctx);
    const nodeEval = evaluateSecurityGroups(compiled, groups, 'ingress', flow, nodeSource);
    if (nodeSource.spans.length && nodeEval.literal.denied.length === 0 && nodeEval.merged.denied.length === 0)
      out.fixes.push(
        replanFix(
          nonMasqueradeAlternative(cluster, groups, target.subnet?.cidr ?? null, target.address.text),
          ctx.purpose,
          true,
        ),
      );
  }

  const literalOk = literal.denied.length === 0;
  const mergedOk = merged.denied.length === 0;
  if (literalOk !== mergedOk) {
    const reason = `${groups.join(', ')} ${literalOk ? 'allow' : 'deny'} ${flow.label} from ${all} if groups are evaluated in binding order, but ${mergedOk ? 'allow' : 'deny'} it if their rules are merged by priority (VPC FAQ on conflicting security group rules, vpc_faq_0077; Huawei's docs leave this open)`;
    out.steps.push({ check: 'destination-sg', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  if (source.maybeMemberOf.size > 0) {
    const members = new Set([...source.memberOf, ...source.maybeMemberOf]);
    const asMember = evaluateSecurityGroups(compiled, groups, 'ingress', flow, { ...peer, memberOf: members });
    if (asMember.literal.denied.length === 0 && asMember.merged.denied.length === 0) {
      const reason = `only a rule with a remote security group (${[...source.maybeMemberOf].join(', ')}) would allow ${flow.label} from the pod CIDR ${all}: vpc-router pod IPs are not member ports of the node security group, so it most likely does not match (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265; Huawei's docs leave this open); CCE documents allowing the container CIDR`;
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
      ? `${groups.join(', ')} ${groups.length === 1 ? 'allows' : 'allow'} ${flow.label} from only part of what the destination sees: ${spansText(source.family, literal.allowed)} of ${all}${deciding ? `; ${describeRule(deciding)} decides the rest` : ''}`
      : deciding
        ? `${describeRule(deciding)} blocks ${flow.label} from ${all}`
        : `no rule of ${groups.join(', ')} allows ${flow.label} from ${all}`,
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
): string {
  const name = cluster.cluster.name;
  const current = cluster.nonMasquerade.map((c) => c.text).join(', ');
  const hole = subnet ?? null;
  const next = hole ? excludeCidr(cluster.nonMasquerade, hole).map((c) => c.text) : null;
  const setTo = next
    ? `set nonMasqueradeCIDRs of ${name} from [${current}] to [${next.join(', ')}] (the covering entry split around ${hole?.text})`
    : `take ${address} out of nonMasqueradeCIDRs of ${name} (now [${current}])`;
  return `let ${name} SNAT this traffic to the node IPs, which ${groups.join(', ')} already allow: ${setTo}. Where: CCE console, the cluster's Settings > Network (nonMasqueradeCIDRs; takes effect in about a minute), or the cluster configuration API (GET, then PUT /api/v3/projects/{project_id}/clusters/{cluster_id}/nodepools/master/configuration with the new value); clusters v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later, VPC network model only. CCE's rule: the subnet of a server that allows only node IPs must not be in nonMasqueradeCIDRs; all pods of the cluster then reach that subnet as their node IPs (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041)`;
}
