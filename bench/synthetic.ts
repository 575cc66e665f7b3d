// Synthetic topologies and question mixes for benchmarks and property tests. Deterministic by seed
// (bench/prng.ts). Every document passes validateTopology: unique ids, subnets inside their VPC and
// not overlapping, container CIDRs outside every VPC, peered VPCs disjoint, references resolving, and
// model-specific cluster fields. Rules mix CIDR, remote-group and address-group remotes, deny rules,
// port lists and ICMP, so that questions exercise every check and come out both reachable and not.
import type { Question, QuestionProtocol } from '../src/question/question.js';
import type { Watch } from '../src/store/data.js';
import type {
  AclRule,
  AddressGroup,
  Cluster,
  NetworkAcl,
  NetworkModel,
  Peering,
  Resource,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  Topology,
  Vpc,
} from '../src/topology/schema.js';
import { Rng } from './prng.js';

export const BENCH_SIZES = ['small', 'medium', 'large'] as const;
export type BenchSize = (typeof BENCH_SIZES)[number];

/** How many of each object a size has. */
export interface SizeSpec {
  readonly vpcs: number;
  readonly peerings: number;
  readonly clusters: number;
  readonly securityGroups: number;
  readonly rulesPerGroup: number;
  readonly resources: number;
  readonly addressGroups: number;
  readonly nodesPerCluster: number;
}

export const SIZE_SPECS: Readonly<Record<BenchSize, SizeSpec>> = {
  // One cluster of each network model.
  small: {
    vpcs: 2,
    peerings: 1,
    clusters: 3,
    securityGroups: 10,
    rulesPerGroup: 8,
    resources: 12,
    addressGroups: 2,
    nodesPerCluster: 2,
  },
  medium: {
    vpcs: 10,
    peerings: 20,
    clusters: 20,
    securityGroups: 200,
    rulesPerGroup: 20,
    resources: 1000,
    addressGroups: 20,
    nodesPerCluster: 3,
  },
  large: {
    vpcs: 100,
    peerings: 300,
    clusters: 200,
    securityGroups: 2000,
    rulesPerGroup: 50,
    resources: 20000,
    addressGroups: 200,
    nodesPerCluster: 5,
  },
};

/** The share of subnets that get a network ACL. */
export const ACL_SUBNET_SHARE = 0.25;

const MODELS: readonly NetworkModel[] = ['overlay_l2', 'vpc-router', 'eni'];
const ENVIRONMENTS = ['prod', 'staging', 'dev', 'data', 'edge'] as const;
const RESOURCE_PORTS: Record<NonNullable<Resource['type']>, readonly number[]> = {
  ecs: [22, 8080],
  rds: [3306, 5432],
  dcs: [6379],
  kafka: [9092],
  rabbitmq: [5672],
  elb: [80, 443],
  other: [],
};
const COMMON_PORTS = [22, 80, 443, 3306, 5432, 6379, 8080, 9092, 5672, 27017, 8443, 9200] as const;
const MULTIPORTS = ['8000-8080', '22,3306,8000-8080', '30000-32767', '80,443', '6379-6380', '1-65535'] as const;

// --- IPv4 text helpers: the generator works on unsigned 32-bit numbers.

