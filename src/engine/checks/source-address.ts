// Step `source-address`: which source IP the destination sees (CCE "Configuring Intra-VPC Access", cce_10_0399, CCE "Accessing the Internet from a Container", cce_10_0400), and the
// subnets the traffic leaves from (for ACLs and routes).
import { EN, type I18n } from '../../i18n/i18n.js';
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import { type AddressRange, contains, type Family, parseCidr, parseIp } from '../../net/address.js';
// Turbo pods usually reach the cloud-service range through SNATIPRanges (CCE "Configuring Intra-VPC Access", cce_10_0399).
import { CLOUD_SERVICE_RANGE } from '../../topology/cloud-ranges.js';
import {
  type CompiledCluster,
  type CompiledSubnet,
  type CompiledTopology,
  subnetBlock,
} from '../../topology/compile.js';
import type { Workload } from '../../topology/schema.js';
import type { Complete, InternetEgress, SeenSource, SourceLeg, Target } from '../context.js';
import type { Step } from '../diagnosis.js';
import { nodeAddresses } from '../node-addresses.js';
import { podSecurityGroups } from '../pod-security-groups.js';
import { normalize, spansOf, spanText } from '../spans.js';

// A compiled cluster never changes (a patched topology compiles its own), so its legs are computed once per family:
// a reverse question asks the same cluster about thousands of destinations.
const legsCache = new WeakMap<CompiledCluster, Map<string, readonly SourceLeg[]>>();

function memoLegs(cluster: CompiledCluster, key: string, compute: () => readonly SourceLeg[]): readonly SourceLeg[] {
  let byKey = legsCache.get(cluster);
  if (!byKey) {
    byKey = new Map();
    legsCache.set(cluster, byKey);
  }
  let legs = byKey.get(key);
  if (!legs) {
    legs = compute();
    byKey.set(key, legs);
  }
  return legs;
}

/** Legs leaving from the node subnets, carrying node addresses (listed nodes, else whole node subnets). */
function nodeLegs(cluster: CompiledCluster, family: Family): readonly SourceLeg[] {
  return memoLegs(cluster, `node${family}`, () => computeNodeLegs(cluster, family));
}

function computeNodeLegs(cluster: CompiledCluster, family: Family): SourceLeg[] {
  const bySubnet = new Map<CompiledSubnet, AddressRange[]>();
  for (const { subnet, range } of nodeAddresses(cluster, family)) {
    if (!subnet) continue;
    const list = bySubnet.get(subnet) ?? [];
    list.push(range);
    bySubnet.set(subnet, list);
  }
  return [...bySubnet].flatMap(([subnet, ranges]) => {
    const block = subnetBlock(subnet, family);
    return block ? [{ subnet, spans: spansOf(ranges, family), stable: [block.text] }] : [];
  });
}

function containerSubnetLegs(cluster: CompiledCluster, family: Family): readonly SourceLeg[] {
  return memoLegs(cluster, `container${family}`, () => computeContainerSubnetLegs(cluster, family));
}

function computeContainerSubnetLegs(cluster: CompiledCluster, family: Family): SourceLeg[] {
  return cluster.containerSubnets.flatMap((subnet) => {
    const block = subnetBlock(subnet, family);
    return block ? [{ subnet, spans: spansOf([block], family), stable: [block.text] }] : [];
  });
}

function natCovering(compiled: CompiledTopology, vpcId: string, subnet: CompiledSubnet, ip?: AddressRange) {
  for (const nat of compiled.vpcs.get(vpcId)?.natGateways ?? []) {
    for (const rule of nat.snatRules ?? []) {
      // Validation lets a rule name a subnet by its id only (importers resolve the API's ids to it), or a CIDR.
      if (rule.source === subnet.subnet.id) return { nat, rule };
      const cidr = parseCidr(rule.source);
      const inner = ip ?? subnet.cidr;
      if (cidr.ok && cidr.cidr.family === 4 && contains(cidr.cidr, inner)) return { nat, rule };
    }
  }
  return undefined;
}

