// `reachbot import kubernetes` against a loopback Kubernetes API: realistic lists, paging with `continue`
// tokens, a forbidden SecurityGroup CRD (a warning, not a failure), then the question of the issue answered
// from what was imported.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { loadKubeConfig } from '../../src/kubernetes/kubeconfig.js';
import { carryKubernetesSide, mergeKubernetes } from '../../src/kubernetes/merge.js';
import { readKubernetes } from '../../src/kubernetes/read.js';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import { workspace } from '../cli/harness.js';
import { type FakeApi, realisticCluster, startFakeApi } from './fake-api.js';

const SAMPLE = new URL('../../data/kubernetes.yaml', import.meta.url);

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** data/kubernetes.yaml with prod's Kubernetes objects removed: what a cloud import gives. */
function bareTopology(): Record<string, unknown> {
  const doc = parse(readFileSync(SAMPLE, 'utf8'));
  const prod = doc.clusters.find((c: { name: string }) => c.name === 'prod');
  for (const field of ['namespaces', 'workloads', 'networkPolicies']) delete prod[field];
  return doc;
}

async function kubeconfigFile(dir: string, fake: FakeApi): Promise<string> {
  const file = join(dir, 'kubeconfig');
  await writeFile(file, fake.kubeconfig(), 'utf8');
  return file;
}