function ipText(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

function ip(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function cidr(start: number, bits: number): string {
  return `${ipText(start)}/${bits}`;
}

/** The container CIDR of the c-th cluster: a /20 in 172.16.0.0/12, outside every VPC (all in 10/8 and 21/8). */
function containerBlock(c: number): number {
  return (ip(172, 16, 0, 0) + c * 4096) >>> 0;
}

interface ClusterPlan {
  readonly index: number;
  readonly name: string;
  readonly model: NetworkModel;
  readonly vpc: number;
  readonly slot: number;
  readonly nodeSubnet: string;
  readonly nodeSubnetCidr: string;
  readonly containerCidr?: string;
  readonly containerSubnet?: string;
  readonly containerSubnetCidr?: string;
  readonly nodeSg: string;
  readonly podSg?: string;
}

interface VpcPlan {
  readonly index: number;
  readonly id: string;
  readonly cidr: string;
  readonly secondary?: string;
  readonly clusters: ClusterPlan[];
  readonly resourceSubnets: { id: string; cidr: string; base: number }[];
  readonly resourceSgs: string[];
  readonly peers: number[];
}

/** A topology of the given size; the same (size, seed) always gives the identical document. */
export function generateTopology(size: BenchSize, seed = 1): Topology {
  const spec = SIZE_SPECS[size];
  const rng = new Rng(seed);
  const sgPerVpc = spec.securityGroups / spec.vpcs;
  if (!Number.isInteger(sgPerVpc)) throw new Error(`${size}: security groups must divide evenly among VPCs`);
  if (spec.clusters > 256) throw new Error('container CIDRs are /20s in 172.16.0.0/12: at most 256 clusters');

  const vpcPlans: VpcPlan[] = [];
  for (let v = 0; v < spec.vpcs; v++) {
    vpcPlans.push({
      index: v,
      id: `vpc-${v}`,
      cidr: cidr(ip(10, v, 0, 0), 16),
      // Every tenth VPC has a non-RFC 1918 secondary block (masqueraded by vpc-router clusters).
      ...(v % 10 === 0 ? { secondary: cidr(ip(21, v, 0, 0), 16) } : {}),
      clusters: [],
      resourceSubnets: [],
      resourceSgs: [],
      peers: [],
    });
  }

  // Clusters round-robin over VPCs and models, so every VPC mixes models.
  const clusterPlans: ClusterPlan[] = [];
  for (let c = 0; c < spec.clusters; c++) {
    const vpc = vpcPlans[c % spec.vpcs]!;
    const slot = vpc.clusters.length;
    if (slot >= 4) throw new Error('at most 4 clusters per VPC');
    const model = MODELS[c % MODELS.length]!;
    const v = vpc.index;
    const plan: ClusterPlan = {
      index: c,
      name: `${ENVIRONMENTS[c % ENVIRONMENTS.length]}-${c}`,
      model,
      vpc: v,
      slot,
      nodeSubnet: `subnet-${v}-nodes-${slot}`,
      nodeSubnetCidr: cidr(ip(10, v, slot, 0), 24),
      nodeSg: `sg-${v}-${slot * 2}`,
      ...(model === 'eni'
        ? {
            containerSubnet: `subnet-${v}-pods-${slot}`,
            containerSubnetCidr: cidr(ip(10, v, 16 * (slot + 1), 0), 20),
            podSg: `sg-${v}-${slot * 2 + 1}`,
          }
        : { containerCidr: cidr(containerBlock(c), 20) }),
    };
    vpc.clusters.push(plan);
    clusterPlans.push(plan);
  }

  // Security group ids per VPC: node (and pod) groups first, the rest protect resources.
  for (const vpc of vpcPlans) {
    const reserved = new Set(vpc.clusters.flatMap((c) => [c.nodeSg, ...(c.podSg ? [c.podSg] : [])]));
    for (let j = 0; j < sgPerVpc; j++) {
      const id = `sg-${vpc.index}-${j}`;
      if (!reserved.has(id) && j >= vpc.clusters.length * 2) vpc.resourceSgs.push(id);
    }
    if (vpc.resourceSgs.length === 0) throw new Error('every VPC needs at least one resource security group');
  }

  // Peerings: a ring (so every VPC is reachable from another) then random extra pairs.
  const peerings: Peering[] = [];
  const pairKeys = new Set<string>();
  const addPeering = (a: number, b: number) => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || pairKeys.has(key)) return false;
    pairKeys.add(key);
    const status = spec.vpcs > 2 && rng.chance(0.05) ? 'PENDING_ACCEPTANCE' : 'ACTIVE';
    peerings.push({
      id: `pcx-${a}-${b}`,
      name: `peering-${a}-${b}`,
      requesterVpc: `vpc-${a}`,
      accepterVpc: `vpc-${b}`,
      status,
    });
    vpcPlans[a]!.peers.push(b);
    vpcPlans[b]!.peers.push(a);
    return true;
  };
  const maxPairs = (spec.vpcs * (spec.vpcs - 1)) / 2;
  if (spec.peerings > maxPairs) throw new Error(`${size}: more peerings than VPC pairs`);
  for (let v = 0; v + 1 < spec.vpcs && peerings.length < spec.peerings; v++) addPeering(v, v + 1);
  while (peerings.length < spec.peerings) addPeering(rng.int(spec.vpcs), rng.int(spec.vpcs));

  // Resource subnets: /24s from 10.v.100.0 up, plus one in the secondary block where there is one.
  const perVpcResources = Math.ceil(spec.resources / spec.vpcs);
  for (const vpc of vpcPlans) {
    const count = Math.max(1, Math.ceil(perVpcResources / 40));
    for (let s = 0; s < count; s++) {
      const base = ip(10, vpc.index, 100 + s, 0);
      vpc.resourceSubnets.push({ id: `subnet-${vpc.index}-app-${s}`, cidr: cidr(base, 24), base });
    }
    if (vpc.secondary) {
      const base = ip(21, vpc.index, 1, 0);
      vpc.resourceSubnets.push({ id: `subnet-${vpc.index}-ext`, cidr: cidr(base, 24), base });
    }
  }

  const addressGroups = buildAddressGroups(rng, spec, vpcPlans);
  const securityGroups = buildSecurityGroups(rng, spec, vpcPlans, addressGroups);
  const { vpcs, networkAcls } = buildVpcs(rng, vpcPlans, peerings, addressGroups);
  const clusters = clusterPlans.map((plan) => buildCluster(rng, spec, plan, vpcPlans[plan.vpc]!));
  const resources = buildResources(rng, spec, vpcPlans);

  return {
    version: 1,
    name: `synthetic-${size}-${seed}`,
    description: `Synthetic ${size} topology (seed ${seed}) generated by bench/synthetic.ts`,
    vpcs,
    peerings,
    securityGroups,
    addressGroups,
    networkAcls,
    clusters,
    resources,
  };
}

