// The Kubernetes objects a cluster may carry (namespaces, workloads, NetworkPolicies, Turbo SecurityGroup
// resources): the namespace rules they share and the checks that need the whole cluster.
import { type KubernetesKind, topologyIssues as T } from '../i18n/messages/topology-issues.js';
import { contains, mustCidr } from '../net/address.js';
import { issueOf, type TopologyIssue } from './errors.js';
import type { Cluster, Workload } from './schema.js';

/** Kubernetes puts objects without a namespace into `default`. */
export const DEFAULT_NAMESPACE = 'default';

/** The namespace of a workload: its `namespace`, else the part of its name before "/", else `default`. */
export function workloadNamespace(workload: Workload): string {
  if (workload.namespace) return workload.namespace;
  const slash = workload.name.indexOf('/');
  return slash > 0 ? workload.name.slice(0, slash) : DEFAULT_NAMESPACE;
}

/** The labels a workload's pods carry: the pod template's, else (hand-written topologies) the workload's. */
export function podLabelsOf(workload: Workload): Readonly<Record<string, string>> {
  return workload.podLabels ?? workload.labels ?? {};
}

/** Issues of one cluster's Kubernetes objects; `at` is the cluster's path ("clusters[0]"). */
export function checkKubernetesObjects(cluster: Cluster, at: string): TopologyIssue[] {
  const issues: TopologyIssue[] = [];
  const seen = (list: readonly { key: string }[], path: string, what: KubernetesKind) => {
    const first = new Map<string, number>();
    list.forEach(({ key }, i) => {
      const before = first.get(key);
      if (before !== undefined)
        issues.push(
          issueOf(`${path}[${i}]`, T['topology.issue.declared-twice'], { what, key, first: `${path}[${before}]` }),
        );
      else first.set(key, i);
    });
  };
  seen(
    (cluster.namespaces ?? []).map((n) => ({ key: n.name })),
    `${at}.namespaces`,
    'namespace',
  );
  seen(
    (cluster.networkPolicies ?? []).map((p) => ({
      key: `${p.metadata.namespace ?? DEFAULT_NAMESPACE}/${p.metadata.name}`,
    })),
    `${at}.networkPolicies`,
    'networkPolicy',
  );
  seen(
    (cluster.securityGroupResources ?? []).map((p) => ({
      key: `${p.metadata.namespace ?? DEFAULT_NAMESPACE}/${p.metadata.name}`,
    })),
    `${at}.securityGroupResources`,
    'securityGroupResource',
  );
  (cluster.workloads ?? []).forEach((w, i) => {
    const slash = w.name.indexOf('/');
    if (w.namespace && slash > 0 && w.name.slice(0, slash) !== w.namespace)
      issues.push(
        issueOf(`${at}.workloads[${i}].namespace`, T['topology.issue.namespace-mismatch'], {
          namespace: w.namespace,
          name: w.name,
        }),
      );
  });
  (cluster.networkPolicies ?? []).forEach((policy, p) => {
    (policy.spec.egress ?? []).forEach((rule, r) => {
      (rule.to ?? []).forEach((peer, e) => {
        const path = `${at}.networkPolicies[${p}].spec.egress[${r}].to[${e}]`;
        if (peer.ipBlock && (peer.podSelector || peer.namespaceSelector))
          issues.push(issueOf(path, T['topology.issue.ip-block-alone'], undefined));
        if (peer.ipBlock) {
          const block = mustCidr(peer.ipBlock.cidr);
          (peer.ipBlock.except ?? []).forEach((except, x) => {
            if (!contains(block, mustCidr(except)))
              issues.push(
                issueOf(`${path}.ipBlock.except[${x}]`, T['topology.issue.except-inside'], {
                  except,
                  cidr: String(peer.ipBlock?.cidr),
                }),
              );
          });
        }
      });
      (rule.ports ?? []).forEach((port, q) => {
        if (port.endPort !== undefined && (typeof port.port !== 'number' || port.endPort < port.port))
          issues.push(
            issueOf(
              `${at}.networkPolicies[${p}].spec.egress[${r}].ports[${q}].endPort`,
              T['topology.issue.end-port'],
              undefined,
            ),
          );
      });
    });
  });
  if (cluster.dataPlaneV2 !== undefined && cluster.networkModel === 'overlay_l2')
    issues.push(issueOf(`${at}.dataPlaneV2`, T['topology.issue.dataplane-v2'], undefined));
  return issues;
}
