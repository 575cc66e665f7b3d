// Step `source-address`: which source IP the destination sees (CCE "Configuring Intra-VPC Access", cce_10_0399, CCE "Accessing the Internet from a Container", cce_10_0400), and the
// subnets the traffic leaves from (for ACLs and routes).
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
import type { InternetEgress, SeenSource, SourceLeg, Target } from '../context.js';
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
      if (rule.source === subnet.subnet.id || rule.source === subnet.subnet.ipv4SubnetId) return { nat, rule };
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
  const via: { what: string; how: 'node-eip' | 'nat'; natGateway?: string }[] = [];
  const missing: { what: string; subnet: CompiledSubnet }[] = [];
  if (viaNodes && cluster.nodes.length) {
    for (const node of cluster.nodes) {
      if (!node.subnet) continue;
      if (node.node.eip) {
        eips.push(node.node.eip);
        via.push({ what: `node ${node.node.name}`, how: 'node-eip' });
        continue;
      }
      const nat = natCovering(compiled, cluster.vpcId, node.subnet, node.ip);
      if (nat) {
        eips.push(nat.rule.eip);
        via.push({ what: `node ${node.node.name}`, how: 'nat', natGateway: nat.nat.id });
      } else missing.push({ what: `node ${node.node.name}`, subnet: node.subnet });
    }
  } else {
    for (const leg of legs) {
      const nat = natCovering(compiled, cluster.vpcId, leg.subnet);
      if (nat) {
        eips.push(nat.rule.eip);
        via.push({ what: `subnet ${leg.subnet.subnet.id}`, how: 'nat', natGateway: nat.nat.id });
      } else missing.push({ what: `subnet ${leg.subnet.subnet.id}`, subnet: leg.subnet });
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
      assumptions.push(
        `cluster ${cluster.cluster.name} lists no nodes: its node subnets (${blocks.join(', ')}) stand for the node IPs`,
      );
    else if (family === 6 && blocks.length)
      assumptions.push(
        `cluster ${cluster.cluster.name} lists its nodes by IPv4 address only: the IPv6 blocks of its node subnets (${blocks.join(', ')}) stand for the nodes' IPv6 addresses`,
      );
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
    seen = nodeSide(
      `workload ${workload?.name} uses hostNetwork, so its pods send with the node IP in every network model (CCE "Configuring Intra-VPC Access", cce_10_0399)`,
    );
  } else if (cluster.model === 'overlay_l2') {
    seen = nodeSide(
      'overlay_l2 (container tunnel network) SNATs pod traffic leaving the cluster to the node IP (CCE "Configuring Intra-VPC Access", cce_10_0399)',
    );
  } else if (cluster.model === 'vpc-router' && family === 6) {
    // CCE "Configuring Intra-VPC Access", cce_10_0399: dual-stack is supported by the tunnel network and CNN 2.0 only; VPC-network pods have no IPv6.
    seen = {
      ...nodeSide(
        'vpc-router (VPC network) clusters do not support IPv6: their pods have no IPv6 address (CCE "Configuring Intra-VPC Access", cce_10_0399); only hostNetwork pods could use the node IPv6 address',
      ),
      spans: [],
      legs: [],
    };
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
        why: `vpc-router keeps the pod IP for destinations in nonMasqueradeCidrs (${keep.text}) (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041)`,
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
          `${target.address.text} is in a secondary CIDR of ${cluster.vpcId} and nodes of ${cluster.cluster.name} are in a secondary CIDR: CCE adds the secondary CIDR to nonMasqueradeCidrs when such a node is added (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041, CCE "Adding a Secondary VPC CIDR Block for a Cluster", cce_10_0387, ambiguous), so the destination may see the pod IPs (${cluster.containerCidrs.map((c) => c.text).join(', ')}) instead of the node IPs; declare the cluster's live nonMasqueradeCidrs to decide`,
        );
      seen = nodeSide(
        internet
          ? 'vpc-router SNATs pod traffic to the internet to the node IP before it leaves the node (CCE "Configuring Intra-VPC Access", cce_10_0399, cce_10_0283)'
          : `vpc-router SNATs to the node IP for destinations outside nonMasqueradeCidrs (${cluster.nonMasquerade.map((c) => c.text).join(', ')}) (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041)`,
      );
    }
  } else {
    if (family === 4 && contains(CLOUD_SERVICE_RANGE, target.address))
      uncertain.push(
        `CCE Turbo writes SNATIPRanges (the cloud-service ranges, region-specific, typically ${CLOUD_SERVICE_RANGE.text}) into each pod's route table: traffic to ${target.address.text} may leave through the node and be SNATed to the node IP (CCE "Configuring Intra-VPC Access", cce_10_0399, cce_10_0530); taken as the container subnet here, check with \`kubectl get yc default -oyaml | grep snatIPRanges\``,
      );
    const legs = containerSubnetLegs(cluster, family);
    const pod = podSecurityGroups(cluster, workload);
    const groups = pod.groups;
    if (pod.uncertain) uncertain.push(pod.uncertain);
    if (pod.from === 'annotation')
      assumptions.push(
        `${workload?.name} annotates its pods with yangtse.io/security-group-ids, which replaces every other source of pod security groups (cce_10_0897)`,
      );
    else if (pod.from === 'security-group-resource')
      assumptions.push(
        `the pods of ${workload?.name} get their security groups from the SecurityGroup resource ${pod.resources.join(', ')}, which overrides the cluster's default pod groups (cce_10_0288)`,
      );
    else if (!workload && (cluster.cluster.securityGroupResources ?? []).length)
      assumptions.push(
        `SecurityGroup resources of ${cluster.cluster.name} give some pods other security groups than the cluster default: name a workload to check its own`,
      );
    seen = {
      family,
      spans: normalize(legs.flatMap((l) => l.spans)),
      seenAs: [],
      why: 'eni (Cloud Native Network 2.0) pods send with their own IP from the container subnets, without NAT (CCE "Configuring Intra-VPC Access", cce_10_0399)',
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
    seen = {
      ...seen,
      why: `${seen.why}; none of its source subnets (${subnets.join(', ') || 'none declared'}) has an IPv6 CIDR`,
    };
  }
  if (internet && family === 6) {
    // IPv6 internet traffic is neither SNATed nor sent through an IPv4 EIP: it leaves with the source's own IPv6
    // address (through an IPv6 bandwidth), so the internet sees that address. The way out is not modelled
    // (internet-egress says so; the verdict is uncertain, docs/ENGINE.md).
    return {
      ...seen,
      seenAs: seen.spans.map((s) => spanText(family, s)),
      why: seen.spans.length
        ? `${seen.why}; IPv6 traffic to the internet is not SNATed and does not use an IPv4 EIP, so the internet sees these IPv6 addresses`
        : seen.why,
      uncertain,
    };
  }
  if (internet) {
    const viaNodes = seen.kind === 'node';
    const egress = internetEgress(compiled, cluster, viaNodes, seen.legs);
    const eipSpans = spansOf(
      egress.eips.map((e) => parseIp(e)).filter((e): e is AddressRange => e !== null),
      4,
    );
    const how = viaNodes
      ? 'node traffic reaches the internet as the node EIP, or as the NAT gateway EIP of an SNAT rule on the node subnet'
      : 'eni pods reach the internet as the NAT gateway EIP of an SNAT rule on the container subnet (no node-EIP path is documented)';
    return {
      ...seen,
      spans: eipSpans,
      seenAs: egress.eips,
      why: `${seen.why}; ${how} (CCE "Accessing the Internet from a Container", cce_10_0400)`,
      kind: 'eip',
      memberOf: none,
      maybeMemberOf: none,
      stable: egress.eips,
      alternativeGroup: undefined,
      internet: egress,
      uncertain,
    };
  }
  return { ...seen, seenAs: seen.spans.map((s) => spanText(family, s)), uncertain };
}

/** The `source-address` step. */
export function sourceAddressStep(source: SeenSource): Step {
  if (source.kind === 'eip')
    return {
      check: 'source-address',
      status: source.seenAs.length ? 'pass' : 'warn',
      summary: source.seenAs.length
        ? `the internet sees ${source.seenAs.join(', ')}: ${source.why}`
        : `no EIP is on the path to the internet: ${source.why}`,
      evidence: { seenAs: source.seenAs, legs: source.legs.map((l) => l.subnet.subnet.id) },
    };
  if (source.spans.length === 0)
    return {
      check: 'source-address',
      status: 'fail',
      summary: `the cluster has no ${source.family === 6 ? 'IPv6 ' : ''}source address for this destination: ${source.why}`,
    };
  return {
    check: 'source-address',
    status: source.uncertain?.length ? 'warn' : 'pass',
    // The why is the diagnosis's `source.why`, shown beside the steps; repeat it only when it carries a doubt.
    summary: source.uncertain?.length
      ? `the destination sees ${source.seenAs.join(', ')}: ${source.why}`
      : `the destination sees ${source.seenAs.join(', ')}`,
    evidence: { seenAs: source.seenAs, legs: source.legs.map((l) => l.subnet.subnet.id) },
  };
}