function buildAddressGroups(rng: Rng, spec: SizeSpec, vpcs: readonly VpcPlan[]): AddressGroup[] {
  const groups: AddressGroup[] = [];
  for (let a = 0; a < spec.addressGroups; a++) {
    const vpc = vpcs[a % vpcs.length]!;
    const subnet = rng.pick(vpc.resourceSubnets);
    const low = rng.between(10, 60);
    const addresses = [
      subnet.cidr,
      `${ipText(subnet.base + low)}-${ipText(subnet.base + low + rng.between(5, 80))}`,
      ipText(subnet.base + rng.between(2, 250)),
    ];
    for (const cluster of vpc.clusters) if (rng.chance(0.5)) addresses.push(clusterSourceCidr(cluster));
    groups.push({ id: `ag-${a}`, name: `ipset-${vpc.id}-${a}`, addresses });
  }
  return groups;
}

/** The narrowest stable block a destination sees for a cluster's pods (CCE "Configuring Intra-VPC Access", cce_10_0399, same VPC). */
function clusterSourceCidr(cluster: ClusterPlan): string {
  if (cluster.model === 'vpc-router') return cluster.containerCidr!;
  if (cluster.model === 'eni') return cluster.containerSubnetCidr!;
  return cluster.nodeSubnetCidr;
}

function buildSecurityGroups(
  rng: Rng,
  spec: SizeSpec,
  vpcs: readonly VpcPlan[],
  addressGroups: readonly AddressGroup[],
): SecurityGroup[] {
  const groups: SecurityGroup[] = [];
  const sgPerVpc = spec.securityGroups / spec.vpcs;
  for (const vpc of vpcs) {
    const peerVpcs = vpc.peers.map((p) => vpcs[p]!);
    const localClusters = vpc.clusters;
    const peerClusters = peerVpcs.flatMap((p) => p.clusters);
    const cidrRemotes = [
      vpc.cidr,
      ...localClusters.map(clusterSourceCidr),
      ...localClusters.map((c) => c.nodeSubnetCidr),
      ...peerVpcs.map((p) => p.cidr),
      ...peerClusters.filter((c) => c.model === 'vpc-router').map((c) => c.containerCidr!),
      '100.125.0.0/16',
    ];
    const groupRemotes = [...localClusters.flatMap((c) => [c.nodeSg, ...(c.podSg ? [c.podSg] : [])])];
    const localAddressGroups = addressGroups.filter((_, a) => a % vpcs.length === vpc.index).map((g) => g.id);
    const clusterOf = new Map(localClusters.flatMap((c) => [[c.nodeSg, c] as const, [c.podSg ?? '', c] as const]));

    for (let j = 0; j < sgPerVpc; j++) {
      const id = `sg-${vpc.index}-${j}`;
      const owner = clusterOf.get(id);
      const name = owner ? `${owner.name}-cce-${owner.podSg === id ? 'eni' : 'node'}` : `sg-app-${vpc.index}-${j}`;
      const rules: SecurityGroupRule[] = [
        // Huawei's default group: all egress, and all ingress from members of the same group.
        { direction: 'egress', ethertype: 'IPv4', remote: '0.0.0.0/0' },
        { direction: 'ingress', ethertype: 'IPv4', remote: { securityGroup: id } },
      ];
      if (owner) rules.push(...clusterDefaultRules(owner, id));
      while (rules.length < spec.rulesPerGroup) {
        rules.push(randomRule(rng, cidrRemotes, groupRemotes.length ? groupRemotes : [id], localAddressGroups));
      }
      groups.push({ id, name, rules: rules.slice(0, spec.rulesPerGroup) });
    }
  }
  return groups;
}

