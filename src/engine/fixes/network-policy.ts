// Fix kind `network-policy`: the least-privilege NetworkPolicy for a denied egress: a new policy selecting
// exactly the workload's pods (its pod-template labels) and admitting the destination CIDR (one address: the
// narrowest stable range) on the port and protocol asked. Policies are additive, so a new policy never widens
// what other pods may do; when one policy selecting exactly these pods owns their egress, the rendering also
// gives the patch that adds the rule there.
import type { Cluster, NetworkPolicy } from '../../topology/schema.js';
import type { Flow, PlannedFix } from '../context.js';
import type { NetworkPolicyFix, NetworkPolicyFixPort } from '../diagnosis.js';
import { type PodGroup, policyName, selectsEverything } from '../network-policy-eval.js';

type NetworkPolicyFixSpec = Omit<NetworkPolicyFix, 'render'>;

/** A Kubernetes object name (DNS-1123 label: lowercase letters, digits, "-", at most 63). */
function objectName(parts: readonly string[]): string {
  const text = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-');
  return text.slice(0, 63).replace(/^-+|-+$/g, '');
}

function portsOf(flow: Flow | 'dns'): NetworkPolicyFixPort[] {
  if (flow === 'dns')
    return [
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ];
  if (flow.protocol === 'tcp' || flow.protocol === 'udp')
    return [{ protocol: flow.protocol === 'tcp' ? 'TCP' : 'UDP', port: flow.port }];
  return [];
}

export interface NetworkPolicyFixInput {
  readonly cluster: Cluster;
  readonly group: PodGroup;
  readonly isolating: readonly NetworkPolicy[];
  readonly to: NetworkPolicyFix['to'];
  readonly flow: Flow | 'dns';
  readonly purpose: string;
}

/** The new NetworkPolicy that admits this egress for exactly the group's pods. */
export function networkPolicyFix(input: NetworkPolicyFixInput): PlannedFix {
  const { group, isolating, to, flow } = input;
  const ports = portsOf(flow);
  const short = group.name.includes('/') ? group.name.slice(group.name.indexOf('/') + 1) : group.namespace;
  const target = 'ipBlock' in to ? to.ipBlock.replace(/\/(32|128)$/, '') : 'dns';
  const name = objectName([
    'allow-egress',
    short,
    'to',
    target,
    ...(flow === 'dns' ? [] : ports.map((p) => `${p.protocol}-${p.port}`)),
  ]);
  const owner =
    isolating.length === 1 && !selectsEverything(isolating[0]!.spec.podSelector)
      ? { policy: policyName(isolating[0]!), egressRules: (isolating[0]!.spec.egress ?? []).length }
      : undefined;
  const spec: NetworkPolicyFixSpec = {
    kind: 'network-policy',
    cluster: input.cluster.name,
    namespace: group.namespace,
    name,
    podSelector: group.labelsKnown ? { ...group.labels } : {},
    to,
    ports,
    ...(owner ? { owner } : {}),
  };
  return { spec, purpose: input.purpose };
}

/** The egress rule a fix adds, in the networking.k8s.io/v1 shape. */
export function egressRuleOfFix(fix: NetworkPolicyFixSpec): NonNullable<NetworkPolicy['spec']['egress']>[number] {
  const to =
    'ipBlock' in fix.to
      ? [{ ipBlock: { cidr: fix.to.ipBlock } }]
      : [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': fix.to.namespace } },
            podSelector: { matchLabels: { ...fix.to.podLabels } },
          },
        ];
  return { to, ...(fix.ports.length ? { ports: fix.ports.map((p) => ({ protocol: p.protocol, port: p.port })) } : {}) };
}

/** The whole NetworkPolicy a fix creates. */
export function policyOfFix(fix: NetworkPolicyFixSpec): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: fix.name, namespace: fix.namespace },
    spec: {
      podSelector: selectsEverything({ matchLabels: fix.podSelector }) ? {} : { matchLabels: { ...fix.podSelector } },
      policyTypes: ['Egress'],
      egress: [egressRuleOfFix(fix)],
    },
  };
}
