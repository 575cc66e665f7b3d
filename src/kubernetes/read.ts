// Reading the Kubernetes side of one cluster through its API with the official client: namespaces,
// workloads (Deployments, StatefulSets, DaemonSets and bare Pods), NetworkPolicies and CCE Turbo
// SecurityGroup resources. Read-only (get/list), paged with `continue` tokens. A list the API refuses
// (403), does not serve (404, e.g. no SecurityGroup CRD outside Turbo clusters) or answers in a shape the
// client cannot read becomes a warning and leaves that kind unread; an object that does not fit is skipped
// with a warning; only a cluster that answers nothing at all fails the read.

import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  NetworkingV1Api,
  type V1LabelSelector,
  type V1NetworkPolicy,
  type V1NetworkPolicyPeer,
  type V1NetworkPolicyPort,
  type V1ObjectMeta,
  type V1PodTemplateSpec,
} from '@kubernetes/client-node';
import * as z from 'zod/v4';
import { isConnectionResetCode, networkErrorCode } from '../net/connection-errors.js';
import {
  type Namespace,
  type NetworkPolicy,
  namespaceSchema,
  networkPolicySchema,
  type SecurityGroupResource,
  securityGroupResourceSchema,
  type Workload,
  workloadSchema,
} from '../topology/schema.js';
import { rawController, rawNamespace, rawNetworkPolicy, rawPod } from './raw-shapes.js';

/** What one read of a cluster found; a kind is `undefined` when it could not be read (see warnings). */
export interface KubernetesSnapshot {
  readonly namespaces?: Namespace[];
  readonly workloads?: Workload[];
  readonly networkPolicies?: NetworkPolicy[];
  readonly securityGroupResources?: SecurityGroupResource[];
  readonly warnings: string[];
}

export interface ReadOptions {
  /** Items per list request (the API's `limit`); the rest arrives through `continue` tokens. */
  readonly pageSize?: number;
  /** At most this many pages per list, so a misbehaving server cannot keep the import looping. */
  readonly maxPages?: number;
}

/** The SecurityGroup custom resource of CCE Turbo (cce_10_0288). */
export const SECURITY_GROUP_CRD = { group: 'crd.yangtse.cni', version: 'v1', plural: 'securitygroups' } as const;

interface Page<T> {
  readonly items: readonly T[];
  readonly metadata?: { readonly _continue?: string; readonly continue?: string };
}

class ReadRefused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A list whose answer the client could not turn into its objects (a field of the wrong type). */
class ListUnreadable extends Error {}

/** How many times one list is asked again after its connection was reset. */
const MAX_RESET_RETRIES = 2;

/** Every item of a paged list. */
async function listAll<T>(
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  options: ReadOptions,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  const maxPages = options.maxPages ?? 1000;
  for (let page = 0, resets = 0; page < maxPages; page++) {
    let response: Page<T>;
    try {
      response = await fetchPage(token);
    } catch (error) {
      if (error instanceof ApiException && (error.code === 403 || error.code === 404 || error.code === 401))
        throw new ReadRefused(error.code, apiMessage(error));
      // A list is idempotent: a connection reset under it (a stale keep-alive socket) is worth another try or two.
      if (isConnectionResetCode(networkErrorCode(error)) && resets < MAX_RESET_RETRIES) {
        resets++;
        page--;
        continue;
      }
      // The client turns the answer into typed objects without checking it: a list where it expects an array
      // (`containers: -1`) throws a TypeError inside it. That list cannot be read; the others still can.
      if (error instanceof TypeError) throw new ListUnreadable(error.message);
      throw error;
    }
    items.push(...response.items);
    token = response.metadata?._continue ?? response.metadata?.continue;
    if (!token) return items;
  }
  throw new Error(`the list did not end after ${maxPages} pages`);
}

function apiMessage(error: ApiException<unknown>): string {
  const body = error.body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: unknown };
      if (typeof parsed.message === 'string') return parsed.message;
    } catch {
      // not JSON: fall through to the status code
    }
  }
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
  return `HTTP ${error.code}`;
}

function labelsOf(value: Record<string, string> | undefined): Record<string, string> | undefined {
  return value && Object.keys(value).length ? { ...value } : undefined;
}

function selectorOf(selector: V1LabelSelector | undefined): z.input<typeof networkPolicySchema>['spec']['podSelector'] {
  return {
    ...(selector?.matchLabels ? { matchLabels: { ...selector.matchLabels } } : {}),
    ...(selector?.matchExpressions?.length
      ? {
          matchExpressions: selector.matchExpressions.map((e) => ({
            key: e.key,
            operator: e.operator as 'In',
            ...(e.values ? { values: [...e.values] } : {}),
          })),
        }
      : {}),
  };
}