/** Rules CCE itself creates on node and ENI groups (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265), in a shortened form. */
function clusterDefaultRules(cluster: ClusterPlan, id: string): SecurityGroupRule[] {
  if (cluster.podSg === id) {
    return [{ direction: 'ingress', protocol: 'any', remote: { securityGroup: cluster.nodeSg } }];
  }
  const rules: SecurityGroupRule[] = [
    { direction: 'ingress', protocol: 'tcp', ports: '10250', remote: cluster.nodeSubnetCidr },
    { direction: 'ingress', protocol: 'tcp', ports: '30000-32767', remote: '0.0.0.0/0' },
  ];
  if (cluster.model === 'overlay_l2')
    rules.push({ direction: 'ingress', protocol: 'udp', ports: '4789', remote: { securityGroup: id } });
  if (cluster.containerCidr) rules.push({ direction: 'ingress', protocol: 'any', remote: cluster.containerCidr });
  return rules;
}

function randomRule(
  rng: Rng,
  cidrs: readonly string[],
  groups: readonly string[],
  addressGroups: readonly string[],
): SecurityGroupRule {
  const kind = rng.weighted({
    tcpCidr: 36,
    multiport: 10,
    remoteGroup: 14,
    addressGroup: addressGroups.length ? 8 : 0,
    deny: 8,
    icmp: 8,
    udp: 6,
    egressDeny: 3,
    egressPort: 3,
    ipv6: 2,
    protocolNumber: 2,
  });
  const priority = rng.chance(0.7) ? 1 : rng.pick([10, 50, 100]);
  const port = String(rng.pick(COMMON_PORTS));
  switch (kind) {
    case 'tcpCidr':
      return { direction: 'ingress', protocol: 'tcp', ports: port, remote: rng.pick(cidrs), priority };
    case 'multiport':
      return { direction: 'ingress', protocol: 'tcp', ports: rng.pick(MULTIPORTS), remote: rng.pick(cidrs), priority };
    case 'remoteGroup':
      return {
        direction: 'ingress',
        protocol: 'tcp',
        ports: port,
        remote: { securityGroup: rng.pick(groups) },
        priority,
      };
    case 'addressGroup':
      return {
        direction: 'ingress',
        protocol: rng.pick(['tcp', 'any'] as const),
        ports: undefined,
        remote: { addressGroup: rng.pick(addressGroups) },
        priority,
      };
    case 'deny':
      return {
        direction: 'ingress',
        protocol: 'tcp',
        ports: rng.pick(['22', '3389', port, '23']),
        remote: rng.chance(0.5) ? '0.0.0.0/0' : rng.pick(cidrs),
        action: 'deny',
        priority: rng.pick([1, 1, 5, 100]),
        description: 'synthetic deny',
      };
    case 'icmp':
      return {
        direction: 'ingress',
        protocol: 'icmp',
        ...(rng.chance(0.5) ? { ports: '8' } : {}),
        remote: rng.pick(cidrs),
      };
    case 'udp':
      return {
        direction: 'ingress',
        protocol: 'udp',
        ports: rng.pick(['53', '123', '4789', '8472']),
        remote: rng.pick(cidrs),
      };
    case 'egressDeny':
      return {
        direction: 'egress',
        protocol: 'tcp',
        ports: rng.pick(['25', '445']),
        remote: '0.0.0.0/0',
        action: 'deny',
      };
    case 'egressPort':
      return { direction: 'egress', protocol: 'tcp', ports: port, remote: rng.pick(cidrs) };
    case 'ipv6':
      return { direction: 'ingress', ethertype: 'IPv6', protocol: 'icmpv6', remote: '::/0' };
    case 'protocolNumber':
      return { direction: 'ingress', protocol: rng.pick([47, 50, 132]), remote: rng.pick(cidrs) };
  }
}

