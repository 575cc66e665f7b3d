// Kubernetes NetworkPolicy egress semantics (networking.k8s.io/v1) for one group of pods: which policies
// isolate them for egress, and which rule, if any, admits a destination. Pure: labels in, decision out.
import { EN, type I18n } from '../i18n/i18n.js';
import { enginePolicy as T } from '../i18n/messages/engine-path.js';
import { type AddressRange, contains, mustCidr } from '../net/address.js';
import { DEFAULT_NAMESPACE } from '../topology/kubernetes-objects.js';
import type {
  LabelSelector,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from '../topology/schema.js';

type Labels = Readonly<Record<string, string>>;

/** Pods that share a namespace and labels (one workload's pods). */
export interface PodGroup {
  /** "payments/api", or "pods in payments" when no workload is known. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  /** False when the pods' labels are unknown: only policies selecting every pod of the namespace are certain. */
  readonly labelsKnown: boolean;
}

/** A destination the policies are asked about: an address outside the cluster, or in-cluster pods. */
export type PolicyDestination =
  | { readonly kind: 'address'; readonly address: AddressRange }
  | { readonly kind: 'pods'; readonly namespace: string; readonly namespaceLabels: Labels; readonly labels: Labels };

export interface PolicyFlow {
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6';
  readonly port: number;
}

/** The rule that admits a flow: policy "namespace/name", the index of the egress rule and of its peer. */
export interface AdmittingRule {
  readonly policy: NetworkPolicy;
  readonly rule: number;
}

export interface EgressDecision {
  /** Policies that select the group and isolate it for egress. */
  readonly isolating: readonly NetworkPolicy[];
  readonly admittedBy?: AdmittingRule;
  /** Why a rule might admit the flow though it is not counted as admitting ( (undocumented) and unsupported fields). */
  readonly doubts: readonly string[];
}

/** Whether a label selector selects these labels (empty selector: everything). */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expression.key);
    const values = expression.values ?? [];
    const ok =
      expression.operator === 'In'
        ? has && values.includes(labels[expression.key]!)
        : expression.operator === 'NotIn'
          ? !has || !values.includes(labels[expression.key]!)
          : expression.operator === 'Exists'
            ? has
            : !has;
    if (!ok) return false;
  }
  return true;
}

/** Whether a selector is empty (selects every pod of its namespace). */
export function selectsEverything(selector: LabelSelector | null | undefined): boolean {
  return (
    !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && !(selector.matchExpressions ?? []).length)
  );
}

/** "payments/default-deny-egress". */
export function policyName(policy: {
  readonly metadata: { readonly name: string; readonly namespace?: string };
}): string {
  return `${policy.metadata.namespace ?? DEFAULT_NAMESPACE}/${policy.metadata.name}`;
}

/** Whether a policy isolates its pods for egress: `Egress` in policyTypes, or egress rules and no policyTypes. */
export function isolatesEgress(policy: NetworkPolicy): boolean {
  const types = policy.spec.policyTypes;
  if (types) return types.includes('Egress');
  return (policy.spec.egress ?? []).length > 0;
}

/** The labels of a namespace, with the name label Kubernetes adds to every namespace (v1.21+). */
export function namespaceLabels(namespaces: readonly Namespace[] | undefined, name: string): Labels {
  const declared = namespaces?.find((n) => n.name === name)?.labels ?? {};
  return { ...declared, 'kubernetes.io/metadata.name': name };
}

export interface EgressOptions {
  /** Whether this model honours `endPort` (cce_10_0059: VPC network with DataPlane V2 only). */
  readonly endPort: boolean;
  /** The language of the doubts (default English). */
  readonly text?: I18n;
}

function peerAdmits(peer: NetworkPolicyPeer, policyNamespace: string, destination: PolicyDestination): boolean {
  if (peer.ipBlock) {
    // Pods are matched by pod and namespace selectors; ipBlock is meant for addresses outside the cluster.
    if (destination.kind !== 'address') return false;
    const block = mustCidr(peer.ipBlock.cidr);
    if (!contains(block, destination.address)) return false;
    return !(peer.ipBlock.except ?? []).some((e) => contains(mustCidr(e), destination.address));
  }
  if (destination.kind !== 'pods') return false;
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, destination.namespaceLabels)) return false;
  } else if (destination.namespace !== policyNamespace) return false;
  return selectorMatches(peer.podSelector, destination.labels);
}

