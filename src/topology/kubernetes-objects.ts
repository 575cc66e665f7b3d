// The Kubernetes objects a cluster may carry (namespaces, workloads, NetworkPolicies, Turbo SecurityGroup
// resources): the namespace rules they share and the checks that need the whole cluster.
import { contains, mustCidr } from '../net/address.js';
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
export function checkKubernetesObjects(cluster: Cluster, at: string): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const seen = (list: readonly { key: string }[], path: string, what: string) => {
    const first = new Map<string, number>();
    list.forEach(({ key }, i) => {
      const before = first.get(key);
      if (before !== undefined)
        issues.push({ path: `${path}[${i}]`, message: `${what} "${key}" is already declared at ${path}[${before}]` });
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
    'NetworkPolicy',
  );
  seen(
    (cluster.securityGroupResources ?? []).map((p) => ({
      key: `${p.metadata.namespace ?? DEFAULT_NAMESPACE}/${p.metadata.name}`,
    })),
    `${at}.securityGroupResources`,
    'SecurityGroup resource',
  );
  (cluster.workloads ?? []).forEach((w, i) => {
    const slash = w.name.indexOf('/');
    if (w.namespace && slash > 0 && w.name.slice(0, slash) !== w.namespace)
      issues.push({
        path: `${at}.workloads[${i}].namespace`,
        message: `namespace "${w.namespace}" differs from the namespace in the name "${w.name}"`,
      });
  });
  (cluster.networkPolicies ?? []).forEach((policy, p) => {
    (policy.spec.egress ?? []).forEach((rule, r) => {
      (rule.to ?? []).forEach((peer, e) => {
        const path = `${at}.networkPolicies[${p}].spec.egress[${r}].to[${e}]`;
        if (peer.ipBlock && (peer.podSelector || peer.namespaceSelector))
          issues.push({ path, message: 'ipBlock cannot be combined with podSelector or namespaceSelector' });
        if (peer.ipBlock) {
          const block = mustCidr(peer.ipBlock.cidr);
          (peer.ipBlock.except ?? []).forEach((except, x) => {
            if (!contains(block, mustCidr(except)))
              issues.push({
                path: `${path}.ipBlock.except[${x}]`,
                message: `${except} is not inside ${peer.ipBlock?.cidr}`,
              });
          });
        }
      });
      (rule.ports ?? []).forEach((port, q) => {
        if (port.endPort !== undefined && (typeof port.port !== 'number' || port.endPort < port.port))
          issues.push({
            path: `${at}.networkPolicies[${p}].spec.egress[${r}].ports[${q}].endPort`,
            message: 'endPort needs a numeric port no greater than it',
          });
      });
    });
  });
  if (cluster.dataPlaneV2 !== undefined && cluster.networkModel === 'overlay_l2')
    issues.push({
      path: `${at}.dataPlaneV2`,
      message: 'DataPlane V2 exists only for vpc-router and eni clusters; tunnel clusters enforce policies without it',
    });
  return issues;
}