function buildVpcs(
  rng: Rng,
  vpcs: readonly VpcPlan[],
  peerings: readonly Peering[],
  addressGroups: readonly AddressGroup[],
): { vpcs: Vpc[]; networkAcls: NetworkAcl[] } {
  // Routes: each side of a peering usually routes the peer's VPC block (and the peer's vpc-router
  // container blocks) over it; the gaps are deliberate, to produce unreachable answers.
  const routesOf = new Map<number, NonNullable<RouteTable['routes']>>();
  for (const vpc of vpcs) routesOf.set(vpc.index, []);
  for (const peering of peerings) {
    const a = Number(peering.requesterVpc.slice(4));
    const b = Number(peering.accepterVpc.slice(4));
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const routes = routesOf.get(from)!;
      if (rng.chance(0.9)) routes.push({ destination: vpcs[to]!.cidr, type: 'peering', nextHop: peering.id });
      for (const cluster of vpcs[to]!.clusters) {
        if (cluster.containerCidr && cluster.model === 'vpc-router' && rng.chance(0.7))
          routes.push({ destination: cluster.containerCidr, type: 'peering', nextHop: peering.id });
      }
    }
  }

  const subnetsOf = new Map<number, Subnet[]>();
  const allSubnets: Subnet[] = [];
  for (const vpc of vpcs) {
    const subnets: Subnet[] = [];
    for (const cluster of vpc.clusters) {
      subnets.push({ id: cluster.nodeSubnet, name: `${cluster.name}-nodes`, cidr: cluster.nodeSubnetCidr });
      if (cluster.containerSubnet)
        subnets.push({ id: cluster.containerSubnet, name: `${cluster.name}-pods`, cidr: cluster.containerSubnetCidr! });
    }
    for (const subnet of vpc.resourceSubnets) subnets.push({ id: subnet.id, cidr: subnet.cidr });
    subnetsOf.set(vpc.index, subnets);
    allSubnets.push(...subnets);
  }

  // A quarter of all subnets get their own network ACL.
  const networkAcls: NetworkAcl[] = [];
  const aclCount = Math.round(allSubnets.length * ACL_SUBNET_SHARE);
  const chosen = new Set(rng.sample(allSubnets, aclCount).map((s) => s.id));
  for (const vpc of vpcs) {
    const agIds = addressGroups.filter((_, a) => a % vpcs.length === vpc.index).map((g) => g.id);
    for (const subnet of subnetsOf.get(vpc.index)!) {
      if (!chosen.has(subnet.id)) continue;
      const aclId = `acl-${networkAcls.length}`;
      subnet.networkAcl = aclId;
      networkAcls.push(buildAcl(rng, aclId, vpc, vpcs, agIds));
    }
  }

  const result: Vpc[] = vpcs.map((vpc) => {
    const subnets = subnetsOf.get(vpc.index)!;
    const hasNat = vpc.index % 2 === 0;
    const defaultRoutes = [...routesOf.get(vpc.index)!];
    if (hasNat) defaultRoutes.push({ destination: '0.0.0.0/0', type: 'nat', nextHop: `nat-${vpc.index}` });
    const routeTables: RouteTable[] = [{ id: `rtb-${vpc.index}`, default: true, routes: defaultRoutes }];
    // Every fifth VPC puts its first app subnet behind a custom table that lacks the peering routes.
    if (vpc.index % 5 === 1) {
      routeTables.push({ id: `rtb-${vpc.index}-isolated`, routes: [] });
      const first = subnets.find((s) => s.id === vpc.resourceSubnets[0]!.id)!;
      first.routeTable = `rtb-${vpc.index}-isolated`;
    }
    const natSources = vpc.clusters.map((c) =>
      c.containerSubnet && rng.chance(0.5) ? c.containerSubnet : c.nodeSubnet,
    );
    return {
      id: vpc.id,
      name: `${vpc.id}-${ENVIRONMENTS[vpc.index % ENVIRONMENTS.length]}`,
      cidr: vpc.cidr,
      ...(vpc.secondary ? { secondaryCidrs: [vpc.secondary] } : {}),
      subnets,
      routeTables,
      ...(hasNat
        ? {
            natGateways: [
              {
                id: `nat-${vpc.index}`,
                snatRules: natSources.map((source, i) => ({
                  source,
                  eip: ipText(ip(203, 0, 113, (vpc.index * 3 + i) % 250) + 1),
                })),
              },
            ],
          }
        : {}),
    };
  });
  return { vpcs: result, networkAcls };
}

