import type { I18n } from '../i18n/i18n.js';
// The JSON diagnosis contract of docs/CONTRACT.md ("Diagnosis"). Everything an adapter
// shows (terminal, Block Kit, digests) is derived from these types.

export type Verdict = 'reachable' | 'unreachable' | 'uncertain';

export const CHECKS = [
  'destination',
  'planning',
  'source-address',
  'network-policy',
  'source-egress',
  'source-acl',
  'route-forward',
  'peering',
  'transit',
  'destination-acl',
  'destination-sg',
  'whitelist',
  'route-return',
  'host-bridge',
  'internet-egress',
] as const;
export type CheckName = (typeof CHECKS)[number];

export type StepStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface Step {
  readonly check: CheckName;
  readonly status: StepStatus;
  /** One sentence an on-call engineer can act on. */
  readonly summary: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

export interface DiagnosisQuestion {
  readonly cluster: string;
  readonly workload: string | null;
  readonly destination: string;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
  readonly port: number | null;
}

export interface SourceSeen {
  /** The addresses or CIDRs the destination sees as the source (pod CIDR, node IPs, EIP...). */
  readonly seenAs: readonly string[];
  readonly why: string;
}

export type DestinationKind = 'resource' | 'node' | 'pod' | 'service' | 'vpc' | 'peered-vpc' | 'internet' | 'unknown';

/** How a host name in the question resolved (static, from the imported records). */
export interface DnsResolution {
  /** The name asked, lowercase, without a trailing dot. */
  readonly name: string;
  /** The CNAME targets followed, in order; empty when the name held the addresses itself. */
  readonly chain: readonly string[];
  /** Every address the name resolved to; each is diagnosed as its own flow(s). */
  readonly addresses: readonly string[];
  /** The private zone whose records gave the addresses. */
  readonly zone?: string;
  /** The resource whose service domain name the (final) name is. */
  readonly domainNameOf?: string;
}

export interface DestinationInfo {
  readonly kind: DestinationKind;
  /** Set when the question named a host: how the name resolved to `address`. */
  readonly dns?: DnsResolution;
  readonly address?: string;
  readonly resource?: string;
  readonly cluster?: string;
  readonly node?: string;
  readonly vpc?: string;
  readonly subnet?: string;
}

export type FixKind =
  | 'security-group-rule'
  | 'route'
  | 'network-acl-rule'
  | 'whitelist-entry'
  | 'peering-accept'
  | 'host-bridge'
  | 'snat-rule'
  | 'nat-gateway'
  | 'peering'
  | 'er-route'
  | 'er-association'
  | 'er-propagation'
  | 'network-policy'
  | 'replan';

/** One cloud API request of a fix. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** The forms a fix is shown in: words, KooCLI, Terraform, an API request (the renderings of FixRender). */
export const FIX_FORMATS = ['text', 'hcloud', 'terraform', 'api'] as const;
export type FixFormat = (typeof FIX_FORMATS)[number];

/** A fix rendered for people and tools: words, KooCLI, Terraform, API request. */
export interface FixRender {
  readonly text: string;
  readonly hcloud?: string;
  readonly terraform?: string;
  readonly api?: ApiRequest & {
    /** Fixes that create several resources: the requests after this one, in order. */
    readonly next?: readonly ApiRequest[];
  };
  /** Kubernetes fixes: a manifest for `kubectl apply -f -` (and the patch form, when there is one). */
  readonly kubectl?: string;
}

interface FixBase {
  readonly kind: FixKind;
  /** Set on every fix after the first of a group of real alternatives. */
  readonly alternative?: boolean;
  readonly render: FixRender;
}

export interface SecurityGroupRuleFix extends FixBase {
  readonly kind: 'security-group-rule';
  readonly securityGroup: string;
  readonly direction: 'ingress' | 'egress';
  readonly ethertype: 'IPv4' | 'IPv6';
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6';
  /** Ports for tcp/udp; ICMP type for icmp ("8" = echo request). */
  readonly ports: string | null;
  readonly remote: string | { readonly securityGroup: string };
  readonly action: 'allow';
  readonly priority: number;
}

export interface RouteFix extends FixBase {
  readonly kind: 'route';
  readonly vpc: string;
  readonly routeTable: string;
  readonly destination: string;
  readonly type: string;
  readonly nextHop: string;
  /** Whether `routeTable` is the VPC's default table (Huawei has a dedicated API for peering routes there). */
  readonly defaultTable?: boolean;
}

export interface NetworkAclRuleFix extends FixBase {
  readonly kind: 'network-acl-rule';
  readonly networkAcl: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6';
  readonly source: string;
  readonly destination: string;
  readonly destinationPorts: string | null;
  readonly action: 'allow';
  /** Where to insert it: before the first rule that would otherwise decide (index in the list). */
  readonly position: number;
}

export interface WhitelistEntryFix extends FixBase {
  readonly kind: 'whitelist-entry';
  readonly resource: string;
  readonly group: string;
  readonly address: string;
  /** The group's current entries: the DCS whitelist API overwrites, so they must be sent again. */
  readonly existing?: readonly string[];
  /** The instance's other whitelist groups, which the overwrite must also carry. */
  readonly otherGroups?: readonly { readonly name: string; readonly addresses: readonly string[] }[];
}

export interface PeeringAcceptFix extends FixBase {
  readonly kind: 'peering-accept';
  readonly peering: string;
}

export interface HostBridgeFix extends FixBase {
  readonly kind: 'host-bridge';
  readonly resource: string;
  readonly bridge: string;
  /** A replacement range for the bridge that overlaps nothing the host must reach. */
  readonly suggested: string;
}

export interface SnatRuleFix extends FixBase {
  readonly kind: 'snat-rule';
  readonly vpc: string;
  readonly natGateway: string;
  readonly source: string;
  readonly eip: string;
}

/**
 * New internet egress for a VPC without a usable NAT gateway: a public NAT gateway in `subnet`, a new EIP, and
 * one SNAT rule per source subnet sending it out through that EIP. `existing` when the gateway is already there
 * (it has no SNAT rule with an EIP): then only the EIP and the rules are created.
 */
export interface NatGatewayFix extends FixBase {
  readonly kind: 'nat-gateway';
  readonly vpc: string;
  /** The subnet the gateway is placed in (Huawei asks for one). */
  readonly subnet: string;
  /** The new gateway's name (or the existing gateway's id when `existing`). */
  readonly natGateway: string;
  readonly existing?: boolean;
  /** The new EIP's name; its address is known only once it is allocated. */
  readonly eip: string;
  /** The subnets the SNAT rules cover (one rule each). */
  readonly sources: readonly string[];
}

/** A route that comes with a new peering: `destination` -> the peering, in one VPC's table. */
export interface PeeringFixRoute {
  readonly vpc: string;
  readonly routeTable: string;
  readonly destination: string;
  /** Whether `routeTable` is the VPC's default table. */
  readonly defaultTable?: boolean;
}

/** A new VPC peering between two VPCs with no peering, and the routes on both sides that make it carry the flow. */
export interface PeeringFix extends FixBase {
  readonly kind: 'peering';
  /** The new peering's name (its id is known only once it is created). */
  readonly peering: string;
  readonly requesterVpc: string;
  readonly accepterVpc: string;
  readonly routes: readonly PeeringFixRoute[];
}

/** A static route in an enterprise router's route table: `destination` -> `attachment`. */
export interface ErRouteFix extends FixBase {
  readonly kind: 'er-route';
  readonly enterpriseRouter: string;
  readonly routeTable: string;
  readonly destination: string;
  readonly attachment: string;
  /** Said with the fix: e.g. that the tables may isolate the attachments on purpose. */
  readonly note?: string;
  /** The table already has a static route to `destination` (to this attachment, or `blackhole`): change it. */
  readonly replaces?: string;
}

/** Associate an attachment with an ER route table (packets arriving from it are forwarded with that table). */
export interface ErAssociationFix extends FixBase {
  readonly kind: 'er-association';
  readonly enterpriseRouter: string;
  readonly routeTable: string;
  readonly attachment: string;
}

/** Propagate an attachment's routes into an ER route table. */
export interface ErPropagationFix extends FixBase {
  readonly kind: 'er-propagation';
  readonly enterpriseRouter: string;
  readonly routeTable: string;
  readonly attachment: string;
  readonly note?: string;
}

/** A NetworkPolicy port: TCP or UDP and a port number. */
export interface NetworkPolicyFixPort {
  readonly protocol: 'TCP' | 'UDP';
  readonly port: number;
}

/** A new NetworkPolicy admitting one egress: the workload's pods to a CIDR, or to pods of a namespace. */
export interface NetworkPolicyFix extends FixBase {
  readonly kind: 'network-policy';
  readonly cluster: string;
  readonly namespace: string;
  /** The new policy's name. */
  readonly name: string;
  /** The pods it selects (matchLabels); empty selects every pod of the namespace. */
  readonly podSelector: Readonly<Record<string, string>>;
  readonly to:
    | { readonly ipBlock: string }
    | { readonly namespace: string; readonly podLabels: Readonly<Record<string, string>> };
  /** Empty: every protocol and port (NetworkPolicy ports cannot name ICMP). */
  readonly ports: readonly NetworkPolicyFixPort[];
  /** The one policy that owns this egress ("namespace/name", its egress rule count): the patch form adds there. */
  readonly owner?: { readonly policy: string; readonly egressRules: number };
}

export interface ReplanFix extends FixBase {
  readonly kind: 'replan';
  readonly reason: string;
}

export type Fix =
  | SecurityGroupRuleFix
  | RouteFix
  | NetworkAclRuleFix
  | WhitelistEntryFix
  | PeeringAcceptFix
  | HostBridgeFix
  | SnatRuleFix
  | NatGatewayFix
  | PeeringFix
  | ErRouteFix
  | ErAssociationFix
  | ErPropagationFix
  | NetworkPolicyFix
  | ReplanFix;

/** The diagnosis of one flow (one protocol and port). */
export interface Diagnosis {
  readonly verdict: Verdict;
  readonly question: DiagnosisQuestion;
  readonly source: SourceSeen;
  readonly destination: DestinationInfo;
  readonly steps: readonly Step[];
  readonly fixes: readonly Fix[];
  readonly assumptions: readonly string[];
}

/** Several flows (no port asked, several declared): the verdict is the worst of them. */
export interface MultiFlowDiagnosis {
  readonly verdict: Verdict;
  readonly flows: readonly Diagnosis[];
}

export type DiagnosisResult = Diagnosis | MultiFlowDiagnosis;

/** Order of badness, for "the worst of the flows". */
export const VERDICT_RANK: Record<Verdict, number> = { reachable: 0, uncertain: 1, unreachable: 2 };

/** Every flow of a result, whether it is single or multi-flow. */
export function flowsOf(result: DiagnosisResult): readonly Diagnosis[] {
  return 'flows' in result ? result.flows : [result];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A fix as the engine decides it, before it is rendered for people and tools. */
export type FixSpec = DistributiveOmit<Fix, 'render'>;

/** Where a fix applies, when the topology records it (imported topologies do): fills in commands and API paths. */
export interface FixPlace {
  readonly region?: string;
  readonly project?: string;
}

/**
 * Gives a fix spec its `render` (words, KooCLI, Terraform, API) in a language. The engine decides fixes as data;
 * rendering them is the renderers' (src/render/fix.ts `withRender`), handed to the engine by src/answer/.
 */
export type AttachRender = (spec: FixSpec, purpose: string, place: FixPlace, text: I18n) => Fix;
