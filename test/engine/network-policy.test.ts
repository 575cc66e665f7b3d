// The `network-policy` step and the Kubernetes side of the source: every row of CCE's NetworkPolicy table
// that changes an answer (tunnel egress denied, vpc-router without DataPlane V2, ipBlock except, DNS, Turbo's
// 100.125.0.0/16, pod security group precedence, hostNetwork), on data/kubernetes.yaml and variants of it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dnsEgressCheck, workloadGroup } from '../../src/engine/checks/network-policy.js';
import type { Diagnosis, NetworkPolicyFix } from '../../src/engine/diagnosis.js';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { selectorMatches } from '../../src/engine/network-policy-eval.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { TopologyInput } from '../../src/topology/schema.js';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';

const SAMPLE = new URL('../../data/kubernetes.yaml', import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: test fixtures are edited as plain YAML data before validation
type Doc = any;

function sample(): Doc {
  return parse(readFileSync(SAMPLE, 'utf8'));
}

function cluster(doc: Doc, name: string): Doc {
  return doc.clusters.find((c: Doc) => c.name === name);
}

function answer(doc: Doc, clusterName: string, workload: string | null, destination = '192.168.10.52', port = 3306) {
  const { compiled } = build(doc as TopologyInput);
  return ask(compiled, { cluster: clusterName, workload, destination, protocol: 'tcp', port });
}

function step(d: Diagnosis) {
  return d.steps.find((s) => s.check === 'network-policy');
}

function policyFixes(d: Diagnosis): NetworkPolicyFix[] {
  return d.fixes.filter((f): f is NetworkPolicyFix => f.kind === 'network-policy');
}

describe('tunnel cluster: a default-deny egress policy', () => {
  const doc = sample();
  const d = answer(doc, 'prod', 'payments/api');

  it('answers unreachable at network-policy, naming the policy, right after source-address', () => {
    expect(d.verdict).toBe('unreachable');
    expect(step(d)?.status).toBe('fail');
    expect(step(d)?.summary).toContain('payments/default-deny-egress');
    const order = d.steps.map((s) => s.check);
    expect(order.indexOf('network-policy')).toBe(order.indexOf('source-address') + 1);
  });

  it('proposes a NetworkPolicy selecting exactly the workload pods, to the one address on tcp/3306', () => {
    const fixes = policyFixes(d);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({
      cluster: 'prod',
      namespace: 'payments',
      podSelector: { app: 'api' },
      to: { ipBlock: '192.168.10.52/32' },
      ports: [{ protocol: 'TCP', port: 3306 }],
    });
    // No single policy owns the egress (default-deny selects every pod): no patch form.
    expect(fixes[0]!.owner).toBeUndefined();
  });

  it('renders YAML for kubectl apply that, applied to the topology, makes the answer reachable', () => {
    const manifest = policyFixes(d)[0]!.render.kubectl!;
    const policy = parse(manifest.split('\n# or')[0]!);
    expect(policy).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { namespace: 'payments' },
      spec: {
        podSelector: { matchLabels: { app: 'api' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '192.168.10.52/32' } }], ports: [{ protocol: 'TCP', port: 3306 }] }],
      },
    });
    // Apply the YAML itself (not the fix spec) to the cluster and ask again.
    const fixed = sample();
    cluster(fixed, 'prod').networkPolicies.push(policy);
    expect(answer(fixed, 'prod', 'payments/api').verdict).toBe('reachable');
    // The engine's own verification agrees: no "still fails" assumption.
    expect(d.assumptions.join('\n')).not.toContain('still fails');
  });

  it('leaves pods no policy selects alone, and other workloads in the namespace stay denied', () => {
    const web = answer(doc, 'prod', 'web/frontend');
    expect(web.verdict).toBe('reachable');
    expect(step(web)?.summary).toContain('no NetworkPolicy selects the pods of web/frontend');
    const { topology } = build(doc);
    const fixed = compileTopology(applyFixes(topology, d.fixes));
    expect(
      ask(fixed, { cluster: 'prod', workload: 'payments/api', destination: 'mysql-main', port: 3306 }).verdict,
    ).toBe('reachable');
    // The fix is for app=api only: another workload of payments without a rule stays denied.
    const other = sample();
    cluster(other, 'prod').workloads.push({ name: 'payments/cron', podLabels: { app: 'cron' } });
    const withFix = compileTopology(applyFixes(build(other).topology, d.fixes));
    expect(
      status(
        ask(withFix, { cluster: 'prod', workload: 'payments/cron', destination: 'mysql-main', port: 3306 }),
        'network-policy',
      ),
    ).toBe('fail');
  });

  it('is uncertain when the tunnel cluster does not declare that its nodes enforce egress rules', () => {
    const doc2 = sample();
    delete cluster(doc2, 'prod').egressPoliciesEnforced;
    const u = answer(doc2, 'prod', 'payments/api');
    expect(u.verdict).toBe('uncertain');
    expect(step(u)?.status).toBe('warn');
    expect(u.assumptions.join('\n')).toContain('node OSes');
  });

  it('says the policies have no effect on a tunnel cluster older than v1.23', () => {
    const doc2 = sample();
    cluster(doc2, 'prod').version = 'v1.21';
    const old = answer(doc2, 'prod', 'payments/api');
    expect(old.verdict).toBe('reachable');
    expect(step(old)?.summary).toContain('no effect');
  });
});

