// The topology file, version 1 (docs/CONTRACT.md), as a zod schema. Objects are strict:
// an unknown key is an error, so a typo never silently changes a verdict. CIDRs are checked and
// normalized here; references between objects are checked in validate.ts.
import * as z from 'zod/v4';
import { remembered } from '../bounds/remembered.js';
import { type Localized, localized, type Message } from '../i18n/message.js';
import { topologyIssues as T } from '../i18n/messages/topology-issues.js';
import { canonicalHostName, qualifyRecordName } from '../names/host-name.js';
import { parseAddressEntry, parseCidr, parseIp } from '../net/address.js';
import { parseTopologyPortList } from '../net/ports.js';

/**
 * A custom issue from a catalog message: zod keeps the English text as the message, and every language in
 * `params.text` (load.ts reads it back).
 */
function customIssue(text: Localized, path?: PropertyKey[]) {
  return { code: 'custom' as const, message: text.en, params: { text }, ...(path ? { path } : {}) };
}
const issue = <P>(m: Message<P>, params: P, path?: PropertyKey[]) => customIssue(localized(m, params), path);

const en = (m: Message<void>) => m.en();

const id = z.string().min(1, en(T['topology.issue.not-empty']));

// A large topology writes a few thousand distinct CIDRs 100,000 times over (rules, routes, ACLs): each distinct text
// is parsed once. The parsers are pure and their results only read here.
const parseCidrText = remembered((text) => parseCidr(text, false));
const parseCidrOrAddressText = remembered((text) => parseCidr(text, true));
const parseAddressEntryText = remembered(parseAddressEntry);

/** A CIDR (or, where `allowBareIp`, a single address), normalized to canonical text. */
const cidr = (allowBareIp = false) =>
  z.string().transform((value, ctx) => {
    const parsed = allowBareIp ? parseCidrOrAddressText(value) : parseCidrText(value);
    if (!parsed.ok) {
      ctx.addIssue(customIssue(parsed.text));
      return z.NEVER;
    }
    return parsed.cidr.text;
  });

/** An address or CIDR as the format writes them (whitelist entries, route destinations), in canonical text. */
export const addressOrCidrSchema = cidr(true);

const ipAddress = z.string().transform((value, ctx) => {
  const parsed = parseIp(value);
  if (!parsed) {
    ctx.addIssue(issue(T['topology.issue.not-ip'], { value }));
    return z.NEVER;
  }
  return parsed.text;
});

const addressEntry = z.string().transform((value, ctx) => {
  const parsed = parseAddressEntryText(value);
  if (!parsed.ok) {
    ctx.addIssue(customIssue(parsed.text));
    return z.NEVER;
  }
  // A single address is stored bare ("10.0.0.5", not "10.0.0.5/32"); an IPv6 /32 prefix is not one.
  const { range } = parsed;
  return range.start === range.end ? range.text.replace(/\/(32|128)$/, '') : range.text;
});

const portList = z.union([z.string(), z.number().int()]).transform((value, ctx) => {
  const text = String(value);
  const parsed = parseTopologyPortList(text);
  if (!parsed.ok) {
    ctx.addIssue(customIssue(parsed.text));
    return z.NEVER;
  }
  return text.replace(/\s+/g, '');
});

export const PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'any'] as const;
const PROTOCOL_TEXT = localized(T['topology.issue.protocol'], { protocols: PROTOCOLS });

/** Messages given to zod checks themselves (`min`, `enum`, `literal`): load.ts finds their other texts by the English one. */
export const SCHEMA_TEXTS: readonly Localized[] = [
  ...[
    T['topology.issue.not-empty'],
    T['topology.issue.give-reason'],
    T['topology.issue.record-type'],
    T['topology.issue.record-value'],
    T['topology.issue.version'],
    T['topology.issue.region'],
    T['topology.issue.project'],
    T['topology.issue.node-subnet'],
    T['topology.issue.resource-address'],
  ].map((m) => localized(m, undefined)),
  PROTOCOL_TEXT,
];

