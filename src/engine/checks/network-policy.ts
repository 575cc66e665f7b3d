// Step `network-policy`: the pod leaves its namespace before anything else sees it. Whether the Kubernetes
// NetworkPolicies of the asking pods isolate them for egress and admit the destination, where CCE enforces
// them (cce_10_0059 "Configuring Network Policies (NetworkPolicy)"): tunnel clusters from v1.23 on supported
// node OSes, vpc-router and eni clusters only with DataPlane V2. hostNetwork pods are outside policies.
import { EN, type I18n } from '../../i18n/i18n.js';
import { enginePolicy as T } from '../../i18n/messages/engine-path.js';
import { addressBits, contains } from '../../net/address.js';
import { CLOUD_SERVICE_RANGE } from '../../topology/cloud-ranges.js';
import type { CompiledCluster } from '../../topology/compile.js';
import { podLabelsOf, workloadNamespace } from '../../topology/kubernetes-objects.js';
import type { Cluster, NetworkPolicy, Workload } from '../../topology/schema.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import type { Step, StepStatus } from '../diagnosis.js';
import { networkPolicyFix } from '../fixes/network-policy.js';
import {
  describeEgressRule,
  type EgressDecision,
  evaluateEgress,
  groupWords,
  isolatesEgress,
  namespaceLabels,
  type PodGroup,
  type PolicyDestination,
  type PolicyFlow,
  policyName,
} from '../network-policy-eval.js';

/** Cloud-service addresses a Turbo cluster's policies cannot restrict (cce_10_0059). */
const TURBO_ALWAYS_ALLOWED = CLOUD_SERVICE_RANGE;

/** Labels CoreDNS pods carry in the clusters we know of; a DNS rule selecting any of them is counted. */
export const DNS_POD_LABELS: readonly Readonly<Record<string, string>>[] = [
  { 'k8s-app': 'coredns' },
  { 'k8s-app': 'kube-dns' },
  { app: 'coredns' },
];
export const DNS_NAMESPACE = 'kube-system';

/** Whether a cluster carries any Kubernetes-side data: only then does a diagnosis show this step. */
export function hasKubernetesSide(cluster: Cluster): boolean {
  return (
    cluster.networkPolicies !== undefined ||
    cluster.namespaces !== undefined ||
    cluster.securityGroupResources !== undefined ||
    cluster.dataPlaneV2 !== undefined ||
    cluster.egressPoliciesEnforced !== undefined
  );
}

/** Whether the cluster enforces egress rules: yes, no (policies have no effect), or unknown ( (undocumented)). */
export interface Enforcement {
  readonly enforced: 'yes' | 'no' | 'unknown';
  readonly why: string;
  readonly assumption?: string;
}

