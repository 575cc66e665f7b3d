// The Kubernetes side of a topology, read from a live cluster. `syncKubernetes` is the one entry point for
// every caller (the `reachbot import kubernetes` command, a topology's scheduled sync): it reads the cluster
// the credentials point at and returns the topology with that cluster's Kubernetes objects merged in.

import { validateLeavingOut } from '../import/leave-out-invalid.js';
import { formatIssues } from '../topology/errors.js';
import { validateTopology } from '../topology/load.js';
import type { Topology } from '../topology/schema.js';
import type { KubeConfigSource } from './kubeconfig.js';
import { mergeKubernetes } from './merge.js';
import type { ReadOptions } from './read.js';

export type { KubeConfigSource } from './kubeconfig.js';
export { mergeKubernetes } from './merge.js';
export type { KubernetesSnapshot, ReadOptions } from './read.js';

export interface SyncKubernetesOptions extends KubeConfigSource, ReadOptions {
  /** The topology cluster the Kubernetes objects belong to. */
  readonly cluster: string;
}

/**
 * Read namespaces, workloads, NetworkPolicies and SecurityGroup resources from the cluster the credentials
 * point at and merge them into `options.cluster` of `topology`. Lists the API refuses or does not serve are
 * warnings; the result is validated, so a caller can store it as it is.
 */
export async function syncKubernetes(
  topology: Topology,
  options: SyncKubernetesOptions,
): Promise<{ topology: Topology; warnings: string[] }> {
  // The official client takes about 0.6 s to load: only a process that reads a cluster pays for it.
  const [{ loadKubeConfig }, { readKubernetes }] = await Promise.all([import('./kubeconfig.js'), import('./read.js')]);
  const config = loadKubeConfig(options);
  const snapshot = await readKubernetes(config, options);
  const merged = mergeKubernetes(topology, options.cluster, snapshot);
  // Each object was checked alone as it was read; what shows only in the whole topology (an ipBlock whose except
  // lies outside its cidr, say) leaves that object out with a warning, as an object that does not fit alone is.
  // The merged topology shares its objects with `topology`: only a copy of it has anything removed.
  const warnings = [...merged.warnings];
  const valid = validateTopology(merged.topology);
  const checked = valid.ok
    ? valid
    : validateLeavingOut(structuredClone(merged.topology), (w) => warnings.push(w), { depth: 2 });
  if (!checked.ok) throw new Error(`the merged topology is not valid:\n${formatIssues(checked.issues)}`);
  return { topology: checked.topology, warnings };
}