describe('readKubernetes', () => {
  it('reads every page of every list, read-only, and reports the forbidden CRD as a warning', async () => {
    api = await startFakeApi(realisticCluster());
    const { dir } = await workspace();
    const config = loadKubeConfig({ kubeconfig: await kubeconfigFile(dir, api), context: 'fake' });
    const snapshot = await readKubernetes(config, { pageSize: 2 });

    expect(snapshot.namespaces?.map((n) => n.name)).toEqual(['default', 'kube-system', 'payments', 'web']);
    expect(snapshot.workloads?.map((w) => `${w.kind} ${w.name}`)).toEqual([
      'Deployment payments/api',
      'Deployment payments/worker',
      'Deployment web/frontend',
      'Deployment kube-system/coredns',
      'StatefulSet payments/ledger',
      'DaemonSet kube-system/node-agent',
      'Pod default/debug',
    ]);
    const api1 = snapshot.workloads?.find((w) => w.name === 'payments/api');
    expect(api1).toMatchObject({ podLabels: { app: 'api', version: 'v3' }, labels: { app: 'api' } });
    expect(snapshot.workloads?.find((w) => w.name === 'kube-system/node-agent')?.hostNetwork).toBe(true);
    expect(snapshot.workloads?.find((w) => w.name === 'payments/ledger')?.podAnnotations).toEqual({
      'yangtse.io/security-group-ids': 'sg-payments-pods',
    });
    expect(snapshot.networkPolicies?.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'payments/default-deny-egress',
      'payments/allow-dns',
      'payments/allow-db',
    ]);
    // Kept as the networking.k8s.io/v1 shape, with ipBlock.except, and without server-side metadata.
    expect(snapshot.networkPolicies?.[2]).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-db', namespace: 'payments' },
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
    });
    expect(snapshot.securityGroupResources).toBeUndefined();
    expect(snapshot.warnings.join('\n')).toMatch(/cannot list SecurityGroup resources .*forbidden/);

    // Paging: 4 namespaces in pages of 2 -> two requests, the second carrying the first's continue token.
    const pages = api.requests.filter((r) => r.path === '/api/v1/namespaces');
    expect(pages.map((r) => r.limit)).toEqual(['2', '2']);
    expect(pages[0]!.token).toBeUndefined();
    expect(pages[1]!.token).toBeDefined();
    // Read-only, authenticated with the kubeconfig's token, and only against the chosen context.
    expect(api.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(api.requests.every((r) => r.auth === 'Bearer test-token')).toBe(true);
  });

  it('a cluster without the SecurityGroup CRD (404) is a warning too; SecurityGroup resources are read where served', async () => {
    const routes = realisticCluster();
    routes['/apis/crd.yangtse.cni/v1/securitygroups'] = { status: 404 };
    api = await startFakeApi(routes);
    const { dir } = await workspace();
    const file = await kubeconfigFile(dir, api);
    const missing = await readKubernetes(loadKubeConfig({ kubeconfig: file, context: 'fake' }));
    expect(missing.warnings.join('\n')).toContain('not served');
    await api.close();

    routes['/apis/crd.yangtse.cni/v1/securitygroups'] = [
      {
        apiVersion: 'crd.yangtse.cni/v1',
        kind: 'SecurityGroup',
        metadata: { name: 'payments-pods', namespace: 'payments', uid: 'x' },
        spec: { podSelector: { matchLabels: { app: 'api' } }, securityGroups: [{ id: 'sg-payments-pods' }] },
      },
      {
        apiVersion: 'crd.yangtse.cni/v1',
        kind: 'SecurityGroup',
        metadata: { name: 'broken', namespace: 'payments' },
        spec: {},
      },
    ];
    api = await startFakeApi(routes);
    const served = await readKubernetes(
      loadKubeConfig({ kubeconfig: await kubeconfigFile(dir, api), context: 'fake' }),
      {
        pageSize: 1,
      },
    );
    expect(served.securityGroupResources).toEqual([
      {
        apiVersion: 'crd.yangtse.cni/v1',
        kind: 'SecurityGroup',
        metadata: { name: 'payments-pods', namespace: 'payments' },
        spec: { podSelector: { matchLabels: { app: 'api' } }, securityGroups: [{ id: 'sg-payments-pods' }] },
      },
    ]);
    expect(served.warnings.join('\n')).toContain('skipped SecurityGroup resource payments/broken');
  });

  it('asks a list again when its connection is reset (twice), and fails on the third reset', async () => {
    const routes = realisticCluster();
    const namespaces = routes['/api/v1/namespaces'] as readonly unknown[];
    api = await startFakeApi({ ...routes, '/api/v1/namespaces': { resets: 2, items: namespaces } });
    const { dir } = await workspace();
    const config = loadKubeConfig({ kubeconfig: await kubeconfigFile(dir, api), context: 'fake' });
    const snapshot = await readKubernetes(config, { pageSize: 100 });
    expect(snapshot.namespaces?.map((n) => n.name)).toEqual(['default', 'kube-system', 'payments', 'web']);
    expect(api.requests.filter((r) => r.path === '/api/v1/namespaces')).toHaveLength(3);

    await api.close();
    api = await startFakeApi({ ...routes, '/api/v1/namespaces': { resets: 3, items: namespaces } });
    const again = loadKubeConfig({ kubeconfig: await kubeconfigFile(dir, api), context: 'fake' });
    const partial = await readKubernetes(again, { pageSize: 100 }).catch((error: unknown) => error);
    // Three resets in a row: the read fails, naming the list, rather than taking it as empty.
    expect(partial).toBeInstanceOf(Error);
    expect((partial as Error).message).toMatch(/\/api\/v1\/namespaces.*socket hang up/);
  });

  it('fails only when every list is refused', async () => {
    const routes = Object.fromEntries(Object.keys(realisticCluster()).map((path) => [path, { status: 403 as const }]));
    api = await startFakeApi(routes);
    const { dir } = await workspace();
    const config = loadKubeConfig({ kubeconfig: await kubeconfigFile(dir, api), context: 'fake' });
    await expect(readKubernetes(config)).rejects.toThrow(/refused every list/);
  });

  it('an unknown context is a clear error', async () => {
    api = await startFakeApi(realisticCluster());
    const { dir } = await workspace();
    expect(() => loadKubeConfig({ kubeconfig: join(dir, 'none'), context: 'x' })).toThrow();
    const file = await kubeconfigFile(dir, api);
    expect(() => loadKubeConfig({ kubeconfig: file, context: 'prod-eu' })).toThrow(/no context "prod-eu".*fake, other/);
  });
});