describe('vpc-router and eni clusters enforce policies only with DataPlane V2', () => {
  it('the same policy on vpc-router without DataPlane V2 has no effect', () => {
    const d = answer(sample(), 'vpcprod', 'payments/api');
    expect(d.verdict).toBe('reachable');
    expect(step(d)?.status).toBe('pass');
    expect(step(d)?.summary).toMatch(/payments\/default-deny-egress would deny .* no effect/);
    expect(policyFixes(d)).toHaveLength(0);
  });

  it('the prod cluster switched to vpc-router without DataPlane V2 says the policy has no effect', () => {
    const doc = sample();
    const prod = cluster(doc, 'prod');
    prod.networkModel = 'vpc-router';
    // vpcprod already uses 172.16.0.0/16 in this VPC: two VPC-network clusters cannot share it (planning fails).
    doc.clusters = doc.clusters.filter((c: Doc) => c.name !== 'vpcprod');
    delete prod.egressPoliciesEnforced;
    const d = answer(doc, 'prod', 'payments/api');
    expect(step(d)?.summary).toContain('no effect');
    expect(d.steps.filter((s) => s.status === 'fail')).toEqual([]);
    expect(d.verdict).toBe('reachable');
    expect(d.assumptions.join('\n')).toContain('does not declare dataPlaneV2');
  });

  it('with DataPlane V2 the policy denies', () => {
    const doc = sample();
    Object.assign(cluster(doc, 'vpcprod'), { dataPlaneV2: true, egressPoliciesEnforced: true });
    const d = answer(doc, 'vpcprod', 'payments/api');
    expect(d.verdict).toBe('unreachable');
    expect(step(d)?.status).toBe('fail');
  });
});