const protocol = z.union([z.enum(PROTOCOLS, { message: PROTOCOL_TEXT.en }), z.number().int().min(0).max(255)]);

export const ROUTE_TYPES = [
  'local',
  'peering',
  'nat',
  'ecs',
  'eni',
  'vip',
  'vpn',
  'dc',
  'cc',
  'er',
  'egw',
  'cce',
] as const;
export const PEERING_STATUSES = ['ACTIVE', 'PENDING_ACCEPTANCE', 'REJECTED', 'EXPIRED', 'DELETED'] as const;
export const NETWORK_MODELS = ['overlay_l2', 'vpc-router', 'eni'] as const;
export const RESOURCE_TYPES = ['ecs', 'rds', 'dcs', 'kafka', 'rabbitmq', 'elb', 'other'] as const;

/** Input spellings accepted for each network model (the spec's aliases plus Huawei's console names). */
export const NETWORK_MODEL_ALIASES: ReadonlyMap<string, (typeof NETWORK_MODELS)[number]> = new Map([
  ['overlay_l2', 'overlay_l2'],
  ['tunnel', 'overlay_l2'],
  ['vpc-router', 'vpc-router'],
  ['vpc', 'vpc-router'],
  ['eni', 'eni'],
  ['cnn2', 'eni'],
]);

/** The network model a spelling stands for ("VPC", " tunnel "), or undefined. */
export function networkModelOf(spelling: string): (typeof NETWORK_MODELS)[number] | undefined {
  return NETWORK_MODEL_ALIASES.get(spelling.trim().toLowerCase());
}

const networkModel = z.string().transform((value, ctx) => {
  const model = networkModelOf(value);
  if (!model) {
    ctx.addIssue(issue(T['topology.issue.network-model'], { value }));
    return z.NEVER;
  }
  return model;
});

const remote = z.union([cidr(true), z.strictObject({ securityGroup: id }), z.strictObject({ addressGroup: id })]);

const route = z.strictObject({
  destination: cidr(true),
  type: z.enum(ROUTE_TYPES),
  nextHop: z.string().optional(),
  description: z.string().optional(),
});

const routeTable = z.strictObject({
  id,
  name: z.string().optional(),
  default: z.boolean().optional(),
  routes: z.array(route).optional(),
  description: z.string().optional(),
  /** Why the importer could not read this table's routes: answers that depend on them are uncertain. */
  unread: z.string().min(1, en(T['topology.issue.give-reason'])).optional(),
});

const subnet = z.strictObject({
  id,
  name: z.string().optional(),
  /** Huawei's IPv4 subnet id (neutron_subnet_id), which ports and CCE ENI settings refer to. */
  ipv4SubnetId: z.string().optional(),
  cidr: cidr(),
  ipv6Cidr: cidr().optional(),
  routeTable: id.optional(),
  networkAcl: id.optional(),
});

const snatRule = z.strictObject({
  /** A subnet id or a CIDR. */
  source: z.string().min(1),
  eip: ipAddress,
});

const natGateway = z.strictObject({
  id,
  name: z.string().optional(),
  snatRules: z.array(snatRule).optional(),
});

const vpc = z.strictObject({
  id,
  name: z.string().optional(),
  cidr: cidr(),
  secondaryCidrs: z.array(cidr()).optional(),
  subnets: z.array(subnet).optional(),
  routeTables: z.array(routeTable).optional(),
  natGateways: z.array(natGateway).optional(),
});

const peering = z.strictObject({
  id,
  name: z.string().optional(),
  requesterVpc: id,
  accepterVpc: id,
  status: z.enum(PEERING_STATUSES).optional(),
});

