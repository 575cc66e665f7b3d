// The security groups CCE Turbo (eni) binds to a workload's pods, highest priority first (cce_10_0288
// "SecurityGroup", cce_10_0897 pod annotations): the yangtse.io/security-group-ids annotation (or the
// workload's `securityGroups`), else the SecurityGroup resources selecting the pods, else the cluster's
// default pod groups; yangtse.io/additional-security-group-ids (or `additionalSecurityGroups`) adds.
import { EN, type I18n } from '../i18n/i18n.js';
import { engineSource as TEXTS } from '../i18n/messages/engine-source.js';
import type { CompiledCluster } from '../topology/compile.js';
import { podLabelsOf, workloadNamespace } from '../topology/kubernetes-objects.js';
import type { Cluster, SecurityGroupResource, Workload } from '../topology/schema.js';
import { policyName, selectorMatches } from './network-policy-eval.js';

export const SECURITY_GROUP_IDS_ANNOTATION = 'yangtse.io/security-group-ids';
export const ADDITIONAL_SECURITY_GROUP_IDS_ANNOTATION = 'yangtse.io/additional-security-group-ids';

export interface PodSecurityGroups {
  readonly groups: string[];
  /** Where the base groups come from, for the answer's why. */
  readonly from: 'annotation' | 'workload' | 'security-group-resource' | 'cluster';
  /** The SecurityGroup resources that decided ("namespace/name"). */
  readonly resources: readonly string[];
  /** (undocumented) a pod matched by several SecurityGroup resources (VPC "Network ACL Overview"). */
  readonly uncertain?: string;
}

function idList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The SecurityGroup resources of a cluster that select a workload's pods. */
export function matchingSecurityGroupResources(cluster: Cluster, workload: Workload): SecurityGroupResource[] {
  const namespace = workloadNamespace(workload);
  const labels = podLabelsOf(workload);
  return (cluster.securityGroupResources ?? []).filter(
    (r) => (r.metadata.namespace ?? 'default') === namespace && selectorMatches(r.spec.podSelector, labels),
  );
}

/** The effective pod security groups of an eni workload (or the cluster's default pods). */
export function podSecurityGroups(
  cluster: CompiledCluster,
  workload: Workload | undefined,
  text: I18n = EN,
): PodSecurityGroups {
  const annotations = workload?.podAnnotations ?? {};
  const additional = [
    ...idList(annotations[ADDITIONAL_SECURITY_GROUP_IDS_ANNOTATION]),
    ...(workload?.additionalSecurityGroups ?? []),
  ];
  const withAdditional = (base: readonly string[]) => [...new Set([...base, ...additional])];
  const annotated = idList(annotations[SECURITY_GROUP_IDS_ANNOTATION]);
  if (annotated.length) return { groups: withAdditional(annotated), from: 'annotation', resources: [] };
  if (workload?.securityGroups)
    return { groups: withAdditional(workload.securityGroups), from: 'workload', resources: [] };
  const matched = workload ? matchingSecurityGroupResources(cluster.cluster, workload) : [];
  if (matched.length) {
    const groups = matched.flatMap((r) => r.spec.securityGroups.map((g) => g.id));
    const names = matched.map(policyName);
    return {
      groups: withAdditional(groups),
      from: 'security-group-resource',
      resources: names,
      uncertain:
        matched.length > 1
          ? text.t(TEXTS['source.several-sg-resources'], { workload: `${workload?.name}`, resources: names })
          : undefined,
    };
  }
  return { groups: withAdditional(cluster.cluster.podSecurityGroups ?? []), from: 'cluster', resources: [] };
}