function internetEgress(
  compiled: CompiledTopology,
  cluster: CompiledCluster,
  viaNodes: boolean,
  legs: readonly SourceLeg[],
): InternetEgress {
  const eips: string[] = [];
  const via: InternetEgress['via'][number][] = [];
  const missing: InternetEgress['missing'][number][] = [];
  if (viaNodes && cluster.nodes.length) {
    for (const node of cluster.nodes) {
      if (!node.subnet) continue;
      const point = { what: `node ${node.node.name}`, of: 'node', name: node.node.name } as const;
      if (node.node.eip) {
        eips.push(node.node.eip);
        via.push({ ...point, how: 'node-eip' });
        continue;
      }
      const nat = natCovering(compiled, cluster.vpcId, node.subnet, node.ip);
      if (nat) {
        eips.push(nat.rule.eip);
        via.push({ ...point, how: 'nat', natGateway: nat.nat.id });
      } else missing.push({ ...point, subnet: node.subnet });
    }
  } else {
    for (const leg of legs) {
      const nat = natCovering(compiled, cluster.vpcId, leg.subnet);
      const point = { what: `subnet ${leg.subnet.subnet.id}`, of: 'subnet', name: leg.subnet.subnet.id } as const;
      if (nat) {
        eips.push(nat.rule.eip);
        via.push({ ...point, how: 'nat', natGateway: nat.nat.id });
      } else missing.push({ ...point, subnet: leg.subnet });
    }
  }
  const eniNodeEipOnly = !viaNodes && missing.length > 0 && cluster.nodes.some((n) => n.node.eip);
  return { eips: [...new Set(eips)], via, missing, eniNodeEipOnly };
}

function unionStable(legs: readonly SourceLeg[]): string[] {
  return [...new Set(legs.flatMap((l) => l.stable))];
}

