// Merging what was read from a cluster into the topology's cluster of that name (pure). Each kind that was
// read replaces what the topology had; a kind that could not be read keeps the topology's. Workloads keep
// their hand-written security group fields, and hand-written workloads (no `kind`) stay.
import type { Cluster, Topology, Workload } from '../topology/schema.js';
import type { KubernetesSnapshot } from './read.js';

export interface MergeResult {
  readonly topology: Topology;
  readonly warnings: string[];
}

function mergeWorkloads(current: readonly Workload[], read: readonly Workload[]): Workload[] {
  const byName = new Map(current.map((w) => [w.name, w]));
  const readNames = new Set(read.map((w) => w.name));
  const merged = read.map((w) => {
    const before = byName.get(w.name);
    return {
      ...w,
      ...(before?.securityGroups ? { securityGroups: before.securityGroups } : {}),
      ...(before?.additionalSecurityGroups ? { additionalSecurityGroups: before.additionalSecurityGroups } : {}),
    };
  });
  // Hand-written workloads were never read from a cluster: keep them unless the cluster now has them.
  const handWritten = current.filter((w) => w.kind === undefined && !readNames.has(w.name));
  return [...merged, ...handWritten];
}

/** The topology with `snapshot` merged into cluster `clusterName` (case-insensitive); throws when absent. */
export function mergeKubernetes(topology: Topology, clusterName: string, snapshot: KubernetesSnapshot): MergeResult {
  const clusters = topology.clusters ?? [];
  const index = clusters.findIndex((c) => c.name.toLowerCase() === clusterName.toLowerCase());
  if (index < 0)
    throw new Error(
      `topology has no cluster "${clusterName}"${clusters.length ? ` (clusters: ${clusters.map((c) => c.name).join(', ')})` : ''}`,
    );
  const warnings = [...snapshot.warnings];
  const before = clusters[index]!;
  const next: Cluster = {
    ...before,
    ...(snapshot.namespaces ? { namespaces: snapshot.namespaces } : {}),
    ...(snapshot.workloads ? { workloads: mergeWorkloads(before.workloads ?? [], snapshot.workloads) } : {}),
    ...(snapshot.networkPolicies ? { networkPolicies: snapshot.networkPolicies } : {}),
    ...(snapshot.securityGroupResources ? { securityGroupResources: snapshot.securityGroupResources } : {}),
  };
  if ((next.networkPolicies ?? []).length) {
    if (next.networkModel !== 'overlay_l2' && next.dataPlaneV2 === undefined)
      warnings.push(
        `${next.name} is a ${next.networkModel} cluster with NetworkPolicies: declare dataPlaneV2 (the cluster API does not report it in every version); until then they are taken to have no effect`,
      );
    if (next.egressPoliciesEnforced === undefined && (next.networkModel === 'overlay_l2' || next.dataPlaneV2 === true))
      warnings.push(
        `${next.name}: declare egressPoliciesEnforced once you know the cluster enforces egress rules (cce_10_0059); until then a denial by a policy is answered as uncertain`,
      );
  }
  return { topology: { ...topology, clusters: clusters.map((c, i) => (i === index ? next : c)) }, warnings };
}

/** The Kubernetes fields of a cluster, which cloud imports know nothing of. */
const KUBERNETES_FIELDS = [
  'dataPlaneV2',
  'egressPoliciesEnforced',
  'namespaces',
  'networkPolicies',
  'securityGroupResources',
] as const;

/**
 * Carry the Kubernetes side of `previous` over to a freshly imported `next` (same cluster names): a cloud
 * re-import (Huawei Cloud, Terraform) must not drop what `import kubernetes` merged. Workload labels are
 * carried for workloads `next` has or does not mention.
 */
export function carryKubernetesSide(previous: Topology, next: Topology): Topology {
  const old = new Map((previous.clusters ?? []).map((c) => [c.name.toLowerCase(), c]));
  return {
    ...next,
    clusters: (next.clusters ?? []).map((cluster) => {
      const before = old.get(cluster.name.toLowerCase());
      if (!before) return cluster;
      const carried: Partial<Cluster> = {};
      for (const field of KUBERNETES_FIELDS)
        if (cluster[field] === undefined && before[field] !== undefined)
          Object.assign(carried, { [field]: before[field] });
      const workloads = before.workloads?.length
        ? mergeWorkloads(
            cluster.workloads ?? [],
            before.workloads.filter((w) => w.kind !== undefined),
          )
        : cluster.workloads;
      return { ...cluster, ...carried, ...(workloads ? { workloads } : {}) };
    }),
  };
}