const securityGroupRule = z.strictObject({
  id: z.string().optional(),
  direction: z.enum(['ingress', 'egress']),
  ethertype: z.enum(['IPv4', 'IPv6']).optional(),
  protocol: protocol.optional(),
  ports: portList.optional(),
  remote: remote.optional(),
  action: z.enum(['allow', 'deny']).optional(),
  priority: z.number().int().min(1).max(100).optional(),
  description: z.string().optional(),
});

const securityGroup = z.strictObject({
  id,
  name: z.string().optional(),
  description: z.string().optional(),
  rules: z.array(securityGroupRule).optional(),
});

const addressGroup = z.strictObject({
  id,
  name: z.string().optional(),
  addresses: z.array(addressEntry),
  description: z.string().optional(),
});

const aclEndpoint = z.union([cidr(true), z.strictObject({ addressGroup: id })]);

const aclRule = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  action: z.enum(['allow', 'deny']),
  protocol: protocol.optional(),
  source: aclEndpoint.optional(),
  sourcePorts: portList.optional(),
  destination: aclEndpoint.optional(),
  destinationPorts: portList.optional(),
  description: z.string().optional(),
});

const networkAcl = z.strictObject({
  id,
  name: z.string().optional(),
  ingress: z.array(aclRule).optional(),
  egress: z.array(aclRule).optional(),
  /** Why the importer could not read this ACL's rules: answers that depend on them are uncertain. */
  unread: z.string().min(1, en(T['topology.issue.give-reason'])).optional(),
});

const node = z.strictObject({
  name: z.string().min(1),
  ip: ipAddress,
  containerCidr: cidr().optional(),
  eip: ipAddress.optional(),
});

// --- The Kubernetes side (docs/TOPOLOGY.md "Kubernetes objects"): namespaces, workloads' labels and
// annotations, NetworkPolicies in the networking.k8s.io/v1 shape and Turbo SecurityGroup resources. Metadata
// keeps only what decides (name, namespace, labels), so `kubectl get -o yaml` items paste as they are; specs are
// strict, so a typo in a rule is an error rather than a silently wider policy.

export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
] as const;

const labels = z.record(z.string(), z.string());