/** Compute the source the destination sees for this cluster, workload and destination. */
export function seeSource(
  compiled: CompiledTopology,
  cluster: CompiledCluster,
  workload: Workload | undefined,
  target: Target,
  text: I18n = EN,
): SeenSource {
  const family = target.family;
  const nodeGroups = cluster.cluster.nodeSecurityGroups ?? [];
  const none = new Set<string>();
  const assumptions: string[] = [];
  const uncertain: string[] = [];
  const internet = target.info.kind === 'internet';
  const hostNetwork = workload?.hostNetwork === true;
  const usesNodes = cluster.model !== 'eni' && !(cluster.model === 'vpc-router' && family === 6 && !hostNetwork);
  if (usesNodes) {
    const blocks = cluster.nodeSubnets.flatMap((s) => subnetBlock(s, family)?.text ?? []);
    // Nodes are listed by IPv4 address only, so an IPv6 question always falls back to the subnets' IPv6 blocks.
    if (cluster.nodes.length === 0 && blocks.length)
      assumptions.push(text.t(TEXTS['source.no-nodes'], { cluster: cluster.cluster.name, blocks }));
    else if (family === 6 && blocks.length)
      assumptions.push(text.t(TEXTS['source.ipv4-nodes'], { cluster: cluster.cluster.name, blocks }));
  }

  const nodeSide = (why: string): SeenSource => {
    const legs = nodeLegs(cluster, family);
    return {
      family,
      spans: normalize(legs.flatMap((l) => l.spans)),
      seenAs: [],
      why,
      kind: 'node',
      memberOf: new Set(nodeGroups),
      maybeMemberOf: none,
      stable: unionStable(legs),
      alternativeGroup: nodeGroups[0],
      legs,
      egressGroups: nodeGroups,
      egressGroupsOf: 'node',
      assumptions,
    };
  };

  let seen: SeenSource;
  if (hostNetwork) {
    seen = nodeSide(text.t(TEXTS['source.why.host-network'], { workload: `${workload?.name}` }));
  } else if (cluster.model === 'overlay_l2') {
    seen = nodeSide(text.t(TEXTS['source.why.overlay']));
  } else if (cluster.model === 'vpc-router' && family === 6) {
    // CCE "Configuring Intra-VPC Access", cce_10_0399: dual-stack is supported by the tunnel network and CNN 2.0 only; VPC-network pods have no IPv6.
    seen = sourceWith(nodeSide(text.t(TEXTS['source.why.vpc-router-ipv6'])), { spans: [], legs: [] });
  } else if (cluster.model === 'vpc-router') {
    const keep = cluster.nonMasquerade.find((c) => contains(c, target.address));
    if (keep && !internet) {
      const nodes = nodeLegs(cluster, 4);
      const podSpans = spansOf(cluster.containerCidrs, family);
      const stable = cluster.containerCidrs.filter((c) => c.family === family).map((c) => c.text);
      const legs = nodes.map((leg) => ({ subnet: leg.subnet, spans: podSpans, stable }));
      seen = {
        family,
        spans: podSpans,
        seenAs: [],
        why: text.t(TEXTS['source.why.non-masquerade'], { cidr: keep.text }),
        kind: 'pod-cidr',
        memberOf: none,
        maybeMemberOf: new Set(nodeGroups),
        stable,
        legs,
        egressGroups: nodeGroups,
        egressGroupsOf: 'node',
        assumptions,
      };
    } else {
      // CCE "Adding a Secondary VPC CIDR Block for a Cluster", cce_10_0387 (undocumented): once a node is added from a secondary CIDR, CCE adds that CIDR to nonMasqueradeCIDRs; the
      // list was not given, so whether this destination still sees the node IP depends on the live value.
      const vpc = compiled.vpcs.get(cluster.vpcId);
      const secondary = vpc?.blocks.slice(1) ?? [];
      const inSecondary = (r: AddressRange) => secondary.some((b) => contains(b, r));
      if (
        !internet &&
        cluster.cluster.nonMasqueradeCidrs === undefined &&
        inSecondary(target.address) &&
        cluster.nodeSubnets.some((s) => inSecondary(s.cidr))
      )
        uncertain.push(
          text.t(TEXTS['source.secondary-cidr'], {
            address: target.address.text,
            vpc: cluster.vpcId,
            cluster: cluster.cluster.name,
            pods: cluster.containerCidrs.map((c) => c.text),
          }),
        );
      seen = nodeSide(
        internet
          ? text.t(TEXTS['source.why.vpc-router-internet'])
          : text.t(TEXTS['source.why.vpc-router-snat'], { cidrs: cluster.nonMasquerade.map((c) => c.text) }),
      );
    }
  } else {
    if (family === 4 && contains(CLOUD_SERVICE_RANGE, target.address))
      uncertain.push(
        text.t(TEXTS['source.turbo-snat-ranges'], { range: CLOUD_SERVICE_RANGE.text, address: target.address.text }),
      );
    const legs = containerSubnetLegs(cluster, family);
    const pod = podSecurityGroups(cluster, workload, text);
    const groups = pod.groups;
    if (pod.uncertain !== undefined) uncertain.push(pod.uncertain);
    if (pod.from === 'annotation')
      assumptions.push(text.t(TEXTS['source.annotation'], { workload: `${workload?.name}` }));
    else if (pod.from === 'security-group-resource')
      assumptions.push(
        text.t(TEXTS['source.sg-resource'], { workload: `${workload?.name}`, resources: pod.resources }),
      );
    else if (!workload && (cluster.cluster.securityGroupResources ?? []).length)
      assumptions.push(text.t(TEXTS['source.sg-resources-cluster'], { cluster: cluster.cluster.name }));
    seen = {
      family,
      spans: normalize(legs.flatMap((l) => l.spans)),
      seenAs: [],
      why: text.t(TEXTS['source.why.eni']),
      kind: 'container-subnet',
      memberOf: new Set(groups),
      maybeMemberOf: none,
      stable: unionStable(legs),
      alternativeGroup: groups[0],
      legs,
      egressGroups: groups,
      egressGroupsOf: 'pod',
      assumptions,
    };
  }

  if (family === 6 && seen.spans.length === 0 && !(cluster.model === 'vpc-router' && !hostNetwork)) {
    const subnets = (seen.kind === 'node' ? cluster.nodeSubnets : cluster.containerSubnets).map((s) => s.subnet.id);
    seen = sourceWith(seen, { why: text.t(TEXTS['source.why.no-ipv6'], { why: seen.why, subnets }) });
  }
  if (internet && family === 6) {
    // IPv6 internet traffic is neither SNATed nor sent through an IPv4 EIP: it leaves with the source's own IPv6
    // address (through an IPv6 bandwidth), so the internet sees that address. The way out is not modelled
    // (internet-egress says so; the verdict is uncertain, docs/ENGINE.md).
    return sourceWith(seen, {
      seenAs: seen.spans.map((s) => spanText(family, s)),
      why: seen.spans.length ? text.t(TEXTS['source.why.ipv6-internet'], { why: seen.why }) : seen.why,
      uncertain,
    });
  }
  if (internet) {
    const viaNodes = seen.kind === 'node';
    const egress = internetEgress(compiled, cluster, viaNodes, seen.legs);
    const eipSpans = spansOf(
      egress.eips.map((e) => parseIp(e)).filter((e): e is AddressRange => e !== null),
      4,
    );
    return sourceWith(seen, {
      spans: eipSpans,
      seenAs: egress.eips,
      why: text.t(TEXTS['source.why.internet'], { why: seen.why, viaNodes }),
      kind: 'eip',
      memberOf: none,
      maybeMemberOf: none,
      stable: egress.eips,
      alternativeGroup: undefined,
      internet: egress,
      uncertain,
    });
  }
  return sourceWith(seen, { seenAs: seen.spans.map((s) => spanText(family, s)), uncertain });
}

