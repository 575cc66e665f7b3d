// Answers of the Kubernetes API that no real server gives but a proxy, a broken CRD or a test double might: an
// object that is null, a rule list holding a null, a field of the wrong type, an ipBlock whose except lies outside
// its cidr. Each is a warning that names the object, and the rest of the cluster is read; before, each ended the
// whole import with a TypeError or "the merged topology is not valid" (found by replacing each value of the
// realistic cluster's answers in turn).
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syncKubernetes } from '../../src/kubernetes/index.js';
import type { Topology } from '../../src/topology/schema.js';
import { workspace } from '../cli/harness.js';
import { type FakeApi, realisticCluster, type Served, startFakeApi } from './fake-api.js';

const POLICIES = '/apis/networking.k8s.io/v1/networkpolicies';
const NAMESPACES = '/api/v1/namespaces';
const DEPLOYMENTS = '/apis/apps/v1/deployments';

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** data/kubernetes.yaml with prod's Kubernetes objects removed: what a cloud import gives. */
function bareTopology(): Topology {
  const doc = parse(readFileSync(new URL('../../data/kubernetes.yaml', import.meta.url), 'utf8'));
  const prod = doc.clusters.find((c: { name: string }) => c.name === 'prod');
  for (const field of ['namespaces', 'workloads', 'networkPolicies']) delete prod[field];
  return doc as Topology;
}

/** Import prod's Kubernetes side from a double serving `routes`. */
async function importFrom(routes: Record<string, Served>) {
  api = await startFakeApi(routes);
  const { dir } = await workspace();
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, api.kubeconfig(), 'utf8');
  const result = await syncKubernetes(bareTopology(), { cluster: 'prod', kubeconfig, context: 'fake' });
  await api.close();
  api = undefined;
  const prod = result.topology.clusters?.find((c) => c.name === 'prod');
  return { ...result, prod };
}

/** The realistic cluster's answers with the items of `path` changed by `change`. */
function answersWith(path: string, change: (items: unknown[]) => void): Record<string, Served> {
  const routes = realisticCluster();
  const items = structuredClone(routes[path]) as unknown[];
  change(items);
  routes[path] = items;
  return routes;
}

describe('malformed Kubernetes answers', () => {
  it('a null namespace is skipped with a warning; the other namespaces are read', async () => {
    const { prod, warnings } = await importFrom(answersWith(NAMESPACES, (items) => (items[0] = null)));
    expect(prod?.namespaces?.map((n) => n.name)).toEqual(['kube-system', 'payments', 'web']);
    expect(warnings).toContainEqual(expect.stringMatching(/^skipped namespace \?: /));
  });

  it('a NetworkPolicy whose egress list holds a null is skipped, named; the other policies are read', async () => {
    const routes = answersWith(POLICIES, (items) => {
      (items[1] as { spec: { egress: unknown[] } }).spec.egress[0] = null;
    });
    const { prod, warnings } = await importFrom(routes);
    expect(prod?.networkPolicies?.map((p) => p.metadata.name)).toEqual(['default-deny-egress', 'allow-db']);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^skipped NetworkPolicy payments\/allow-dns: spec\.egress\.0: /),
    );
  });

  it('a list the client cannot turn into objects is unreadable, with a warning; the workloads the topology had stay', async () => {
    const routes = answersWith(DEPLOYMENTS, (items) => {
      (items[0] as { spec: { template: { spec: { containers: unknown } } } }).spec.template.spec.containers = -1;
    });
    const { prod, warnings } = await importFrom(routes);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^cannot read deployments: the API's answer does not have the shape of its kind/),
    );
    expect(warnings).toContain('workloads were not all readable: kept the workloads the topology had');
    // Namespaces and policies were still read.
    expect(prod?.namespaces).toHaveLength(4);
    expect(prod?.networkPolicies).toHaveLength(3);
  });

  it('a NetworkPolicy that fits alone but not in the topology (except outside its cidr) is left out whole', async () => {
    const routes = answersWith(POLICIES, (items) => {
      const allowDb = items[2] as { spec: { egress: { to: { ipBlock: { except: string[] } }[] }[] } };
      allowDb.spec.egress[0]!.to[0]!.ipBlock.except = ['10.0.0.0/8'];
    });
    const { prod, warnings } = await importFrom(routes);
    expect(prod?.networkPolicies?.map((p) => p.metadata.name)).toEqual(['default-deny-egress', 'allow-dns']);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^clusters\[\d\]\.networkPolicies\[2\]: spec\.egress\[0\]\.to\[0\]\.ipBlock\.except\[0\]: 10\.0\.0\.0\/8 is not inside 192\.168\.10\.0\/24; left out$/,
      ),
    );
  });

  it('any value of any object replaced: an import with warnings, never a TypeError or an invalid topology', async () => {
    const routes = realisticCluster();
    const lists = Object.keys(routes).filter((path) => Array.isArray(routes[path]));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...lists),
        fc.nat(),
        fc.constantFrom<unknown>(null, '', '::/0', '0.0.0.0/0', -1, 70_000, [], {}, [null]),
        async (path, at, value) => {
          const changed = answersWith(path, (items) => {
            const slots: { parent: Record<string | number, unknown>; key: string | number }[] = [];
            const walk = (node: unknown) => {
              if (typeof node !== 'object' || node === null) return;
              for (const [key, child] of Object.entries(node)) {
                slots.push({
                  parent: node as Record<string | number, unknown>,
                  key: Array.isArray(node) ? Number(key) : key,
                });
                walk(child);
              }
            };
            walk(items);
            const slot = slots[at % slots.length]!;
            slot.parent[slot.key] = value;
          });
          const { topology } = await importFrom(changed);
          expect(topology.version).toBe(1);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  });
});