function buildAcl(rng: Rng, id: string, vpc: VpcPlan, vpcs: readonly VpcPlan[], agIds: readonly string[]): NetworkAcl {
  const ingress: AclRule[] = [
    { action: 'allow', protocol: 'tcp', source: vpc.cidr, destinationPorts: '22,80,443,3306,5432,6379,8080,9092,5672' },
  ];
  for (const cluster of vpc.clusters) {
    if (rng.chance(0.8)) ingress.push({ action: 'allow', protocol: 'any', source: clusterSourceCidr(cluster) });
  }
  for (const peer of vpc.peers.slice(0, 3)) {
    ingress.push({
      action: rng.chance(0.2) ? 'deny' : 'allow',
      protocol: 'tcp',
      source: vpcs[peer]!.cidr,
      destinationPorts: rng.pick(['22', '3306', '1-65535']),
    });
  }
  ingress.push({ action: 'allow', protocol: 'icmp', source: '10.0.0.0/8' });
  if (agIds.length && rng.chance(0.5))
    ingress.push({ action: 'allow', protocol: 'tcp', source: { addressGroup: rng.pick(agIds) } });
  if (rng.chance(0.5)) ingress.push({ action: 'allow', name: 'permit-rest', source: '0.0.0.0/0' });
  const egress: AclRule[] = rng.chance(0.8)
    ? [{ action: 'allow', destination: '0.0.0.0/0' }]
    : [
        { action: 'allow', destination: vpc.cidr },
        { action: 'allow', destination: '172.16.0.0/12' },
      ];
  return { id, name: `${id}-${vpc.id}`, ingress, egress };
}

function buildCluster(rng: Rng, spec: SizeSpec, plan: ClusterPlan, vpc: VpcPlan): Cluster {
  const nodeBase = ip(10, plan.vpc, plan.slot, 0);
  const nodes = Array.from({ length: spec.nodesPerCluster }, (_, n) => ({
    name: `${plan.name}-node-${n}`,
    ip: ipText(nodeBase + 10 + n),
    ...(plan.model === 'vpc-router' ? { containerCidr: cidr(containerBlock(plan.index) + n * 256, 24) } : {}),
    ...(rng.chance(0.2) ? { eip: ipText(ip(198, 51, 100, (plan.index * 7 + n) % 254) + 1) } : {}),
  }));
  const workloads: NonNullable<Cluster['workloads']> = [{ name: 'batch/worker', hostNetwork: true }];
  if (plan.model === 'eni') {
    workloads.push(
      { name: 'payments/api', securityGroups: [rng.pick(vpc.resourceSgs)] },
      { name: 'web/frontend', additionalSecurityGroups: [rng.pick(vpc.resourceSgs)] },
    );
  } else {
    workloads.push({ name: 'payments/api' });
  }
  const nonMasquerade =
    plan.model === 'vpc-router' && rng.chance(0.3) ? { nonMasqueradeCidrs: ['10.0.0.0/8', '172.16.0.0/12'] } : {};
  return {
    name: plan.name,
    id: hexId(rng),
    vpc: vpc.id,
    networkModel: plan.model,
    version: rng.pick(['v1.27.8-r0', 'v1.28.4-r0', 'v1.29.1-r0']),
    nodeSubnets: [plan.nodeSubnet],
    nodeSecurityGroups: [plan.nodeSg],
    nodes,
    ...(plan.containerCidr ? { containerCidrs: [plan.containerCidr] } : {}),
    ...(plan.containerSubnet ? { containerSubnets: [plan.containerSubnet], podSecurityGroups: [plan.podSg!] } : {}),
    serviceCidr: '10.247.0.0/16',
    ...nonMasquerade,
    workloads,
  };
}