/**
 * `base` with `changes`, every field written out in one order. An object spread and then overridden gets a slow
 * shape in V8, and every check reads the source many times per question (thousands of questions in a reverse
 * answer). A field given in `changes`, even as undefined, replaces the base's.
 */
function sourceWith(base: SeenSource, changes: Partial<SeenSource>): SeenSource {
  const pick = <K extends keyof SeenSource>(key: K): SeenSource[K] =>
    (key in changes ? changes[key] : base[key]) as SeenSource[K];
  const seen: Complete<SeenSource> = {
    family: pick('family'),
    spans: pick('spans'),
    seenAs: pick('seenAs'),
    why: pick('why'),
    kind: pick('kind'),
    memberOf: pick('memberOf'),
    maybeMemberOf: pick('maybeMemberOf'),
    stable: pick('stable'),
    alternativeGroup: pick('alternativeGroup'),
    legs: pick('legs'),
    egressGroups: pick('egressGroups'),
    egressGroupsOf: pick('egressGroupsOf'),
    internet: pick('internet'),
    assumptions: pick('assumptions'),
    uncertain: pick('uncertain'),
  };
  return seen;
}

/** The `source-address` step. */
export function sourceAddressStep(source: SeenSource, text: I18n = EN): Step {
  if (source.kind === 'eip')
    return {
      check: 'source-address',
      status: source.seenAs.length ? 'pass' : 'warn',
      summary: source.seenAs.length
        ? text.t(TEXTS['source.step.internet-sees'], { seenAs: source.seenAs, why: source.why })
        : text.t(TEXTS['source.step.no-eip'], { why: source.why }),
      evidence: { seenAs: source.seenAs, legs: source.legs.map((l) => l.subnet.subnet.id) },
    };
  if (source.spans.length === 0)
    return {
      check: 'source-address',
      status: 'fail',
      summary: text.t(TEXTS['source.step.none'], { ipv6: source.family === 6, why: source.why }),
    };
  return {
    check: 'source-address',
    status: source.uncertain?.length ? 'warn' : 'pass',
    // The why is the diagnosis's `source.why`, shown beside the steps; repeat it only when it carries a doubt.
    summary: source.uncertain?.length
      ? text.t(TEXTS['source.step.sees-why'], { seenAs: source.seenAs, kind: source.kind, why: source.why })
      : text.t(TEXTS['source.step.sees'], { seenAs: source.seenAs, kind: source.kind }),
    evidence: { seenAs: source.seenAs, legs: source.legs.map((l) => l.subnet.subnet.id) },
  };
}