describe('rule matching', () => {
  it('ipBlock with except: inside the CIDR is admitted, inside the except is not', () => {
    const doc = sample();
    doc.resources.push({
      name: 'mysql-replica',
      vpc: 'vpc-k8s',
      subnet: 'subnet-data',
      addresses: ['192.168.10.200'],
      securityGroups: ['sg-mysql'],
    });
    const inside = answer(doc, 'prod', 'payments/worker', '192.168.10.52');
    expect(step(inside)?.status).toBe('pass');
    expect(step(inside)?.summary).toContain('egress rule #1 of payments/allow-db');
    const excepted = answer(doc, 'prod', 'payments/worker', '192.168.10.200');
    expect(step(excepted)?.status).toBe('fail');
    expect(policyFixes(excepted)[0]).toMatchObject({ to: { ipBlock: '192.168.10.200/32' } });
    // allow-db selects exactly app=worker and is one of several isolating policies: no single owner.
    expect(policyFixes(excepted)[0]!.owner).toBeUndefined();
  });

  it('a port outside the rule is denied; a named port never matches an address outside the cluster', () => {
    const doc = sample();
    expect(step(answer(doc, 'prod', 'payments/worker', '192.168.10.52', 3307))?.status).toBe('fail');
    cluster(doc, 'prod').networkPolicies[2].spec.egress[0].ports = [{ protocol: 'TCP', port: 'mysql' }];
    expect(step(answer(doc, 'prod', 'payments/worker'))?.status).toBe('fail');
  });

  it('endPort admits a range on vpc-router with DataPlane V2 and is uncertain where unsupported', () => {
    const doc = sample();
    const policy = {
      metadata: { name: 'range', namespace: 'payments' },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '192.168.10.0/24' } }], ports: [{ port: 3300, endPort: 3310 }] }],
      },
    };
    const vpc = cluster(doc, 'vpcprod');
    Object.assign(vpc, { dataPlaneV2: true, egressPoliciesEnforced: true });
    vpc.networkPolicies = [policy];
    expect(step(answer(doc, 'vpcprod', 'payments/api'))?.status).toBe('pass');
    cluster(doc, 'prod').networkPolicies = [policy];
    const tunnel = answer(doc, 'prod', 'payments/api');
    expect(step(tunnel)?.status).toBe('warn');
    expect(tunnel.assumptions.join('\n')).toContain('endPort');
  });

  it('a single policy selecting exactly these pods owns their egress: the fix carries the patch form', () => {
    const doc = sample();
    cluster(doc, 'prod').networkPolicies = [
      {
        metadata: { name: 'api-egress', namespace: 'payments' },
        spec: {
          podSelector: { matchLabels: { app: 'api' } },
          policyTypes: ['Egress'],
          egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
        },
      },
    ];
    const fix = policyFixes(answer(doc, 'prod', 'payments/api'))[0]!;
    expect(fix.owner).toEqual({ policy: 'payments/api-egress', egressRules: 1 });
    expect(fix.render.kubectl).toContain('kubectl -n payments patch networkpolicy api-egress --type=json');
    expect(fix.render.kubectl).toContain('"path":"/spec/egress/-"');
  });

  it('a question without a workload answers per group and asks which pods when they differ', () => {
    const d = answer(sample(), 'prod', null);
    expect(d.verdict).toBe('uncertain');
    expect(step(d)?.status).toBe('warn');
    expect(step(d)?.summary).toContain('payments/api');
    expect(step(d)?.summary).toContain('name the workload');
    // Every group denied: unreachable, one fix per group.
    const doc = sample();
    cluster(doc, 'prod').workloads = [cluster(doc, 'prod').workloads[0]];
    const all = answer(doc, 'prod', null);
    expect(all.verdict).toBe('unreachable');
    expect(policyFixes(all)).toHaveLength(1);
  });
});