function peerOf(peer: V1NetworkPolicyPeer) {
  return {
    ...(peer.ipBlock
      ? { ipBlock: { cidr: peer.ipBlock.cidr, ...(peer.ipBlock.except ? { except: [...peer.ipBlock.except] } : {}) } }
      : {}),
    ...(peer.podSelector ? { podSelector: selectorOf(peer.podSelector) } : {}),
    ...(peer.namespaceSelector ? { namespaceSelector: selectorOf(peer.namespaceSelector) } : {}),
  };
}

function portOf(port: V1NetworkPolicyPort) {
  return {
    ...(port.protocol ? { protocol: port.protocol as 'TCP' } : {}),
    ...(port.port != null ? { port: port.port } : {}),
    ...(port.endPort != null ? { endPort: port.endPort } : {}),
  };
}

/** A NetworkPolicy from the API in the topology's networking.k8s.io/v1 shape (metadata trimmed). */
export function networkPolicyOf(policy: V1NetworkPolicy): unknown {
  const spec = policy.spec;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metaOf(policy.metadata),
    spec: {
      podSelector: selectorOf(spec?.podSelector),
      ...(spec?.policyTypes ? { policyTypes: [...spec.policyTypes] } : {}),
      ...(spec?.ingress
        ? {
            ingress: spec.ingress.map((r) => ({
              ...(r._from ? { from: r._from.map(peerOf) } : {}),
              ...(r.ports ? { ports: r.ports.map(portOf) } : {}),
            })),
          }
        : {}),
      ...(spec?.egress
        ? {
            egress: spec.egress.map((r) => ({
              ...(r.to ? { to: r.to.map(peerOf) } : {}),
              ...(r.ports ? { ports: r.ports.map(portOf) } : {}),
            })),
          }
        : {}),
    },
  };
}

function metaOf(meta: V1ObjectMeta | undefined) {
  return {
    name: meta?.name ?? '',
    ...(meta?.namespace ? { namespace: meta.namespace } : {}),
    ...(labelsOf(meta?.labels) ? { labels: labelsOf(meta?.labels) } : {}),
  };
}

type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Pod';

function workloadOf(
  kind: WorkloadKind,
  meta: V1ObjectMeta | undefined,
  template: V1PodTemplateSpec | undefined,
): z.input<typeof workloadSchema> {
  const namespace = meta?.namespace ?? 'default';
  return {
    name: `${namespace}/${meta?.name ?? ''}`,
    kind,
    ...(labelsOf(meta?.labels) ? { labels: labelsOf(meta?.labels) } : {}),
    ...(labelsOf(template?.metadata?.labels) ? { podLabels: labelsOf(template?.metadata?.labels) } : {}),
    ...(labelsOf(template?.metadata?.annotations) ? { podAnnotations: labelsOf(template?.metadata?.annotations) } : {}),
    ...(template?.spec?.hostNetwork ? { hostNetwork: true } : {}),
  };
}

/** The SecurityGroup custom resources arrive untyped: check them at the edge. */
const securityGroupItem = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string().optional() }).loose(),
  spec: z.unknown(),
});

/** Check items one by one: a malformed object is a warning, never the end of the import. */
function keepValid<S extends z.ZodType>(schema: S, items: readonly unknown[], what: string, warnings: string[]) {
  const kept: z.output<S>[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) kept.push(parsed.data);
    else warnings.push(skipped(what, item, parsed.error));
  }
  return kept;
}

/** The items of an API answer whose fields reachbot reads have the shape it reads (raw-shapes.ts), as they are. */
function keepReadable<T>(schema: z.ZodType, items: readonly T[], what: string, warnings: string[]): T[] {
  return items.filter((item) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) warnings.push(skipped(what, item, parsed.error));
    return parsed.success;
  });
}

function skipped(what: string, item: unknown, error: z.ZodError): string {
  const meta = (item as { metadata?: { namespace?: unknown; name?: unknown } | null } | null)?.metadata;
  const name = meta
    ? `${typeof meta.namespace === 'string' ? `${meta.namespace}/` : ''}${String(meta.name ?? '?')}`
    : '?';
  return `skipped ${what} ${name}: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}

function refusedWarning(what: string, error: ReadRefused | ListUnreadable, rbacHint: string): string {
  if (error instanceof ListUnreadable)
    return `cannot read ${what}: the API's answer does not have the shape of its kind (${error.message}); kept what the topology had`;
  if (error.code === 404)
    return `${what} are not served by this cluster (${error.message}): ${rbacHint}; kept what the topology had`;
  return `cannot list ${what}: ${error.code === 401 ? 'not authenticated' : 'forbidden'} (${error.message}); grant get/list on ${rbacHint} (deploy/base/rbac.yaml); kept what the topology had`;
}