describe('the shipped RBAC', () => {
  it('grants read verbs only, and list on every list the reader makes', async () => {
    api = await startFakeApi(realisticCluster());
    const { dir } = await workspace();
    await readKubernetes(loadKubeConfig({ kubeconfig: await kubeconfigFile(dir, api), context: 'fake' }));
    const docs = parseAllDocuments(readFileSync(new URL('../../deploy/base/rbac.yaml', import.meta.url), 'utf8')).map(
      (d) => d.toJS(),
    );
    const role = docs.find((d) => d.kind === 'ClusterRole');
    const rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[] = role.rules;
    for (const rule of rules) expect(rule.verbs.every((v) => ['get', 'list', 'watch'].includes(v))).toBe(true);
    const paths = [...new Set(api.requests.map((r) => r.path))];
    expect(paths.length).toBeGreaterThanOrEqual(7);
    for (const path of paths) {
      const parts = path.split('/').filter(Boolean);
      const [group, resource] = parts[0] === 'api' ? ['', parts[2]!] : [parts[1]!, parts[3]!];
      const covered = rules.some(
        (r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes('list'),
      );
      expect(covered, `${group}/${resource}`).toBe(true);
    }
    expect(docs.find((d) => d.kind === 'ClusterRoleBinding')?.roleRef.name).toBe(role.metadata.name);
  });
});

describe('merging', () => {
  const base = (): Topology => {
    const checked = validateTopology(parse(readFileSync(SAMPLE, 'utf8')));
    if (!checked.ok) throw new Error('sample is invalid');
    return checked.topology;
  };

  it('keeps kinds that could not be read and hand-written workload fields', () => {
    const topology = base();
    const merged = mergeKubernetes(topology, 'PROD', {
      workloads: [{ name: 'payments/api', kind: 'Deployment', podLabels: { app: 'api', v: '2' } }],
      warnings: ['cannot list networkpolicies'],
    });
    const prod = merged.topology.clusters?.find((c) => c.name === 'prod');
    expect(prod?.networkPolicies).toEqual(topology.clusters?.[0]?.networkPolicies);
    // Imported workloads replace the previously imported ones (payments/worker etc. had a kind and are gone).
    expect(prod?.workloads?.map((w) => w.name)).toEqual(['payments/api']);
    expect(merged.warnings).toContain('cannot list networkpolicies');
    expect(() => mergeKubernetes(topology, 'nope', { warnings: [] })).toThrow(/no cluster "nope"/);
  });

  it('a cloud re-import carries the Kubernetes side over', () => {
    const before = base();
    const fresh = structuredClone(before);
    for (const c of fresh.clusters ?? []) {
      delete c.networkPolicies;
      delete c.namespaces;
      delete c.egressPoliciesEnforced;
      c.workloads = [];
    }
    const carried = carryKubernetesSide(before, fresh);
    expect(carried.clusters?.[0]?.networkPolicies).toEqual(before.clusters?.[0]?.networkPolicies);
    expect(carried.clusters?.[0]?.egressPoliciesEnforced).toBe(true);
    expect(carried.clusters?.[0]?.workloads?.map((w) => w.name)).toEqual(
      before.clusters?.[0]?.workloads?.map((w) => w.name),
    );
  });
});

describe('reachbot import kubernetes', () => {
  it('merges the cluster into the stored topology; the question of the issue is then answered at network-policy', async () => {
    api = await startFakeApi(realisticCluster());
    const { dir, run } = await workspace();
    await writeFile(join(dir, 'bare.yaml'), stringify(bareTopology()), 'utf8');
    expect((await run('topology', 'import', 'bare.yaml', '--name', 'k8s')).code).toBe(0);
    await writeFile(join(dir, 'kubeconfig'), api.kubeconfig(), 'utf8');

    const before = await run('ask', 'can payments/api in prod reach 192.168.10.52:3306?');
    expect(before.code).toBe(2); // payments/api is not declared yet

    const dry = await run(
      'import',
      'kubernetes',
      '--cluster',
      'prod',
      '--kubeconfig',
      'kubeconfig',
      '--context',
      'fake',
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('networkPolicies: +payments/default-deny-egress');
    expect(dry.stdout).toContain('dry run');

    const imported = await run(
      'import',
      'kubernetes',
      '--cluster',
      'prod',
      '--kubeconfig',
      'kubeconfig',
      '--context',
      'fake',
    );
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/warning: cannot list SecurityGroup resources/);
    expect(imported.stdout).toContain(
      'updated cluster prod of topology "k8s" (4 namespaces, 7 workloads, 3 NetworkPolicies',
    );

    const answer = await run('ask', 'can payments/api in prod reach 192.168.10.52:3306?');
    expect(answer.code).toBe(1);
    expect(answer.stdout).toMatch(/✗ network-policy +payments\/default-deny-egress/);
    expect(answer.stdout).toContain('kind: NetworkPolicy');

    const again = await run(
      'import',
      'kubernetes',
      '--cluster',
      'prod',
      '--kubeconfig',
      'kubeconfig',
      '--context',
      'fake',
    );
    expect(again.stdout).toContain('is unchanged');
  });

  it('an unreachable cluster fails the import and leaves the store as it was', async () => {
    const { dir, run } = await workspace();
    await writeFile(join(dir, 'bare.yaml'), stringify(bareTopology()), 'utf8');
    await run('topology', 'import', 'bare.yaml', '--name', 'k8s');
    api = await startFakeApi(realisticCluster());
    await writeFile(join(dir, 'kubeconfig'), api.kubeconfig(), 'utf8');
    // Context `other` points at a closed loopback port.
    const failed = await run('import', 'kubernetes', '--cluster', 'prod', '--kubeconfig', 'kubeconfig');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('import failed');
    const shown = await run('topology', 'show', 'k8s');
    expect(shown.stdout).not.toContain('default-deny-egress');
  });
});