const labelSelector = z.strictObject({
  matchLabels: labels.nullish(),
  matchExpressions: z
    .array(
      z.strictObject({
        key: z.string().min(1),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});

/** Kubernetes object metadata: only the fields that decide are kept (the rest of a pasted object is dropped). */
const metadata = z.object({
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
  labels: labels.nullish(),
});

const policyPort = z.strictObject({
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  port: z.union([z.number().int().min(1).max(65535), z.string().min(1)]).optional(),
  endPort: z.number().int().min(1).max(65535).optional(),
});

const policyPeer = z.strictObject({
  ipBlock: z.strictObject({ cidr: cidr(), except: z.array(cidr()).nullish() }).optional(),
  podSelector: labelSelector.optional(),
  namespaceSelector: labelSelector.optional(),
});

const networkPolicy = z.object({
  apiVersion: z.literal('networking.k8s.io/v1').optional(),
  kind: z.literal('NetworkPolicy').optional(),
  metadata,
  spec: z.strictObject({
    podSelector: labelSelector,
    policyTypes: z.array(z.enum(['Ingress', 'Egress'])).optional(),
    ingress: z
      .array(z.strictObject({ from: z.array(policyPeer).nullish(), ports: z.array(policyPort).nullish() }))
      .nullish(),
    egress: z
      .array(z.strictObject({ to: z.array(policyPeer).nullish(), ports: z.array(policyPort).nullish() }))
      .nullish(),
  }),
});

/** CCE Turbo's `SecurityGroup` custom resource (crd.yangtse.cni/v1): security groups for the pods it selects. */
const securityGroupResource = z.object({
  apiVersion: z.literal('crd.yangtse.cni/v1').optional(),
  kind: z.literal('SecurityGroup').optional(),
  metadata,
  spec: z.strictObject({
    podSelector: labelSelector,
    securityGroups: z.array(z.strictObject({ id: z.string().min(1) })).min(1),
  }),
});

const namespace = z.strictObject({ name: z.string().min(1), labels: labels.optional() });

const workload = z.strictObject({
  /** "namespace/name" (or a bare name with `namespace`). */
  name: z.string().min(1),
  kind: z.enum(WORKLOAD_KINDS).optional(),
  namespace: z.string().min(1).optional(),
  /** The workload object's own labels. */
  labels: labels.optional(),
  /** The pod template's labels: what NetworkPolicies and SecurityGroup resources select. */
  podLabels: labels.optional(),
  /** The pod template's annotations (yangtse.io/security-group-ids and friends). */
  podAnnotations: labels.optional(),
  securityGroups: z.array(id).optional(),
  additionalSecurityGroups: z.array(id).optional(),
  hostNetwork: z.boolean().optional(),
});

const cluster = z.strictObject({
  name: z.string().min(1),
  id: z.string().optional(),
  vpc: id,
  networkModel,
  version: z.string().optional(),
  nodeSubnets: z.array(id).min(1, en(T['topology.issue.node-subnet'])),
  nodeSecurityGroups: z.array(id).optional(),
  nodes: z.array(node).optional(),
  containerCidrs: z.array(cidr()).optional(),
  containerSubnets: z.array(id).optional(),
  podSecurityGroups: z.array(id).optional(),
  serviceCidr: cidr().optional(),
  nonMasqueradeCidrs: z.array(cidr()).optional(),
  workloads: z.array(workload).optional(),
  /** vpc-router and eni clusters enforce NetworkPolicies only with DataPlane V2, chosen at creation (cce_10_0059). */
  dataPlaneV2: z.boolean().optional(),
  /**
   * Whether egress NetworkPolicy rules are known to be enforced (tunnel: a supported node OS and nodes reset after
   * an in-place upgrade to v1.23; DataPlane V2: a version that enforces egress). Unset: a denial is uncertain.
   */
  egressPoliciesEnforced: z.boolean().optional(),
  namespaces: z.array(namespace).optional(),
  networkPolicies: z.array(networkPolicy).optional(),
  securityGroupResources: z.array(securityGroupResource).optional(),
});

const whitelist = z.strictObject({
  enabled: z.boolean().optional(),
  groups: z.array(z.strictObject({ name: z.string().min(1), addresses: z.array(cidr(true)) })).optional(),
});

/** A host name, stored lowercase without a trailing dot. */
const hostName = z.string().transform((value, ctx) => {
  const canonical = canonicalHostName(value);
  if (canonical === null || canonical.startsWith('*')) {
    ctx.addIssue(issue(T['topology.issue.not-host-name'], { value, labels: true }));
    return z.NEVER;
  }
  return canonical;
});

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME'] as const;

const dnsRecord = z.strictObject({
  /** Relative to the zone ("orders-db"), "@" for the zone itself, or fully qualified; "*" may lead (wildcard). */
  name: z.string(),
  type: z.enum(DNS_RECORD_TYPES, { message: en(T['topology.issue.record-type']) }),
  values: z.array(z.string()).min(1, en(T['topology.issue.record-value'])),
  description: z.string().optional(),
});

/** One record's name qualified and its values canonical; issues are reported at `path`. */
function normalizeRecord(
  record: z.output<typeof dnsRecord>,
  zone: string,
  ctx: { addIssue: (issue: ReturnType<typeof customIssue>) => void },
  path: PropertyKey[],
): z.output<typeof dnsRecord> {
  const name = qualifyRecordName(record.name, zone);
  if (name === null)
    ctx.addIssue(issue(T['topology.issue.not-in-zone'], { value: record.name, zone }, [...path, 'name']));
  const values = record.values.map((value, v) => {
    const at = [...path, 'values', v];
    if (record.type === 'CNAME') {
      const target = canonicalHostName(value);
      if (target === null || target.startsWith('*'))
        ctx.addIssue(issue(T['topology.issue.not-host-name'], { value, labels: false }, at));
      return target ?? value;
    }
    const ip = parseIp(value.trim());
    const family = record.type === 'A' ? 4 : 6;
    if (ip?.family !== family || ip.bits !== (family === 4 ? 32 : 128))
      ctx.addIssue(issue(T['topology.issue.not-family-address'], { value, family, type: record.type }, at));
    return ip?.text ?? value;
  });
  if (record.type === 'CNAME' && values.length > 1)
    ctx.addIssue(issue(T['topology.issue.cname-one-value'], undefined, [...path, 'values']));
  return { ...record, name: name ?? record.name, values };
}

/** A private DNS zone: names visible only to the VPCs associated with it. */
const dnsZone = z
  .strictObject({
    name: hostName,
    id: z.string().optional(),
    /** The VPCs whose resolvers answer from this zone. */
    vpcs: z.array(id),
    records: z.array(dnsRecord).optional(),
    description: z.string().optional(),
    /** Why the importer could not read the zone's record sets: a name it might hold is unknown, not absent. */
    unread: z.string().min(1, en(T['topology.issue.give-reason'])).optional(),
  })
  .transform((zone, ctx) => {
    if (!zone.records) return zone;
    const records = zone.records.map((record, r) => normalizeRecord(record, zone.name, ctx, ['records', r]));
    return { ...zone, records };
  });

const resource = z.strictObject({
  name: z.string().min(1),
  id: z.string().optional(),
  type: z.enum(RESOURCE_TYPES).optional(),
  /** ECS flavor ("s6.large.2"): old generations ignore deny rules and port lists (VPC FAQ on conflicting security group rules, vpc_faq_0077). */
  flavor: z.string().optional(),
  vpc: id,
  subnet: id,
  addresses: z.array(ipAddress).min(1, en(T['topology.issue.resource-address'])),
  securityGroups: z.array(id).optional(),
  whitelist: whitelist.optional(),
  hostBridges: z.array(cidr()).optional(),
  ports: z
    .array(z.strictObject({ protocol: z.enum(['tcp', 'udp']), port: z.number().int().min(1).max(65535) }))
    .optional(),
  eip: ipAddress.optional(),
  /** Host names the service reports for the instance (RDS private DNS names, DCS domain name...). */
  domainNames: z.array(hostName).optional(),
});

export const ER_ATTACHMENT_TYPES = ['vpc', 'vpn', 'vgw', 'peering', 'cfw', 'other'] as const;

const erRoute = z.strictObject({
  destination: cidr(true),
  /** The attachment the route sends to; absent only for a blackhole. */
  attachment: id.optional(),
  blackhole: z.boolean().optional(),
  description: z.string().optional(),
});

const erRouteTable = z.strictObject({
  id,
  name: z.string().optional(),
  /** The ER's default association/propagation table (informational: associations are listed explicitly). */
  default: z.boolean().optional(),
  /** Attachments whose arriving packets this table forwards (an attachment is associated with one table at most). */
  associations: z.array(id).optional(),
  /** Attachments whose routes this table learns (a vpc attachment: its VPC's CIDR blocks). */
  propagations: z.array(id).optional(),
  /** Static and blackhole routes. */
  routes: z.array(erRoute).optional(),
  /** Why the importer could not read this table (its associations, propagations, routes): answers crossing it are uncertain. */
  unread: z.string().min(1, en(T['topology.issue.give-reason'])).optional(),
});

const erAttachment = z.strictObject({
  id,
  name: z.string().optional(),
  type: z.enum(ER_ATTACHMENT_TYPES).optional(),
  /** vpc attachments: the VPC and the subnet holding the attachment's interfaces. */
  vpc: id.optional(),
  subnet: id.optional(),
  /** Non-vpc attachments: the CIDRs they propagate (on-premises ranges behind a VPN, a peer ER's networks). */
  cidrs: z.array(cidr()).optional(),
  /** Terraform auto_create_vpc_routes / the API's auto_create_vpc_routes, informational. */
  autoCreateVpcRoutes: z.boolean().optional(),
});

const enterpriseRouter = z.strictObject({
  id,
  name: z.string().optional(),
  asn: z.number().int().optional(),
  routeTables: z.array(erRouteTable).optional(),
  attachments: z.array(erAttachment).optional(),
});

/** The whole v1 document. */
export const topologySchema = z.strictObject({
  version: z.literal(1, { message: en(T['topology.issue.version']) }),
  name: z.string().optional(),
  description: z.string().optional(),
  /** The Huawei Cloud region (cn-north-4): fixes name it instead of a placeholder. */
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z0-9]+)+$/, en(T['topology.issue.region']))
    .optional(),
  /** The project id in that region: API paths in fixes use it instead of {project_id}. */
  project: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, en(T['topology.issue.project']))
    .optional(),
  vpcs: z.array(vpc).optional(),
  peerings: z.array(peering).optional(),
  enterpriseRouters: z.array(enterpriseRouter).optional(),
  securityGroups: z.array(securityGroup).optional(),
  addressGroups: z.array(addressGroup).optional(),
  networkAcls: z.array(networkAcl).optional(),
  clusters: z.array(cluster).optional(),
  resources: z.array(resource).optional(),
  dnsZones: z.array(dnsZone).optional(),
});

