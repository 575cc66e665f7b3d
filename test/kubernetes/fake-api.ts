// A loopback double of the Kubernetes API (127.0.0.1, port 0) serving list responses shaped like a real
// API server's: `limit` and `continue` paging, a 403 Status for a forbidden resource, a 404 for a resource
// the cluster does not serve. It records every request, so tests can check paging and read-only verbs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Served =
  | readonly unknown[]
  | { readonly status: 403 | 404 }
  /** The first `resets` requests to the path have their connection destroyed, later ones get `items`. */
  | { readonly resets: number; readonly items: readonly unknown[] };

export interface FakeApi {
  readonly url: string;
  readonly requests: { method: string; path: string; limit?: string; token?: string; auth?: string }[];
  /** A kubeconfig pointing at the double, with contexts `fake` (current) and `other` (an unreachable port). */
  kubeconfig(): string;
  close(): Promise<void>;
}

function status(res: ServerResponse, code: 403 | 404, path: string): void {
  const [, , group = '', , resource = ''] = path.split('/');
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        code === 403
          ? `${resource} is forbidden: User "system:serviceaccount:reachbot:reader" cannot list resource "${resource}" in API group "${group}" at the cluster scope`
          : 'the server could not find the requested resource',
      reason: code === 403 ? 'Forbidden' : 'NotFound',
      code,
    }),
  );
}

/** Start the double; `routes` maps a list path ("/api/v1/namespaces") to its items or an error status. */
export async function startFakeApi(routes: Record<string, Served>): Promise<FakeApi> {
  const requests: FakeApi['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const limit = url.searchParams.get('limit') ?? undefined;
    const token = url.searchParams.get('continue') ?? undefined;
    requests.push({ method: req.method ?? '', path: url.pathname, limit, token, auth: req.headers.authorization });
    const served = routes[url.pathname];
    if (req.method !== 'GET' || served === undefined) return status(res, 404, url.pathname);
    let items: readonly unknown[];
    if ('resets' in served) {
      const before = requests.filter((r) => r.path === url.pathname).length - 1;
      if (before < served.resets) {
        req.socket.destroy();
        return;
      }
      items = served.items;
    } else if ('status' in served) return status(res, served.status, url.pathname);
    else items = served;
    const start = token ? Number(Buffer.from(token, 'base64').toString('utf8')) : 0;
    const size = limit ? Number(limit) : items.length;
    const end = Math.min(items.length, start + size);
    const next = end < items.length ? Buffer.from(String(end)).toString('base64') : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'List',
        apiVersion: 'v1',
        metadata: {
          resourceVersion: '12345',
          ...(next ? { continue: next, remainingItemCount: items.length - end } : {}),
        },
        items: items.slice(start, end),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    kubeconfig: () =>
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        // The client refuses plain HTTP unless TLS verification is off: the double speaks HTTP on loopback.
        `  - name: fake\n    cluster:\n      server: ${url}\n      insecure-skip-tls-verify: true`,
        '  - name: other\n    cluster:\n      server: http://127.0.0.1:9\n      insecure-skip-tls-verify: true',
        'users:',
        '  - name: reader\n    user:\n      token: test-token',
        'contexts:',
        '  - name: fake\n    context:\n      cluster: fake\n      user: reader',
        '  - name: other\n    context:\n      cluster: other\n      user: reader',
        'current-context: other',
        '',
      ].join('\n'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const meta = (namespace: string, name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace,
  uid: `${namespace}-${name}-uid`,
  resourceVersion: '42',
  creationTimestamp: '2026-11-02T08:00:00Z',
  ...extra,
});

const template = (
  labels: Record<string, string>,
  extra: Record<string, unknown> = {},
  annotations?: Record<string, string>,
) => ({
  metadata: { labels, ...(annotations ? { annotations } : {}) },
  spec: { containers: [{ name: 'app', image: 'swr.example/app:1' }], ...extra },
});

/** A realistic cluster: payments with a default-deny egress policy, web without policies, kube-system. */
export function realisticCluster(): Record<string, Served> {
  return {
    '/api/v1/namespaces': [
      { metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } } },
      { metadata: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
      { metadata: { name: 'payments', labels: { 'kubernetes.io/metadata.name': 'payments', team: 'payments' } } },
      { metadata: { name: 'web', labels: { 'kubernetes.io/metadata.name': 'web' } } },
    ],
    '/apis/apps/v1/deployments': [
      {
        metadata: meta('payments', 'api', {
          labels: { app: 'api' },
          annotations: { 'deployment.kubernetes.io/revision': '3' },
        }),
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'api' } },
          template: template({ app: 'api', version: 'v3' }),
        },
        status: { replicas: 3 },
      },
      {
        metadata: meta('payments', 'worker'),
        spec: { selector: { matchLabels: { app: 'worker' } }, template: template({ app: 'worker' }) },
      },
      {
        metadata: meta('web', 'frontend'),
        spec: { selector: { matchLabels: { app: 'frontend' } }, template: template({ app: 'frontend' }) },
      },
      {
        metadata: meta('kube-system', 'coredns', { labels: { 'k8s-app': 'coredns' } }),
        spec: { selector: { matchLabels: { 'k8s-app': 'coredns' } }, template: template({ 'k8s-app': 'coredns' }) },
      },
    ],
    '/apis/apps/v1/statefulsets': [
      {
        metadata: meta('payments', 'ledger'),
        spec: {
          serviceName: 'ledger',
          selector: { matchLabels: { app: 'ledger' } },
          template: template({ app: 'ledger' }, {}, { 'yangtse.io/security-group-ids': 'sg-payments-pods' }),
        },
      },
    ],
    '/apis/apps/v1/daemonsets': [
      {
        metadata: meta('kube-system', 'node-agent'),
        spec: {
          selector: { matchLabels: { app: 'node-agent' } },
          template: template({ app: 'node-agent' }, { hostNetwork: true }),
        },
      },
    ],
    '/api/v1/pods': [
      // Owned by a ReplicaSet: not a workload of its own.
      {
        metadata: meta('payments', 'api-7d9c-abcde', {
          labels: { app: 'api' },
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9c', uid: 'rs', controller: true },
          ],
        }),
        spec: { containers: [{ name: 'app', image: 'x' }] },
      },
      {
        metadata: meta('default', 'debug', { labels: { run: 'debug' } }),
        spec: { containers: [{ name: 'sh', image: 'busybox' }] },
      },
    ],
    '/apis/networking.k8s.io/v1/networkpolicies': [
      {
        metadata: meta('payments', 'default-deny-egress', { generation: 1 }),
        spec: { podSelector: {}, policyTypes: ['Egress'] },
      },
      {
        metadata: meta('payments', 'allow-dns'),
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [
                {
                  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
                  podSelector: { matchLabels: { 'k8s-app': 'coredns' } },
                },
              ],
              ports: [
                { protocol: 'UDP', port: 53 },
                { protocol: 'TCP', port: 53 },
              ],
            },
          ],
        },
      },
      {
        metadata: meta('payments', 'allow-db'),
        spec: {
          podSelector: { matchLabels: { app: 'worker' } },
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ ipBlock: { cidr: '192.168.10.0/24', except: ['192.168.10.128/25'] } }],
              ports: [{ protocol: 'TCP', port: 3306 }],
            },
          ],
        },
      },
    ],
    '/apis/crd.yangtse.cni/v1/securitygroups': { status: 403 },
  };
}