function minorVersion(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(version?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Where CCE enforces egress NetworkPolicy rules for this cluster (cce_10_0059). */
export function egressEnforcement(cluster: CompiledCluster, text: I18n = EN): Enforcement {
  const c = cluster.cluster;
  if (cluster.model === 'overlay_l2') {
    const minor = minorVersion(c.version);
    if (minor !== undefined && minor < 23)
      return {
        enforced: 'no',
        why: text.t(T['np.tunnel-old'], { cluster: c.name, version: c.version ?? '' }),
      };
    if (c.egressPoliciesEnforced === false)
      return { enforced: 'no', why: text.t(T['np.declared-off'], { cluster: c.name }) };
    if (c.egressPoliciesEnforced === true) return { enforced: 'yes', why: text.t(T['np.tunnel-ovs']) };
    return {
      enforced: 'unknown',
      why: text.t(T['np.tunnel-unknown'], { cluster: c.name }),
    };
  }
  const model = cluster.model === 'eni' ? 'eni' : 'vpc-router';
  if (c.dataPlaneV2 !== true)
    return {
      enforced: 'no',
      why: text.t(T['np.no-dpv2'], { model, cluster: c.name, declaredOff: c.dataPlaneV2 === false }),
      assumption: c.dataPlaneV2 === undefined ? text.t(T['np.dpv2-assumed-off'], { cluster: c.name }) : undefined,
    };
  if (c.egressPoliciesEnforced === false)
    return { enforced: 'no', why: text.t(T['np.declared-off'], { cluster: c.name }) };
  if (c.egressPoliciesEnforced === true) return { enforced: 'yes', why: text.t(T['np.dpv2'], { cluster: c.name }) };
  return { enforced: 'unknown', why: text.t(T['np.dpv2-unknown'], { cluster: c.name }) };
}

/** The pods a workload runs, as the policies see them. */
export function workloadGroup(workload: Workload): PodGroup {
  return {
    name: workload.name,
    namespace: workloadNamespace(workload),
    labels: podLabelsOf(workload),
    labelsKnown: true,
  };
}

/**
 * The pod groups of a namespace-less question: every declared workload that policies apply to; without
 * workloads, the pods of each namespace with an egress policy (labels unknown) and the pods elsewhere.
 */
export function clusterGroups(cluster: Cluster): PodGroup[] {
  const workloads = (cluster.workloads ?? []).filter((w) => w.hostNetwork !== true);
  if (workloads.length) return workloads.map(workloadGroup);
  const isolated = [
    ...new Set((cluster.networkPolicies ?? []).filter(isolatesEgress).map((p) => p.metadata.namespace ?? 'default')),
  ];
  return [
    ...isolated.map((namespace) => ({ name: `pods in ${namespace}`, namespace, labels: {}, labelsKnown: false })),
    // A namespace no policy names: its pods are not isolated.
    { name: 'pods in other namespaces', namespace: '\u0000none', labels: {}, labelsKnown: true },
  ];
}

interface GroupOutcome {
  readonly group: PodGroup;
  readonly decision: EgressDecision;
  readonly state: 'allowed' | 'denied' | 'doubt';
}

function outcomeOf(group: PodGroup, decision: EgressDecision): GroupOutcome {
  const state =
    decision.isolating.length === 0 || decision.admittedBy
      ? decision.doubts.length && decision.isolating.length === 0
        ? 'doubt'
        : 'allowed'
      : decision.doubts.length
        ? 'doubt'
        : 'denied';
  return { group, decision, state };
}

function names(policies: readonly NetworkPolicy[], text: I18n): string {
  return policies.map(policyName).join(text.lang === 'zh' ? '、' : ', ');
}

function allowedWhy(o: GroupOutcome, what: string, text: I18n): string {
  return o.decision.admittedBy
    ? text.t(T['np.admits'], { rule: describeEgressRule(o.decision.admittedBy, text), what })
    : text.t(T['np.not-selected'], { group: groupWords(o.group, text) });
}

interface Judged {
  readonly step: Step;
  readonly denied: readonly GroupOutcome[];
  readonly uncertain: string[];
  readonly assumptions: string[];
}

/** Judge the outcomes of every group under the cluster's enforcement: one step, and who is denied. */
function judge(
  cluster: CompiledCluster,
  outcomes: readonly GroupOutcome[],
  enforcement: Enforcement,
  what: string,
  single: boolean,
  text: I18n,
): Judged {
  const uncertain: string[] = [];
  const group = (o: GroupOutcome) => groupWords(o.group, text);
  const assumptions: string[] = enforcement.assumption ? [enforcement.assumption] : [];
  const denied = outcomes.filter((o) => o.state === 'denied');
  const doubtful = outcomes.filter((o) => o.state === 'doubt');
  const allowed = outcomes.filter((o) => o.state === 'allowed');
  const blocking = [...new Set([...denied, ...doubtful].flatMap((o) => o.decision.isolating))];
  const step = (status: StepStatus, summary: string, evidence: Record<string, unknown>): Step => ({
    check: 'network-policy',
    status,
    summary,
    evidence,
  });
  const evidence = {
    groups: outcomes.map((o) => ({
      pods: o.group.name,
      namespace: o.group.namespace,
      isolatedBy: o.decision.isolating.map(policyName),
      admittedBy: o.decision.admittedBy
        ? { policy: policyName(o.decision.admittedBy.policy), rule: o.decision.admittedBy.rule + 1 }
        : null,
      outcome: o.state,
    })),
    enforced: enforcement.enforced,
  };
  if (denied.length === 0 && doubtful.length === 0) {
    const summary = single
      ? allowedWhy(outcomes[0]!, what, text)
      : outcomes.every((o) => o.decision.isolating.length === 0)
        ? text.t(T['np.none-isolates'], { cluster: cluster.cluster.name })
        : text.t(T['np.all-admit'], { what });
    return { step: step('pass', summary, evidence), denied: [], uncertain, assumptions };
  }
  if (enforcement.enforced === 'no')
    return {
      step: step(
        'pass',
        text.t(T['np.no-effect'], { policies: names(blocking, text), what, why: enforcement.why }),
        evidence,
      ),
      denied: [],
      uncertain,
      assumptions,
    };
  for (const o of doubtful) uncertain.push(...o.decision.doubts);
  if (!single && allowed.length > 0) {
    const reason = text.t(T['np.differently'], {
      cluster: cluster.cluster.name,
      blocked: [...denied, ...doubtful].map((o) =>
        text.lang === 'zh'
          ? `${group(o)}（${names(o.decision.isolating, text)}）`
          : `${group(o)} (${names(o.decision.isolating, text)})`,
      ),
      certain: denied.length > 0,
      what,
      allowed: allowed.map(group),
      example: denied[0]?.group.name ?? doubtful[0]!.group.name,
    });
    uncertain.push(reason);
    return { step: step('warn', reason, evidence), denied, uncertain, assumptions };
  }
  if (denied.length === 0) {
    const summary = text.t(T['np.doubtful'], { policies: names(blocking, text), groups: doubtful.map(group), what });
    return { step: step('warn', summary, evidence), denied, uncertain, assumptions };
  }
  const base = text.t(T['np.denied'], {
    policies: names(blocking, text),
    one: blocking.length === 1,
    groups: denied.map(group),
    what,
  });
  if (enforcement.enforced === 'unknown') {
    const reason = text.t(T['np.enforcement-unknown'], { base, why: enforcement.why });
    uncertain.push(reason);
    return { step: step('warn', reason, evidence), denied, uncertain, assumptions };
  }
  return { step: step('fail', base, evidence), denied, uncertain, assumptions };
}

/** The `network-policy` step for the flow's destination (and, for a host-name question, for DNS). */
export function networkPolicyCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { cluster, workload, target, flow } = ctx;
  const text = ctx.i18n;
  const c = cluster.cluster;
  if (workload?.hostNetwork) {
    out.steps.push({
      check: 'network-policy',
      status: 'skip',
      summary: text.t(T['np.host-network'], { workload: workload.name }),
    });
    return out;
  }
  const what = text.t(T['np.what'], { flow: flow.label, address: target.address.text });
  if (cluster.model === 'eni' && contains(TURBO_ALWAYS_ALLOWED, target.address)) {
    out.steps.push({
      check: 'network-policy',
      status: 'pass',
      summary: text.t(T['np.turbo-always'], { range: TURBO_ALWAYS_ALLOWED.text }),
    });
    return out;
  }
  const groups = workload ? [workloadGroup(workload)] : clusterGroups(c);
  const destination: PolicyDestination = { kind: 'address', address: target.address };
  const judged = judgeFlow(ctx, groups, destination, flow, what);
  out.steps.push(judged.step);
  out.uncertain.push(...judged.uncertain);
  out.assumptions.push(...judged.assumptions);
  if (target.family === 6 && cluster.model !== 'eni' && judged.denied.length)
    out.uncertain.push(text.t(T['np.no-ipv6'], { cluster: c.name, model: cluster.model }));
  const cidr = `${target.address.text}/${addressBits(target.family)}`;
  for (const denied of judged.denied)
    out.fixes.push(
      networkPolicyFix({
        cluster: c,
        group: denied.group,
        isolating: denied.decision.isolating,
        to: { ipBlock: cidr },
        flow,
        purpose: ctx.purpose,
      }),
    );
  if (ctx.hostName) {
    const dns = dnsEgressCheck(cluster, groups, ctx.hostName, text);
    out.steps.push(...dns.steps);
    out.fixes.push(...dns.fixes);
    out.uncertain.push(...dns.uncertain);
    out.assumptions.push(...dns.assumptions);
  }
  return out;
}

/** Policies apply only to pods of their own namespace: group them once per question. */
function policiesByNamespace(policies: readonly NetworkPolicy[]): Map<string, NetworkPolicy[]> {
  const out = new Map<string, NetworkPolicy[]>();
  for (const policy of policies) {
    const namespace = policy.metadata.namespace ?? 'default';
    const list = out.get(namespace);
    if (list) list.push(policy);
    else out.set(namespace, [policy]);
  }
  return out;
}

function judgeFlow(
  ctx: FlowContext,
  groups: readonly PodGroup[],
  destination: PolicyDestination,
  flow: PolicyFlow,
  what: string,
): Judged {
  const { cluster } = ctx;
  const options = { endPort: cluster.model === 'vpc-router', text: ctx.i18n };
  const byNamespace = policiesByNamespace(cluster.cluster.networkPolicies ?? []);
  const outcomes = groups.map((g) =>
    outcomeOf(g, evaluateEgress(byNamespace.get(g.namespace) ?? [], g, destination, flow, options)),
  );
  return judge(cluster, outcomes, egressEnforcement(cluster, ctx.i18n), what, groups.length === 1, ctx.i18n);
}

/**
 * Egress to the cluster DNS (CoreDNS in kube-system, UDP and TCP 53) for a question naming a host: pods
 * isolated for egress without a DNS rule cannot resolve the name at all, whatever the path to its address.
 */
export function dnsEgressCheck(
  cluster: CompiledCluster,
  groups: readonly PodGroup[],
  hostName?: string,
  text: I18n = EN,
): CheckResult {
  const out = result();
  const nsLabels = namespaceLabels(cluster.cluster.namespaces, DNS_NAMESPACE);
  const what = text.t(T['np.what-dns'], { namespace: DNS_NAMESPACE, ...(hostName ? { host: hostName } : {}) });
  const udp53: PolicyFlow = { protocol: 'udp', port: 53 };
  const options = { endPort: cluster.model === 'vpc-router', text };
  const byNamespace = policiesByNamespace(cluster.cluster.networkPolicies ?? []);
  // A rule admits DNS when it admits any of the label sets CoreDNS pods are known to carry.
  const outcomes = groups.map((group) => {
    const decisions = DNS_POD_LABELS.map((labels) =>
      evaluateEgress(
        byNamespace.get(group.namespace) ?? [],
        group,
        { kind: 'pods', namespace: DNS_NAMESPACE, namespaceLabels: nsLabels, labels },
        udp53,
        options,
      ),
    );
    return outcomeOf(group, decisions.find((d) => d.admittedBy) ?? decisions[0]!);
  });
  const judged = judge(cluster, outcomes, egressEnforcement(cluster, text), what, groups.length === 1, text);
  out.steps.push({ ...judged.step, evidence: { ...judged.step.evidence, dns: true } });
  out.uncertain.push(...judged.uncertain);
  out.assumptions.push(...judged.assumptions);
  if (judged.denied.length)
    out.assumptions.push(
      text.t(T['np.coredns-labels'], {
        labels: DNS_POD_LABELS.map((l) => Object.entries(l).map(([k, v]) => `${k}=${v}`)[0] ?? ''),
        namespace: DNS_NAMESPACE,
      }),
    );
  for (const denied of judged.denied)
    out.fixes.push(
      networkPolicyFix({
        cluster: cluster.cluster,
        group: denied.group,
        isolating: denied.decision.isolating,
        to: { namespace: DNS_NAMESPACE, podLabels: DNS_POD_LABELS[0]! },
        flow: 'dns',
        purpose: `CCE ${cluster.cluster.name} ${denied.group.name} -> cluster DNS`,
      }),
    );
  return out;
}