function buildResources(rng: Rng, spec: SizeSpec, vpcs: readonly VpcPlan[]): Resource[] {
  const resources: Resource[] = [];
  const placed = new Map<string, number>();
  for (let r = 0; r < spec.resources; r++) {
    const vpc = vpcs[r % vpcs.length]!;
    const k = Math.floor(r / vpcs.length);
    const subnet = vpc.resourceSubnets[k % vpc.resourceSubnets.length]!;
    const host = 10 + (placed.get(subnet.id) ?? 0);
    placed.set(subnet.id, host - 9);
    if (host > 120) throw new Error(`subnet ${subnet.id} is full`);
    const type = rng.weighted({ ecs: 40, rds: 20, dcs: 15, kafka: 8, rabbitmq: 5, elb: 7, other: 5 });
    const addresses = [ipText(subnet.base + host)];
    if (type === 'rds' && rng.chance(0.2)) addresses.push(ipText(subnet.base + host + 128));
    const ports = RESOURCE_PORTS[type]
      .filter((_, i) => i === 0 || rng.chance(0.4))
      .map((port) => ({ protocol: 'tcp' as const, port }));
    const useWhitelist = type === 'dcs' && rng.chance(0.5);
    const resource: Resource = {
      name: `${type}-${vpc.index}-${k}`,
      id: hexId(rng),
      type,
      vpc: vpc.id,
      subnet: subnet.id,
      addresses,
      ...(type === 'ecs' ? { flavor: rng.pick(['s6.large.2', 'c7.xlarge.2', 'c6.2xlarge.2']) } : {}),
      ...(useWhitelist ? {} : { securityGroups: rng.sample(vpc.resourceSgs, rng.between(1, 3)) }),
      ...(useWhitelist
        ? {
            whitelist: {
              enabled: rng.chance(0.85),
              groups: [
                { name: 'default', addresses: [vpc.cidr] },
                ...vpc.clusters
                  .filter(() => rng.chance(0.5))
                  .map((c) => ({ name: c.name, addresses: [clusterSourceCidr(c)] })),
              ],
            },
          }
        : {}),
      ...(type === 'ecs' && rng.chance(0.05) ? { hostBridges: [rng.pick(['172.17.0.0/16', '172.18.0.0/16'])] } : {}),
      ...(ports.length ? { ports } : {}),
      ...((type === 'elb' || type === 'ecs') && rng.chance(0.2)
        ? { eip: ipText(ip(198, 51, 100, rng.between(1, 254))) }
        : {}),
    };
    resources.push(resource);
  }
  return resources;
}

