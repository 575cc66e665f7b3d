// Network ACL evaluation (VPC "Network ACL Overview"): stateful, rules in order, first match wins, implicit deny once
// a subnet is associated; system presets allow same-subnet traffic and the cloud-service ranges.
import { type AddressRange, type Cidr, contains, mustCidr } from '../net/address.js';
import { portListIncludes } from '../net/ports.js';
import { CLOUD_SERVICE_RANGE as CLOUD_SERVICE } from '../topology/cloud-ranges.js';
import type { CompiledAcl, CompiledAclRule, CompiledEndpoint } from '../topology/compile.js';
import type { Flow } from './context.js';
import { type Decided, firstMatch, fixedSpansOf, normalize, type Span, sameSpans, subtract } from './spans.js';

const METADATA = mustCidr('169.254.169.254/32');

export type AclDecider = CompiledAclRule | 'preset';

export interface AclEvaluation {
  readonly decided: Decided<AclDecider>[];
  readonly allowed: Span[];
  readonly denied: Span[];
  /** Index of the first rule that denies part of the source, or the rule count (the implicit deny). */
  readonly insertAt: number;
  /** Rules skipped because they constrain the client's (unknown, ephemeral) source port. */
  readonly sourcePortRules: number[];
  /** Counting those rules as matching would change what is allowed: the answer depends on the client port. */
  readonly sourcePortDependent: boolean;
}

// A subnet's CIDR as a one-element list, the same list each time, so that its spans are computed once.
const presetLists = new WeakMap<Cidr, readonly AddressRange[]>();
function presetRanges(cidr: Cidr): readonly AddressRange[] {
  let list = presetLists.get(cidr);
  if (!list) {
    list = [cidr];
    presetLists.set(cidr, list);
  }
  return list;
}

function endpointContains(endpoint: CompiledEndpoint, address: AddressRange): boolean {
  if (endpoint.kind === 'any') return true;
  return endpoint.ranges.some((r) => contains(r, address));
}

/** Whether a source-port list covers every ephemeral port a client may use. */
function coversEphemeral(ports: CompiledAclRule['sourcePorts']): boolean {
  if (!ports) return true;
  return ports.some(([lo, hi]) => lo <= 1024 && hi >= 65535);
}

/**
 * Evaluate one direction of an ACL for a packet from `source` (a set of addresses) to `destination`.
 * `subnet` is the associated subnet, for the same-subnet preset.
 */
export function evaluateAcl(
  acl: CompiledAcl,
  direction: 'ingress' | 'egress',
  flow: Flow,
  source: readonly Span[],
  destination: AddressRange,
  subnet: Cidr | undefined,
): AclEvaluation {
  const family = destination.family;
  const rules = acl[direction];
  const sourcePortRules: number[] = [];
  const deciders: { spans: readonly Span[] | 'all'; by: AclDecider }[] = [];
  // The same deciders, but with the source-port rules counted as matching (a client port they cover).
  const lenient: { spans: readonly Span[] | 'all'; by: AclDecider }[] = [];
  const presetSpans = (cidr: Cidr): readonly Span[] => fixedSpansOf(presetRanges(cidr), family);
  // Presets: same subnet at both ends; the cloud-service range; metadata (tcp/80).
  if (subnet && contains(subnet, destination)) deciders.push({ spans: presetSpans(subnet), by: 'preset' });
  const cloud = contains(CLOUD_SERVICE, destination);
  const metadata = family === 4 && destination.start === METADATA.start && flow.protocol === 'tcp' && flow.port === 80;
  if (cloud || metadata) deciders.push({ spans: 'all', by: 'preset' });
  if (family === 4) deciders.push({ spans: presetSpans(CLOUD_SERVICE), by: 'preset' });
  lenient.push(...deciders);
  for (const rule of rules) {
    if (rule.protocol !== null && rule.protocol !== flow.number) continue;
    if (!endpointContains(rule.destination, destination)) continue;
    const decider = {
      spans: rule.source.kind === 'any' ? ('all' as const) : fixedSpansOf(rule.source.ranges, family),
      by: rule,
    };
    if (rule.protocol !== null && flow.protocol !== 'icmp' && flow.protocol !== 'icmpv6') {
      if (!portListIncludes(rule.destinationPorts, flow.port)) continue;
      if (!coversEphemeral(rule.sourcePorts)) {
        sourcePortRules.push(rule.index);
        lenient.push(decider);
        continue;
      }
    }
    deciders.push(decider);
    lenient.push(decider);
  }
  const allowedBy = (list: typeof deciders) => {
    const { decided: taken } = firstMatch(source, list, (d) => d.spans);
    const decided = taken.map((d): Decided<AclDecider> => ({ spans: d.spans, by: d.by.by }));
    const allowed = normalize(
      decided.filter((d) => d.by === 'preset' || d.by.rule.action === 'allow').flatMap((d) => d.spans),
    );
    return { decided, allowed };
  };
  const { decided, allowed } = allowedBy(deciders);
  // VPC "Network ACL Overview" (inferred): a rule on the source port decides only for some client ports, which the topology cannot know.
  const sourcePortDependent = sourcePortRules.length > 0 && !sameSpans(allowed, allowedBy(lenient).allowed);
  const firstDeny = decided.find((d) => d.by !== 'preset' && d.by.rule.action === 'deny');
  const insertAt = firstDeny && firstDeny.by !== 'preset' ? firstDeny.by.index : rules.length;
  return {
    decided,
    allowed,
    denied: subtract(normalize(source), allowed),
    insertAt,
    sourcePortRules,
    sourcePortDependent,
  };
}