/** Read the Kubernetes side of the cluster `kubeConfig` points at (its current context). */
export async function readKubernetes(kubeConfig: KubeConfig, options: ReadOptions = {}): Promise<KubernetesSnapshot> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const networking = kubeConfig.makeApiClient(NetworkingV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const limit = options.pageSize ?? 500;
  const warnings: string[] = [];
  let refused = 0;
  let attempted = 0;

  async function attempt<T>(what: string, hint: string, read: () => Promise<T>): Promise<T | undefined> {
    attempted++;
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof ReadRefused || error instanceof ListUnreadable)) throw error;
      refused++;
      warnings.push(refusedWarning(what, error, hint));
      return undefined;
    }
  }

  const namespaceItems = await attempt('namespaces', 'namespaces', () =>
    listAll((token) => core.listNamespace({ limit, _continue: token }), options),
  );
  const namespaces = namespaceItems
    ? keepValid(
        namespaceSchema,
        keepReadable(rawNamespace, namespaceItems, 'namespace', warnings).map((n) => ({
          name: n.metadata?.name ?? '',
          ...(labelsOf(n.metadata?.labels) ? { labels: labelsOf(n.metadata?.labels) } : {}),
        })),
        'namespace',
        warnings,
      )
    : undefined;

  const deployments = await attempt('deployments', 'deployments (apps)', () =>
    listAll((token) => apps.listDeploymentForAllNamespaces({ limit, _continue: token }), options),
  );
  const statefulSets = await attempt('statefulsets', 'statefulsets (apps)', () =>
    listAll((token) => apps.listStatefulSetForAllNamespaces({ limit, _continue: token }), options),
  );
  const daemonSets = await attempt('daemonsets', 'daemonsets (apps)', () =>
    listAll((token) => apps.listDaemonSetForAllNamespaces({ limit, _continue: token }), options),
  );
  const pods = await attempt('pods', 'pods', () =>
    listAll((token) => core.listPodForAllNamespaces({ limit, _continue: token }), options),
  );
  let workloads: Workload[] | undefined;
  if (deployments && statefulSets && daemonSets) {
    const raw = [
      ...keepReadable(rawController, deployments, 'Deployment', warnings).map((d) =>
        workloadOf('Deployment', d.metadata, d.spec?.template),
      ),
      ...keepReadable(rawController, statefulSets, 'StatefulSet', warnings).map((s) =>
        workloadOf('StatefulSet', s.metadata, s.spec?.template),
      ),
      ...keepReadable(rawController, daemonSets, 'DaemonSet', warnings).map((s) =>
        workloadOf('DaemonSet', s.metadata, s.spec?.template),
      ),
      // Pods that no controller owns are workloads of their own.
      ...keepReadable(rawPod, pods ?? [], 'Pod', warnings)
        .filter((p) => !(p.metadata?.ownerReferences ?? []).length)
        .map((p) => workloadOf('Pod', p.metadata, { metadata: p.metadata, spec: p.spec })),
    ];
    // Two kinds may share a name in one namespace: the later ones get their kind in the name.
    const seen = new Set<string>();
    for (const w of raw) {
      if (seen.has(w.name)) w.name = `${w.name}-${w.kind?.toLowerCase()}`;
      seen.add(w.name);
    }
    workloads = keepValid(workloadSchema, raw, 'workload', warnings);
  } else warnings.push('workloads were not all readable: kept the workloads the topology had');

  const policyItems = await attempt('networkpolicies', 'networkpolicies (networking.k8s.io)', () =>
    listAll((token) => networking.listNetworkPolicyForAllNamespaces({ limit, _continue: token }), options),
  );
  const networkPolicies = policyItems
    ? keepValid(
        networkPolicySchema,
        keepReadable(rawNetworkPolicy, policyItems, 'NetworkPolicy', warnings).map(networkPolicyOf),
        'NetworkPolicy',
        warnings,
      )
    : undefined;

  const groupItems = await attempt(
    'SecurityGroup resources (crd.yangtse.cni/v1)',
    'securitygroups (crd.yangtse.cni), which only CCE Turbo clusters serve',
    () =>
      listAll(
        async (token) =>
          z
            .object({
              items: z.array(z.unknown()),
              metadata: z.object({ continue: z.string().optional() }).loose().optional(),
            })
            .parse(await custom.listClusterCustomObject({ ...SECURITY_GROUP_CRD, limit, _continue: token })),
        options,
      ),
  );
  const securityGroupResources = groupItems
    ? keepValid(
        securityGroupResourceSchema,
        keepValid(securityGroupItem, groupItems, 'SecurityGroup resource', warnings).map((item) => ({
          apiVersion: 'crd.yangtse.cni/v1',
          kind: 'SecurityGroup',
          metadata: {
            name: item.metadata.name,
            ...(item.metadata.namespace ? { namespace: item.metadata.namespace } : {}),
          },
          spec: item.spec,
        })),
        'SecurityGroup resource',
        warnings,
      )
    : undefined;

  if (refused === attempted) throw new Error(`the cluster refused every list: ${warnings.join('; ')}`);
  return { namespaces, workloads, networkPolicies, securityGroupResources, warnings };
}
