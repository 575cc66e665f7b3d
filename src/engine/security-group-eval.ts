// Security-group evaluation shared by the source egress and destination ingress checks (VPC FAQ on conflicting security group rules, vpc_faq_0077):
// groups in binding order, rules by priority (deny first at equal priority), first match decides,
// nothing matches => denied. Evaluated over the whole set of source addresses at once, and under both
// readings of multi-group evaluation, so that an order-dependent answer is reported as uncertain.
import { EN, type I18n } from '../i18n/i18n.js';
import { engineSource as TEXTS } from '../i18n/messages/engine-source.js';
import type { Family } from '../net/address.js';
import { portListIncludes } from '../net/ports.js';
import { type CompiledSgRule, type CompiledTopology, sortSgRules } from '../topology/compile.js';
import type { Flow } from './context.js';
import { type Decided, firstMatch, fixedSpansOf, normalize, type Span, subtract } from './spans.js';

/** The other end of the packet as the rules see it: addresses, and the groups it belongs to. */
export interface Peer {
  readonly family: Family;
  readonly spans: readonly Span[];
  readonly memberOf: ReadonlySet<string>;
}

export interface SgModelResult {
  readonly decided: Decided<CompiledSgRule>[];
  readonly allowed: Span[];
  readonly denied: Span[];
}

/** What a reading allows and denies of the peer. */
export type SgVerdict = Pick<SgModelResult, 'allowed' | 'denied'>;

export interface SgEvaluation {
  /** Groups in binding order, the first group with a matching rule decides (the literal reading). */
  readonly literal: SgModelResult;
  /**
   * All rules of all groups merged by priority (the other reading of VPC FAQ on conflicting security group rules,
   * vpc_faq_0077). Only what it allows and denies: the checks describe the deciding rule from the literal reading.
   */
  readonly merged: SgVerdict;
}

/** Whether a rule's direction-independent match fields (ethertype, protocol, ports/ICMP type) match the flow. */
export function ruleMatchesFlow(rule: CompiledSgRule, flow: Flow, family: Family): boolean {
  if (rule.family !== family) return false;
  if (rule.protocol === null) return true;
  if (rule.protocol !== flow.number) return false;
  return portListIncludes(rule.ports, flow.port);
}

/** The part of the peer a rule's remote matches (do not modify the result: it may be shared). */
export function remoteSpans(rule: CompiledSgRule, peer: Peer): readonly Span[] | 'all' {
  switch (rule.remote.kind) {
    case 'any':
      return 'all';
    case 'ranges':
      return fixedSpansOf(rule.remote.ranges, peer.family);
    case 'group':
      return peer.memberOf.has(rule.remote.securityGroup) ? 'all' : [];
  }
}

/** First match over rules that already match the flow, in the order given. */
function evaluateMatching(matching: readonly CompiledSgRule[], peer: Peer): SgModelResult {
  const { decided } = firstMatch(peer.spans, matching, (rule) => remoteSpans(rule, peer));
  const allowed = normalize(decided.filter((d) => d.by.action === 'allow').flatMap((d) => d.spans));
  return { decided, allowed, denied: subtract(normalize(peer.spans), allowed) };
}

/** Evaluate `groups` (in binding order) for one direction of a flow against a peer. */
export function evaluateSecurityGroups(
  compiled: CompiledTopology,
  groups: readonly string[],
  direction: 'ingress' | 'egress',
  flow: Flow,
  peer: Peer,
): SgEvaluation {
  // The rules that match the flow's protocol and port, groups in binding order, each group's rules in its own
  // order. A group that is not defined (validation normally prevents this) has no rules to evaluate.
  const matching: CompiledSgRule[] = [];
  let found = 0;
  for (const id of groups) {
    const group = compiled.securityGroups.get(id);
    if (!group) continue;
    found += 1;
    for (const rule of group[direction]) if (ruleMatchesFlow(rule, flow, peer.family)) matching.push(rule);
  }
  const literal = evaluateMatching(matching, peer);
  // Merged by priority, the other reading: the whole list sorted, then filtered, is the filtered list sorted (the
  // sort is stable), so only the few rules that match are sorted, for each question, with nothing kept. When none of
  // them denies, order cannot matter: every reading allows exactly the addresses some matching rule allows.
  const merged =
    found > 1 && matching.some((rule) => rule.action === 'deny')
      ? evaluateMatching(sortSgRules(matching), peer)
      : literal;
  return { literal, merged };
}

/** "rule #2 of sg-db: deny tcp 3306 from 172.16.0.0/16, priority 1". */
export function describeRule(rule: CompiledSgRule, text: I18n = EN): string {
  const r = rule.rule;
  const remote =
    r.remote === undefined
      ? ({ kind: 'any' } as const)
      : typeof r.remote === 'string'
        ? ({ kind: 'cidr', cidr: r.remote } as const)
        : 'securityGroup' in r.remote
          ? ({ kind: 'group', group: r.remote.securityGroup } as const)
          : ({ kind: 'address-group', group: r.remote.addressGroup } as const);
  return text.t(TEXTS['engine.sg-rule'], {
    index: rule.index + 1,
    group: rule.securityGroup,
    direction: rule.direction,
    action: rule.action,
    ...(r.protocol !== undefined ? { protocol: r.protocol } : {}),
    ...(r.ports ? { ports: String(r.ports) } : {}),
    remote,
    priority: rule.priority,
  });
}