function hexId(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

// --- Questions.

/** What a synthetic question aims at; the engine decides the actual verdict. */
export type QuestionKind =
  | 'same-vpc-port'
  | 'same-vpc-declared-ports'
  | 'same-vpc-address'
  | 'undeclared-port'
  | 'peered-vpc'
  | 'unpeered-vpc'
  | 'ping'
  | 'udp'
  | 'internet'
  | 'node'
  | 'workload';

/** A question plus its text (as a user would type it) and labels for reporting. */
export interface SyntheticQuestion extends Question {
  readonly text: string;
  readonly model: NetworkModel;
  readonly kind: QuestionKind;
}

/** `count` questions spread evenly over the three network models and over destination kinds. */
export function generateQuestions(topology: Topology, count: number, seed = 1): SyntheticQuestion[] {
  const rng = new Rng(seed ^ 0x5eed);
  const clusters = topology.clusters ?? [];
  const resources = topology.resources ?? [];
  if (clusters.length === 0 || resources.length === 0) throw new Error('questions need clusters and resources');
  const byModel = new Map<NetworkModel, Cluster[]>();
  for (const cluster of clusters)
    byModel.set(cluster.networkModel, [...(byModel.get(cluster.networkModel) ?? []), cluster]);
  const byVpc = new Map<string, Resource[]>();
  for (const resource of resources) byVpc.set(resource.vpc, [...(byVpc.get(resource.vpc) ?? []), resource]);
  const peersOf = new Map<string, string[]>();
  for (const p of topology.peerings ?? []) {
    peersOf.set(p.requesterVpc, [...(peersOf.get(p.requesterVpc) ?? []), p.accepterVpc]);
    peersOf.set(p.accepterVpc, [...(peersOf.get(p.accepterVpc) ?? []), p.requesterVpc]);
  }
  const vpcIds = [...byVpc.keys()];
  const models = MODELS.filter((m) => byModel.has(m));

  const questions: SyntheticQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const model = models[i % models.length]!;
    const cluster = rng.pick(byModel.get(model)!);
    const local = byVpc.get(cluster.vpc) ?? resources;
    const peers = (peersOf.get(cluster.vpc) ?? []).filter((v) => byVpc.has(v));
    const strangers = vpcIds.filter((v) => v !== cluster.vpc && !peers.includes(v));
    let kind = rng.weighted<QuestionKind>({
      'same-vpc-port': 26,
      'same-vpc-declared-ports': 10,
      'same-vpc-address': 10,
      'undeclared-port': 10,
      'peered-vpc': peers.length ? 14 : 0,
      'unpeered-vpc': strangers.length ? 8 : 0,
      ping: 6,
      udp: 4,
      internet: 4,
      node: 3,
      workload: 5,
    });
    let workload: string | null = null;
    let destination: string;
    let protocol: QuestionProtocol | undefined;
    let port: number | undefined;
    const declared = (r: Resource) => r.ports?.[0]?.port ?? 22;
    switch (kind) {
      case 'same-vpc-port': {
        const r = rng.pick(local);
        [destination, protocol, port] = [r.name, 'tcp', declared(r)];
        break;
      }
      case 'same-vpc-declared-ports':
        destination = rng.pick(local).name;
        break;
      case 'same-vpc-address': {
        const r = rng.pick(local);
        [destination, protocol, port] = [r.addresses[0]!, 'tcp', declared(r)];
        break;
      }
      case 'undeclared-port':
        [destination, protocol, port] = [rng.pick(local).name, 'tcp', rng.pick([9999, 2379, 11211, 25])];
        break;
      case 'peered-vpc': {
        const r = rng.pick(byVpc.get(rng.pick(peers))!);
        [destination, protocol, port] = [r.name, 'tcp', declared(r)];
        break;
      }
      case 'unpeered-vpc': {
        const r = rng.pick(byVpc.get(rng.pick(strangers))!);
        [destination, protocol, port] = [r.addresses[0]!, 'tcp', declared(r)];
        break;
      }
      case 'ping':
        [destination, protocol] = [rng.pick(local).addresses[0]!, 'icmp'];
        break;
      case 'udp':
        [destination, protocol, port] = [rng.pick(local).name, 'udp', 53];
        break;
      case 'internet':
        [destination, protocol, port] = [rng.pick(['8.8.8.8', '1.1.1.1', '140.82.112.3']), 'tcp', 443];
        break;
      case 'node': {
        const other = rng.pick(clusters);
        const node = other.nodes?.[0];
        if (!node) {
          kind = 'same-vpc-address';
          destination = rng.pick(local).addresses[0]!;
        } else destination = node.ip;
        [protocol, port] = ['tcp', 10250];
        break;
      }
      case 'workload': {
        const named = cluster.workloads?.filter((w) => !w.hostNetwork) ?? [];
        workload = named.length ? rng.pick(named).name : null;
        const r = rng.pick(local);
        [destination, protocol, port] = [r.name, 'tcp', declared(r)];
        break;
      }
    }
    questions.push({
      cluster: cluster.name,
      workload,
      destination,
      ...(protocol ? { protocol } : {}),
      ...(port !== undefined ? { port } : {}),
      text: questionText(cluster.name, workload, destination, protocol, port),
      model,
      kind,
    });
  }
  return questions;
}

/** The plain Question of a synthetic one (without its text and labels). */
export function toQuestion(q: SyntheticQuestion): Question {
  return {
    cluster: q.cluster,
    workload: q.workload,
    destination: q.destination,
    ...(q.protocol ? { protocol: q.protocol } : {}),
    ...(q.port !== undefined ? { port: q.port } : {}),
  };
}

/** The channel the benches' watches are in. */
export const BENCH_CHANNEL = 'C0BENCH';

/**
 * `count` watched paths on the stored topology "bench" in BENCH_CHANNEL: generated questions (`seed` 3 unless given),
 * as the digest benches watch them.
 */
export function generateWatches(
  topology: Topology,
  count: number,
  options: { readonly seed?: number; readonly createdAt?: string } = {},
): Watch[] {
  const createdAt = options.createdAt ?? new Date(0).toISOString();
  return generateQuestions(topology, count, options.seed ?? 3).map((q, i) => ({
    id: `w${i}`,
    channel: BENCH_CHANNEL,
    topology: 'bench',
    question: toQuestion(q),
    createdBy: 'U0BENCH',
    createdAt,
  }));
}

/** The question as a person would type it, in the forms of the spec ("Questions"). */
function questionText(
  cluster: string,
  workload: string | null,
  destination: string,
  protocol: QuestionProtocol | undefined,
  port: number | undefined,
): string {
  if (workload) return `can ${workload} in ${cluster} reach ${destination} on ${port ?? 80}?`;
  if (protocol === 'icmp') return `why can't ${cluster} ping ${destination}`;
  if (protocol && port !== undefined) return `${cluster} -> ${destination} ${protocol}/${port}`;
  return `can pod in ${cluster} reach ${destination}?`;
}