function portAdmits(
  port: NetworkPolicyPort,
  flow: PolicyFlow,
  options: EgressOptions,
  doubts: string[],
  where: string,
): boolean {
  // NetworkPolicy ports name TCP, UDP or SCTP: a rule that lists ports never admits ICMP.
  if (flow.protocol !== 'tcp' && flow.protocol !== 'udp') return false;
  if ((port.protocol ?? 'TCP') !== flow.protocol.toUpperCase()) return false;
  if (port.port === undefined) return true;
  if (typeof port.port === 'string') {
    // A named port is a container port of the destination pod: an address outside the cluster has none.
    return false;
  }
  if (port.port === flow.port) return true;
  if (port.endPort !== undefined && flow.port > port.port && flow.port <= port.endPort) {
    if (options.endPort) return true;
    doubts.push((options.text ?? EN).t(T['np.endport'], { where, from: port.port, to: port.endPort, port: flow.port }));
  }
  return false;
}

/** Decide the egress of one pod group toward a destination under the policies of its cluster. */
export function evaluateEgress(
  policies: readonly NetworkPolicy[],
  group: PodGroup,
  destination: PolicyDestination,
  flow: PolicyFlow,
  options: EgressOptions,
): EgressDecision {
  const doubts: string[] = [];
  const isolating = policies.filter(
    (p) =>
      (p.metadata.namespace ?? DEFAULT_NAMESPACE) === group.namespace &&
      isolatesEgress(p) &&
      (group.labelsKnown ? selectorMatches(p.spec.podSelector, group.labels) : selectsEverything(p.spec.podSelector)),
  );
  if (!group.labelsKnown) {
    const unknown = policies.filter(
      (p) =>
        (p.metadata.namespace ?? DEFAULT_NAMESPACE) === group.namespace &&
        isolatesEgress(p) &&
        !selectsEverything(p.spec.podSelector),
    );
    if (unknown.length)
      doubts.push(
        (options.text ?? EN).t(T['np.labels-unknown'], {
          group: groupWords(group, options.text ?? EN),
          policies: unknown.map(policyName),
        }),
      );
  }
  for (const policy of isolating) {
    const ns = policy.metadata.namespace ?? DEFAULT_NAMESPACE;
    const rules = policy.spec.egress ?? [];
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const where = (options.text ?? EN).t(T['np.rule-where'], { index: r + 1, policy: policyName(policy) });
      const to = rule.to ?? [];
      const peerOk = to.length === 0 || to.some((peer) => peerAdmits(peer, ns, destination));
      if (!peerOk) continue;
      const ports = rule.ports ?? [];
      const portOk = ports.length === 0 || ports.some((port) => portAdmits(port, flow, options, doubts, where));
      if (portOk) return { isolating, admittedBy: { policy, rule: r }, doubts: [] };
    }
  }
  return { isolating, doubts };
}

/** "egress rule #2 of payments/allow-db (to 192.168.0.0/16 except 192.168.10.0/24, tcp/3306)". */
export function describeEgressRule(admitted: AdmittingRule, text: I18n = EN): string {
  const rule = (admitted.policy.spec.egress ?? [])[admitted.rule];
  const to = (rule?.to ?? []).map((peer) =>
    peer.ipBlock
      ? text.t(T['np.peer-except'], { cidr: peer.ipBlock.cidr, except: peer.ipBlock.except ?? [] })
      : text.t(T['np.peer-selectors'], { namespaces: !!peer.namespaceSelector, pods: !!peer.podSelector }),
  );
  const ports = (rule?.ports ?? []).map(
    (p) =>
      `${(p.protocol ?? 'TCP').toLowerCase()}${p.port === undefined ? '' : `/${p.port}${p.endPort ? `-${p.endPort}` : ''}`}`,
  );
  return text.t(T['np.rule'], { index: admitted.rule + 1, policy: policyName(admitted.policy), to, ports });
}

/** A pod group in words: a workload by its name; the pods of a namespace (labels unknown) or of the others. */
export function groupWords(group: PodGroup, text: I18n): string {
  if (text.lang === 'en') return group.name;
  if (group.name === 'pods in other namespaces') return text.t(T['np.group-others']);
  if (!group.labelsKnown && group.name === `pods in ${group.namespace}`)
    return text.t(T['np.group-namespace'], { namespace: group.namespace });
  return group.name;
}