describe('rule defaults, as networking.k8s.io/v1 defines them (each pinned by a mutant of scripts/mutation.ts)', () => {
  /** The sample with payments/api's egress decided by `egress` alone (one policy selecting every payments pod). */
  function onlyPolicy(spec: Doc): Doc {
    const doc = sample();
    cluster(doc, 'prod').networkPolicies = [{ metadata: { name: 'only', namespace: 'payments' }, spec }];
    return doc;
  }
  /** The sample with one policy isolating every payments pod for egress, admitting what `rule` admits. */
  const egressRule = (rule: Doc) => onlyPolicy({ podSelector: {}, policyTypes: ['Egress'], egress: [rule] });
  const askApi = (doc: Doc, destination: string, protocol: 'tcp' | 'udp', port: number) =>
    step(ask(build(doc as TopologyInput).compiled, { workload: 'payments/api', destination, protocol, port }));

  it('a policy without policyTypes isolates for egress only when it has egress rules', () => {
    const ingressOnly = onlyPolicy({ podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] });
    expect(askApi(ingressOnly, '192.168.10.52', 'tcp', 3306)?.status).toBe('pass');
    const withEgress = onlyPolicy({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] });
    expect(askApi(withEgress, '192.168.10.52', 'tcp', 3306)?.status).toBe('fail');
  });

  it('an egress rule without `to` admits every destination on its ports', () => {
    const doc = egressRule({ ports: [{ protocol: 'TCP', port: 3306 }] });
    expect(askApi(doc, '192.168.10.52', 'tcp', 3306)?.status).toBe('pass');
    expect(askApi(doc, '10.1.2.3', 'tcp', 3306)?.status).toBe('pass');
    expect(askApi(doc, '192.168.10.52', 'tcp', 3307)?.status).toBe('fail');
  });

  it('an egress rule without `ports` admits every port to its peers', () => {
    const doc = egressRule({ to: [{ ipBlock: { cidr: '192.168.10.0/24' } }] });
    expect(askApi(doc, '192.168.10.52', 'tcp', 3306)?.status).toBe('pass');
    expect(askApi(doc, '192.168.10.52', 'udp', 5432)?.status).toBe('pass');
    expect(askApi(doc, '10.1.2.3', 'tcp', 3306)?.status).toBe('fail');
  });

  it('a port without a protocol is TCP only', () => {
    const doc = egressRule({ to: [{ ipBlock: { cidr: '192.168.10.0/24' } }], ports: [{ port: 3306 }] });
    expect(askApi(doc, '192.168.10.52', 'tcp', 3306)?.status).toBe('pass');
    expect(askApi(doc, '192.168.10.52', 'udp', 3306)?.status).toBe('fail');
  });

  it("a peer with a podSelector and no namespaceSelector selects pods of the policy's own namespace only", () => {
    const doc = sample();
    // allow-dns without its namespaceSelector: CoreDNS runs in kube-system, not in payments.
    const allowDns = cluster(doc, 'prod').networkPolicies[1];
    delete allowDns.spec.egress[0].to[0].namespaceSelector;
    const { compiled } = build(doc);
    const prod = compiled.clusters.get('prod')!;
    const result = dnsEgressCheck(prod, [workloadGroup(prod.workloads.get('payments/api')!)], 'db.example.internal');
    expect(result.steps[0]!.status).toBe('fail');
  });

  it('a SecurityGroup resource gives its groups to pods of its own namespace only', () => {
    const doc = sample();
    // payments-pods moved to the web namespace: payments/api falls back to the cluster's default pod group.
    cluster(doc, 'turbo').securityGroupResources[0].metadata.namespace = 'web';
    expect(status(answer(doc, 'turbo', 'payments/api'), 'source-egress')).toBe('fail');
  });
});

describe('DNS egress for host-name questions', () => {
  function dns(doc: Doc) {
    const { compiled } = build(doc);
    const prod = compiled.clusters.get('prod')!;
    return dnsEgressCheck(prod, [workloadGroup(prod.workloads.get('payments/api')!)], 'db.example.internal');
  }

  it('passes when a rule admits CoreDNS in kube-system', () => {
    const result = dns(sample());
    expect(result.steps[0]).toMatchObject({ check: 'network-policy', status: 'pass' });
    expect(result.steps[0]!.summary).toContain('payments/allow-dns');
  });

  it('fails without the DNS rule, and the fix admits UDP and TCP 53 to CoreDNS', () => {
    const doc = sample();
    cluster(doc, 'prod').networkPolicies.splice(1, 1);
    const result = dns(doc);
    expect(result.steps[0]!.status).toBe('fail');
    expect(result.steps[0]!.summary).toContain('db.example.internal');
    const fix = result.fixes[0]!.spec as NetworkPolicyFix;
    expect(fix.ports).toEqual([
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ]);
    const fixed = { ...build(doc).topology };
    const again = compileTopology(applyFixes(fixed, [fix]));
    const prod = again.clusters.get('prod')!;
    expect(dnsEgressCheck(prod, [workloadGroup(prod.workloads.get('payments/api')!)]).steps[0]!.status).toBe('pass');
  });
});

