// What every check of one flow sees: the compiled topology, the asking cluster, the flow, the classified
// destination and the source the destination sees; and what every check returns.
import type { I18n } from '../i18n/i18n.js';
import type { AddressRange, Family } from '../net/address.js';
import type { CompiledCluster, CompiledSubnet, CompiledTopology, CompiledVpc } from '../topology/compile.js';
import type { Resource, Workload } from '../topology/schema.js';
import type { DestinationInfo, FixSpec, Step } from './diagnosis.js';
import type { Span } from './spans.js';

/** One protocol/port (or ICMP type) combination asked about. */
export interface Flow {
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6';
  /** IP protocol number. */
  readonly number: number;
  /** The port (tcp/udp) or the ICMP type (8 echo request, 128 for ICMPv6). */
  readonly port: number;
  /** "tcp/3306", "icmp echo". */
  readonly label: string;
}

/** The part of the source leaving one subnet, before any NAT gateway: used for ACL egress and routes. */
export interface SourceLeg {
  readonly subnet: CompiledSubnet;
  readonly spans: readonly Span[];
  /** The narrowest stable CIDRs covering `spans`, for fixes on this subnet's ACL. */
  readonly stable: readonly string[];
}

/** The source the destination sees, and how the traffic leaves the cluster. */
export interface SeenSource {
  readonly family: Family;
  readonly spans: readonly Span[];
  readonly seenAs: readonly string[];
  readonly why: string;
  /** 'pod-cidr' (vpc-router, no SNAT), 'container-subnet' (eni), 'node' (SNAT or hostNetwork), 'eip'. */
  readonly kind: 'pod-cidr' | 'container-subnet' | 'node' | 'eip';
  /** Security groups the seen source is a member of (for remote-group rules). */
  readonly memberOf: ReadonlySet<string>;
  /** Groups whose membership is (undocumented) (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265: vpc-router pod IPs vs the node security group). */
  readonly maybeMemberOf: ReadonlySet<string>;
  /** The narrowest stable CIDRs covering the seen source: what fixes allow. */
  readonly stable: readonly string[];
  /** A security group that contains the source, offered as an alternative remote. */
  readonly alternativeGroup?: string;
  readonly legs: readonly SourceLeg[];
  /** The groups checked for egress: node groups (overlay_l2, vpc-router, hostNetwork) or pod groups (eni). */
  readonly egressGroups: readonly string[];
  readonly egressGroupsOf: 'node' | 'pod';
  /** Internet only: how each leg reaches the internet. */
  readonly internet?: InternetEgress;
  readonly assumptions: readonly string[];
  /** (undocumented) points about the source itself (CCE "Configuring Intra-VPC Access", cce_10_0399 SNATIPRanges, CCE "Adding a Secondary VPC CIDR Block for a Cluster", cce_10_0387 secondary CIDRs). */
  readonly uncertain?: readonly string[];
}

/** A node or a subnet leaving for the internet: `what` in English ("node n1"), `of` and `name` to word it otherwise. */
export interface EgressPoint {
  readonly what: string;
  readonly of: 'node' | 'subnet';
  readonly name: string;
}

export interface InternetEgress {
  readonly eips: readonly string[];
  readonly via: readonly (EgressPoint & { readonly how: 'node-eip' | 'nat'; readonly natGateway?: string })[];
  /** Node names or subnet ids with no internet path. */
  readonly missing: readonly (EgressPoint & { readonly subnet: CompiledSubnet })[];
  /** Undocumented (CCE "Accessing the Internet from a Container", cce_10_0400): an eni cluster whose nodes have EIPs but no SNAT rule covers the container subnet. */
  readonly eniNodeEipOnly: boolean;
}

export type SpecialDestination =
  | 'own-pod'
  | 'own-service'
  | 'other-service'
  | 'overlay-pod'
  | 'no-subnet'
  | 'unknown-private';

/**
 * Every field of T, the optional ones too (possibly undefined). An object literal of this type, written out field by
 * field where a spread would give V8 a slow shape, cannot silently drop a field added to T later.
 */
export type Complete<T> = { [K in keyof Required<T>]: T[K] };

/** The classified destination. */
export interface Target {
  readonly address: AddressRange;
  readonly family: Family;
  readonly info: DestinationInfo;
  readonly resource?: Resource;
  readonly vpc?: CompiledVpc;
  readonly subnet?: CompiledSubnet;
  /** The destination's security groups in binding order; null when unknown (an undeclared address). */
  readonly securityGroups: readonly string[] | null;
  /** Groups the destination is a member of (for the source's egress remote-group rules). */
  readonly memberOf: ReadonlySet<string>;
  readonly special?: SpecialDestination;
  readonly summary: string;
}

export interface FlowContext {
  readonly compiled: CompiledTopology;
  readonly cluster: CompiledCluster;
  readonly workload?: Workload;
  readonly flow: Flow;
  readonly target: Target;
  readonly source: SeenSource;
  /** "CCE prod pods -> db1 tcp/3306": the purpose line of every fix. */
  readonly purpose: string;
  /** The host name the question named, when it named one: the pods must also reach DNS to resolve it. */
  readonly hostName?: string;
  /** The language the answer is written in: every human text of a step, fix or assumption goes through it. */
  readonly i18n: I18n;
}

/** A fix as a check decides it, with the purpose line its rendering carries. */
export interface PlannedFix {
  readonly spec: FixSpec;
  readonly purpose: string;
}

/** What a check reports: steps, the fixes for what it found, and what it had to assume. */
export interface CheckResult {
  readonly steps: Step[];
  readonly fixes: PlannedFix[];
  readonly assumptions: string[];
  /** Reasons the verdict cannot be certain (points Huawei does not document). */
  readonly uncertain: string[];
}

/** An empty result to fill. */
export function result(): CheckResult {
  return { steps: [], fixes: [], assumptions: [], uncertain: [] };
}
