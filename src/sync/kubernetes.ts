// The Kubernetes side of a scheduled sync: after the cloud import, each configured cluster is read with
// `syncKubernetes` and merged. Its warnings (a forbidden list, a missing CRD) become sync warnings. A cluster
// that cannot be read at all (API unreachable, credentials refused, unknown context) never fails the cloud
// part: it is recorded as a Kubernetes failure of the sync and that cluster keeps its previous Kubernetes data.

import { syncSettings as S } from '../i18n/messages/sync-settings.js';
import { syncKubernetes } from '../kubernetes/index.js';
import type { KubernetesSyncTarget } from '../store/data.js';
import type { Topology } from '../topology/schema.js';
import { SyncSourceError } from './source.js';

/** Reads one cluster's Kubernetes side into `topology`; throws when the cluster cannot be read at all. */
export type KubernetesReader = (
  topology: Topology,
  target: KubernetesSyncTarget,
) => Promise<{ topology: Topology; warnings: string[] }>;

export interface KubernetesReaderOptions {
  /** A kubeconfig file (REACHBOT_KUBECONFIG); absent: the client's defaults ($KUBECONFIG, ~/.kube/config). */
  readonly kubeconfig?: string;
  /** Items per list request. */
  readonly pageSize?: number;
}

/** The reader over the official client: a target's context of the kubeconfig, or the in-cluster service account. */
export function kubernetesReader(options: KubernetesReaderOptions = {}): KubernetesReader {
  return (topology, target) =>
    syncKubernetes(topology, {
      cluster: target.cluster,
      ...(target.inCluster ? { inCluster: true } : {}),
      ...(!target.inCluster && options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(!target.inCluster && target.context ? { context: target.context } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    });
}

export interface KubernetesSideResult {
  readonly topology: Topology;
  readonly warnings: string[];
  /** Clusters that could not be read; the topology keeps what it had for them. */
  readonly failures: { readonly cluster: string; readonly message: string }[];
}

/** Read every target in turn into `topology`; a target that fails leaves the topology as it was for it. */
export async function readKubernetesSide(
  topology: Topology,
  targets: readonly KubernetesSyncTarget[],
  reader: KubernetesReader,
): Promise<KubernetesSideResult> {
  let current = topology;
  const warnings: string[] = [];
  const failures: { cluster: string; message: string }[] = [];
  for (const target of targets) {
    try {
      const read = await reader(current, target);
      current = read.topology;
      warnings.push(...read.warnings.map((warning) => `kubernetes ${target.cluster}: ${warning}`));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ cluster: target.cluster, message });
      warnings.push(`kubernetes ${target.cluster}: not read, its previous Kubernetes data is kept: ${message}`);
    }
  }
  return { topology: current, warnings, failures };
}

/** A target as typed back: `prod (context ctx-prod)`, `prod (in-cluster)`, `prod (current context)`. */
export function formatKubernetesTarget(target: KubernetesSyncTarget): string {
  const how = target.inCluster ? 'in-cluster' : target.context ? `context ${target.context}` : 'current context';
  return `${target.cluster} (${how})`;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/;

/** Check a typed target: a cluster name, and either a context or in-cluster, never both. */
export function kubernetesTarget(
  cluster: string,
  how: { context?: string; inCluster?: boolean },
): KubernetesSyncTarget {
  if (!NAME.test(cluster)) throw SyncSourceError.of(S['sync.settings.bad-cluster'], { name: cluster });
  if (how.context !== undefined && !NAME.test(how.context))
    throw SyncSourceError.of(S['sync.settings.bad-context'], { name: how.context });
  if (how.context && how.inCluster) throw SyncSourceError.of(S['sync.settings.context-or-in-cluster'], undefined);
  return {
    cluster,
    ...(how.context ? { context: how.context } : {}),
    ...(how.inCluster ? { inCluster: true } : {}),
  };
}

/** The targets with `target` added or replacing the one of its cluster (case-insensitive). */
export function withTarget(
  targets: readonly KubernetesSyncTarget[],
  target: KubernetesSyncTarget,
): KubernetesSyncTarget[] {
  const key = target.cluster.toLowerCase();
  const kept = targets.filter((t) => t.cluster.toLowerCase() !== key);
  return [...kept, target];
}

/** The targets without `cluster`'s. */
export function withoutTarget(targets: readonly KubernetesSyncTarget[], cluster: string): KubernetesSyncTarget[] {
  return targets.filter((t) => t.cluster.toLowerCase() !== cluster.toLowerCase());
}