describe('Turbo (eni) pods', () => {
  it('100.125.0.0/16 is always allowed on Turbo, but a tunnel cluster can restrict it', () => {
    const doc = sample();
    cluster(doc, 'turbo').networkPolicies = cluster(doc, 'prod').networkPolicies.slice(0, 1);
    const turbo = answer(doc, 'turbo', 'payments/api', '100.125.1.1', 443);
    expect(step(turbo)?.status).toBe('pass');
    expect(step(turbo)?.summary).toContain('100.125.0.0/16');
    const tunnel = answer(doc, 'prod', 'payments/api', '100.125.1.1', 443);
    expect(step(tunnel)?.status).toBe('fail');
  });

  it('security groups: annotation > SecurityGroup resource > cluster default; additional ids add', () => {
    const doc = sample();
    // SecurityGroup resource: sg-payments-pods allows 3306 out.
    expect(answer(doc, 'turbo', 'payments/api').verdict).toBe('reachable');
    // Annotation: sg-turbo-pods replaces the resource's group, and allows only 443.
    const batch = answer(doc, 'turbo', 'payments/batch');
    expect(status(batch, 'source-egress')).toBe('fail');
    expect(batch.steps.find((s) => s.check === 'source-egress')?.summary).toContain('sg-turbo-pods');
    // The additional annotation adds a group to the annotated ones.
    const turbo = cluster(doc, 'turbo');
    turbo.workloads[1].podAnnotations['yangtse.io/additional-security-group-ids'] = 'sg-payments-pods';
    expect(answer(doc, 'turbo', 'payments/batch').verdict).toBe('reachable');
    // Without the resource, the cluster's default pod group decides.
    turbo.securityGroupResources = [];
    expect(status(answer(doc, 'turbo', 'payments/api'), 'source-egress')).toBe('fail');
  });

  it('several SecurityGroup resources selecting the same pods make the answer uncertain', () => {
    const doc = sample();
    const turbo = cluster(doc, 'turbo');
    turbo.securityGroupResources.push({
      metadata: { name: 'api-only', namespace: 'payments' },
      spec: { podSelector: { matchLabels: { app: 'api' } }, securityGroups: [{ id: 'sg-turbo-pods' }] },
    });
    const d = answer(doc, 'turbo', 'payments/api');
    expect(d.verdict).toBe('uncertain');
    expect(d.assumptions.join('\n')).toContain('several SecurityGroup resources');
  });
});

describe('hostNetwork pods', () => {
  it('skip NetworkPolicies and send as the node', () => {
    const doc = sample();
    cluster(doc, 'prod').networkPolicies.push({
      metadata: { name: 'deny-all', namespace: 'kube-system' },
      spec: { podSelector: {}, policyTypes: ['Egress'] },
    });
    const d = answer(doc, 'prod', 'kube-system/node-agent');
    expect(step(d)?.status).toBe('skip');
    expect(step(d)?.summary).toContain('hostNetwork');
    expect(d.verdict).toBe('reachable');
    expect(d.source.why).toContain('hostNetwork');
  });
});

describe('topologies without Kubernetes objects', () => {
  it('have no network-policy step and the answers they always had', () => {
    const { compiled } = build(seedSameVpc());
    const d = ask(compiled, { destination: '192.168.10.52' });
    expect(d.steps.some((s) => s.check === 'network-policy')).toBe(false);
  });
});

describe('label selectors', () => {
  const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'team'), fc.constantFrom('a', 'b', 'c'));
  it('matchLabels selects exactly the label sets that contain it', () => {
    fc.assert(
      fc.property(labels, labels, (selector, podLabels) => {
        const expected = Object.entries(selector).every(([k, v]) => podLabels[k] === v);
        expect(selectorMatches({ matchLabels: selector }, podLabels)).toBe(expected);
      }),
    );
  });
  it('matchExpressions In / NotIn / Exists / DoesNotExist', () => {
    const pod = { app: 'api', tier: 'backend' };
    const m = (operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist', key: string, values?: string[]) =>
      selectorMatches({ matchExpressions: [{ key, operator, values }] }, pod);
    expect(m('In', 'app', ['api', 'web'])).toBe(true);
    expect(m('In', 'app', ['web'])).toBe(false);
    expect(m('NotIn', 'app', ['web'])).toBe(true);
    expect(m('NotIn', 'missing', ['x'])).toBe(true);
    expect(m('Exists', 'tier')).toBe(true);
    expect(m('DoesNotExist', 'tier')).toBe(false);
  });
});

