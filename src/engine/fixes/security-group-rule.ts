// Fix kind `security-group-rule`: the least-privilege allow (the asked protocol and port only, the
// narrowest stable source), placed so it wins: priority 1 on the first bound group. A priority-1 deny
// matching the same traffic cannot be beaten by any allow; that is reported as a `replan`.
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes as fixTexts } from '../../i18n/messages/fixes.js';
import type { Family } from '../../net/address.js';
import type { CompiledTopology } from '../../topology/compile.js';
import type { Flow, PlannedFix } from '../context.js';
import type { FixSpec } from '../diagnosis.js';
import { describeRule, type Peer, remoteSpans, ruleMatchesFlow } from '../security-group-eval.js';
import { intersect } from '../spans.js';
import { replanFix } from './replan.js';

export interface SecurityGroupFixRequest {
  readonly compiled: CompiledTopology;
  /** The groups bound to the NIC, in binding order (the fix goes on the first). */
  readonly groups: readonly string[];
  readonly direction: 'ingress' | 'egress';
  readonly flow: Flow;
  readonly family: Family;
  /** CIDRs to allow (one rule each). */
  readonly remotes: readonly string[];
  /** A security group containing the peer: offered as an alternative remote. */
  readonly alternativeGroup?: string;
  /** The traffic's other end, to find deny rules that would still win. */
  readonly peer: Peer;
  readonly purpose: string;
  /** The language of the replan reasons (default English). */
  readonly text?: I18n;
}

/** The allow rule(s) that make a flow pass a set of groups, plus `replan` for denies no allow can beat. */
export function securityGroupAllowFixes(request: SecurityGroupFixRequest): PlannedFix[] {
  const { compiled, groups, direction, flow, family, purpose } = request;
  const target = groups[0];
  if (!target) return [];
  const rule = (remote: string | { securityGroup: string }, alternative: boolean): PlannedFix => ({
    spec: {
      kind: 'security-group-rule',
      securityGroup: target,
      direction,
      ethertype: family === 6 ? 'IPv6' : 'IPv4',
      protocol: flow.protocol,
      ports: String(flow.port),
      remote,
      action: 'allow',
      priority: 1,
      ...(alternative ? { alternative: true } : {}),
    } satisfies FixSpec,
    purpose,
  });
  const fixes = request.remotes.map((remote) => rule(remote, false));
  if (request.alternativeGroup) fixes.push(rule({ securityGroup: request.alternativeGroup }, true));

  // Priority-1 denies evaluated before the new allow: in the first group (binding order), or in any
  // group when all rules are merged by priority (the other reading of VPC FAQ on conflicting security group rules, vpc_faq_0077).
  for (const id of groups) {
    const group = compiled.securityGroups.get(id);
    for (const r of group?.[direction] ?? []) {
      if (r.priority !== 1 || r.action !== 'deny' || !ruleMatchesFlow(r, flow, family)) continue;
      const hit = remoteSpans(r, request.peer);
      if (hit !== 'all' && intersect(hit, request.peer.spans).length === 0) continue;
      const text = request.text ?? EN;
      const reason = text.t(fixTexts['fix.sg.replan-deny'], { rule: describeRule(r, text), sameGroup: id === target });
      fixes.push(replanFix(reason, purpose));
    }
  }
  return fixes;
}
