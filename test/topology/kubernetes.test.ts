// The Kubernetes objects of a cluster in topology v1: pasted `kubectl get -o yaml` items validate with their
// metadata trimmed; a typo in a spec, a wrong namespace or a bad except is an error with its path.
import { describe, expect, it } from 'vitest';
import { parseTopology, validateTopology } from '../../src/topology/load.js';

const base = `
version: 1
vpcs:
  - { id: vpc, cidr: 192.168.0.0/16, subnets: [{ id: nodes, cidr: 192.168.1.0/24 }] }
clusters:
  - name: prod
    vpc: vpc
    networkModel: tunnel
    nodeSubnets: [nodes]
    containerCidrs: [172.16.0.0/16]
`;

function withCluster(extra: string) {
  return parseTopology(`${base}${extra}`);
}

describe('Kubernetes objects in a topology', () => {
  it('accepts a NetworkPolicy as kubectl prints it, keeping only name, namespace and labels of its metadata', () => {
    const result = withCluster(`
    networkPolicies:
      - apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          annotations: { kubectl.kubernetes.io/last-applied-configuration: "{}" }
          creationTimestamp: "2026-11-02T08:00:00Z"
          generation: 1
          name: default-deny-egress
          namespace: payments
          resourceVersion: "4242"
          uid: 6b1f0c1e-0000-0000-0000-000000000000
        spec:
          podSelector: {}
          policyTypes: [Egress]
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.clusters?.[0]?.networkPolicies?.[0]?.metadata).toEqual({
      name: 'default-deny-egress',
      namespace: 'payments',
    });
  });

  it('rejects a typo in a policy spec, with its path', () => {
    const result = withCluster(`
    networkPolicies:
      - metadata: { name: p, namespace: payments }
        spec: { podSelector: {}, egres: [] }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).join(' ')).toContain('clusters[0].networkPolicies[0].spec');
  });

  it('checks except inside the CIDR, duplicate policies, workload namespaces and dataPlaneV2 on tunnel', () => {
    const result = withCluster(`
    dataPlaneV2: true
    workloads:
      - { name: payments/api, namespace: web }
    networkPolicies:
      - metadata: { name: p, namespace: payments }
        spec:
          podSelector: {}
          egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8, except: [192.168.0.0/24] } }] }]
      - metadata: { name: p, namespace: payments }
        spec: { podSelector: {} }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(messages).toContain('except[0]: 192.168.0.0/24 is not inside 10.0.0.0/8');
    expect(messages).toContain('NetworkPolicy "payments/p" is already declared');
    expect(messages).toContain('namespace "web" differs');
    expect(messages).toContain('dataPlaneV2');
  });

  it('a topology without any of it validates exactly as before', () => {
    const result = validateTopology({ version: 1 });
    expect(result.ok).toBe(true);
  });
});