/** A topology document after schema validation: normalized CIDRs, canonical network model names. */
export type Topology = z.output<typeof topologySchema>;
export type TopologyInput = z.input<typeof topologySchema>;
export type Vpc = z.output<typeof vpc>;
export type Subnet = z.output<typeof subnet>;
export type RouteTable = z.output<typeof routeTable>;
export type Route = z.output<typeof route>;
export type NatGateway = z.output<typeof natGateway>;
export type Peering = z.output<typeof peering>;
export type EnterpriseRouter = z.output<typeof enterpriseRouter>;
export type ErRouteTable = z.output<typeof erRouteTable>;
export type ErRoute = z.output<typeof erRoute>;
export type ErAttachment = z.output<typeof erAttachment>;
export type SecurityGroup = z.output<typeof securityGroup>;
export type SecurityGroupRule = z.output<typeof securityGroupRule>;
export type Remote = z.output<typeof remote>;
export type AddressGroup = z.output<typeof addressGroup>;
export type NetworkAcl = z.output<typeof networkAcl>;
export type AclRule = z.output<typeof aclRule>;
export type Cluster = z.output<typeof cluster>;
export type ClusterNode = z.output<typeof node>;
export type Workload = z.output<typeof workload>;
export type LabelSelector = z.output<typeof labelSelector>;
export type NetworkPolicy = z.output<typeof networkPolicy>;
/** One NetworkPolicy / SecurityGroup resource / namespace / workload, for importers that check items one by one. */
export const networkPolicySchema = networkPolicy;
export const securityGroupResourceSchema = securityGroupResource;
export const namespaceSchema = namespace;
export const workloadSchema = workload;
export type NetworkPolicyPeer = z.output<typeof policyPeer>;
export type NetworkPolicyPort = z.output<typeof policyPort>;
export type SecurityGroupResource = z.output<typeof securityGroupResource>;
export type Namespace = z.output<typeof namespace>;
export type Resource = z.output<typeof resource>;
export type DnsZone = z.output<typeof dnsZone>;
export type DnsRecord = z.output<typeof dnsRecord>;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];
export type NetworkModel = (typeof NETWORK_MODELS)[number];
export type RouteType = (typeof ROUTE_TYPES)[number];
export type PeeringStatus = (typeof PEERING_STATUSES)[number];