describe('fix verification over many policies', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const cidr = fc.tuple(fc.constantFrom(8, 16, 24, 28, 32), octet, octet).map(([bits, a, b]) => {
    const text = `192.168.${bits >= 24 ? 10 : a}.${bits === 32 ? b : 0}`;
    const parts = text.split('.').map(Number);
    const mask = bits === 8 ? [192, 0, 0, 0] : bits === 16 ? [192, 168, 0, 0] : parts;
    const last = bits === 28 ? parts[3]! & 0xf0 : mask[3];
    return `${mask[0]}.${mask[1]}.${mask[2]}.${last}/${bits}`;
  });
  const port = fc.record(
    {
      protocol: fc.constantFrom('TCP', 'UDP'),
      port: fc.constantFrom(53, 443, 3306, 3307),
    },
    { requiredKeys: ['port'] },
  );
  const rule = fc.record(
    {
      to: fc.array(fc.record({ ipBlock: fc.record({ cidr }) }), { maxLength: 2 }),
      ports: fc.array(port, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );
  const policy = fc.record({
    selector: fc.constantFrom({}, { matchLabels: { app: 'api' } }, { matchLabels: { app: 'other' } }),
    egress: fc.array(rule, { maxLength: 3 }),
  });

  it('whenever the step fails, applying its fixes makes the answer reachable', () => {
    let failing = 0;
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 4 }), fc.constantFrom(3306, 443), (policies, asked) => {
        const doc = sample();
        cluster(doc, 'prod').networkPolicies = policies.map((p, i) => ({
          metadata: { name: `p${i}`, namespace: 'payments' },
          spec: { podSelector: p.selector, policyTypes: ['Egress'], egress: p.egress },
        }));
        const d = answer(doc, 'prod', 'payments/api', '192.168.10.52', asked);
        if (step(d)?.status !== 'fail') return;
        failing++;
        expect(policyFixes(d).length).toBeGreaterThan(0);
        const { topology } = build(doc);
        const fixed = compileTopology(applyFixes(topology, d.fixes));
        const again = ask(fixed, {
          cluster: 'prod',
          workload: 'payments/api',
          destination: '192.168.10.52',
          protocol: 'tcp',
          port: asked,
        });
        expect(step(again)?.status).toBe('pass');
        expect(again.verdict).toBe('reachable');
      }),
      { numRuns: 150 },
    );
    // Not vacuous: many generated policy sets deny the flow.
    expect(failing).toBeGreaterThan(10);
  });
});

describe('host-name questions check DNS egress end to end', () => {
  function byName(withDnsRule: boolean) {
    const doc = sample();
    doc.resources[0].domainNames = ['mysql-main.payments.internal'];
    if (!withDnsRule) cluster(doc, 'prod').networkPolicies.splice(1, 1);
    // Let the API rule admit the database, so only DNS can fail.
    cluster(doc, 'prod').networkPolicies.push({
      metadata: { name: 'allow-mysql', namespace: 'payments' },
      spec: {
        podSelector: { matchLabels: { app: 'api' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '192.168.10.52/32' } }], ports: [{ port: 3306 }] }],
      },
    });
    return answer(doc, 'prod', 'payments/api', 'mysql-main.payments.internal');
  }

  it('a missing DNS rule fails the DNS network-policy step, with a fix for UDP and TCP 53', () => {
    const d = byName(false);
    const steps = d.steps.filter((s) => s.check === 'network-policy');
    expect(steps.map((s) => s.status)).toEqual(['pass', 'fail']);
    expect(steps[1]!.summary).toContain('mysql-main.payments.internal');
    expect(d.verdict).toBe('unreachable');
    expect(policyFixes(d).some((f) => f.ports.some((p) => p.port === 53))).toBe(true);
    expect(d.assumptions.join('\n')).not.toContain('still fails');
  });

  it('with the DNS rule both steps pass', () => {
    const d = byName(true);
    expect(d.steps.filter((s) => s.check === 'network-policy').map((s) => s.status)).toEqual(['pass', 'pass']);
    expect(d.verdict).toBe('reachable');
  });
});
