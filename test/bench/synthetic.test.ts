import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACL_SUBNET_SHARE,
  BENCH_SIZES,
  type BenchSize,
  generateQuestions,
  generateTopology,
  SIZE_SPECS,
} from '../../bench/synthetic.js';
import { mustCidr, overlaps, parseIp } from '../../src/net/address.js';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';

const cache = new Map<BenchSize, Topology>();
const topologyOf = (size: BenchSize) => {
  if (!cache.has(size)) cache.set(size, generateTopology(size, 1));
  return cache.get(size)!;
};

describe('generateTopology', () => {
  it.each(BENCH_SIZES)('%s validates, already in canonical form', (size) => {
    const topology = topologyOf(size);
    // A copy, so the comparison below is not of an object with itself. JSON, because the generator makes plain
    // data: structuredClone took three times as long on the large size (0.75 s).
    const result = validateTopology(JSON.parse(JSON.stringify(topology)));
    if (!result.ok) expect(result.issues.slice(0, 5)).toEqual([]);
    expect(result.ok && result.topology).toEqual(topology);
  });

  it.each(BENCH_SIZES)('%s is identical for the same seed', (size) => {
    expect(JSON.stringify(generateTopology(size, 1))).toBe(JSON.stringify(topologyOf(size)));
  });

  // Every size is the same code with other counts: a second seed of the large one would only take another 0.6 s.
  it.each(['small', 'medium'] as const)('%s differs for another seed', (size) => {
    expect(JSON.stringify(generateTopology(size, 2))).not.toBe(JSON.stringify(topologyOf(size)));
  });

  it.each(BENCH_SIZES)('%s has the counts of its size', (size) => {
    const spec = SIZE_SPECS[size];
    const t = topologyOf(size);
    expect(t.vpcs).toHaveLength(spec.vpcs);
    expect(t.peerings).toHaveLength(spec.peerings);
    expect(t.clusters).toHaveLength(spec.clusters);
    expect(t.resources).toHaveLength(spec.resources);
    expect(t.securityGroups).toHaveLength(spec.securityGroups);
    for (const group of t.securityGroups ?? []) expect(group.rules).toHaveLength(spec.rulesPerGroup);
    const subnets = (t.vpcs ?? []).flatMap((v) => v.subnets ?? []);
    expect(subnets.filter((s) => s.networkAcl)).toHaveLength(Math.round(subnets.length * ACL_SUBNET_SHARE));
    const models = new Set((t.clusters ?? []).map((c) => c.networkModel));
    expect([...models].sort()).toEqual(['eni', 'overlay_l2', 'vpc-router']);
  });

  it('matches the brief: medium 20/200x20/1,000 and large 200/2,000x50/20,000/100 VPCs/300 peerings', () => {
    expect(SIZE_SPECS.medium).toMatchObject({ clusters: 20, securityGroups: 200, rulesPerGroup: 20, resources: 1000 });
    expect(SIZE_SPECS.large).toMatchObject({
      clusters: 200,
      securityGroups: 2000,
      rulesPerGroup: 50,
      resources: 20000,
      vpcs: 100,
      peerings: 300,
    });
    expect((topologyOf('small').clusters ?? []).map((c) => c.networkModel).sort()).toEqual([
      'eni',
      'overlay_l2',
      'vpc-router',
    ]);
  });

  it.each(BENCH_SIZES)('%s keeps container CIDRs outside every VPC and peered VPCs disjoint', (size) => {
    const t = topologyOf(size);
    const vpcBlocks = new Map((t.vpcs ?? []).map((v) => [v.id, [v.cidr, ...(v.secondaryCidrs ?? [])].map(mustCidr)]));
    const allBlocks = [...vpcBlocks.values()].flat();
    for (const cluster of t.clusters ?? []) {
      for (const block of (cluster.containerCidrs ?? []).map(mustCidr)) {
        expect(allBlocks.filter((b) => overlaps(b, block))).toEqual([]);
      }
    }
    const containerBlocks = (t.clusters ?? []).flatMap((c) => (c.containerCidrs ?? []).map(mustCidr));
    containerBlocks.forEach((block, i) => {
      expect(containerBlocks.slice(0, i).filter((b) => overlaps(b, block))).toEqual([]);
    });
    for (const p of t.peerings ?? []) {
      const a = vpcBlocks.get(p.requesterVpc)!;
      const b = vpcBlocks.get(p.accepterVpc)!;
      expect(a.some((x) => b.some((y) => overlaps(x, y)))).toBe(false);
    }
  });

  it('mixes rule shapes: CIDR, remote group and address group remotes, deny, port lists, ICMP, IPv6', () => {
    const rules = (topologyOf('medium').securityGroups ?? []).flatMap((g) => g.rules ?? []);
    const has = (predicate: (r: (typeof rules)[number]) => boolean) => rules.some(predicate);
    expect(has((r) => typeof r.remote === 'string')).toBe(true);
    expect(has((r) => typeof r.remote === 'object' && 'securityGroup' in r.remote)).toBe(true);
    expect(has((r) => typeof r.remote === 'object' && 'addressGroup' in r.remote)).toBe(true);
    expect(has((r) => r.action === 'deny')).toBe(true);
    expect(has((r) => r.direction === 'egress' && r.action === 'deny')).toBe(true);
    expect(has((r) => (r.ports ?? '').includes(','))).toBe(true);
    expect(has((r) => (r.ports ?? '').includes('-'))).toBe(true);
    expect(has((r) => r.protocol === 'icmp')).toBe(true);
    expect(has((r) => r.protocol === 'udp')).toBe(true);
    expect(has((r) => r.ethertype === 'IPv6')).toBe(true);
    expect(has((r) => typeof r.protocol === 'number')).toBe(true);
    expect(has((r) => (r.priority ?? 1) > 1)).toBe(true);
  });

  it('validates for any seed (small size)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const result = validateTopology(generateTopology('small', seed));
        return result.ok;
      }),
      { numRuns: 30 },
    );
  });
});

describe('generateQuestions', () => {
  it('is deterministic by seed and returns the count asked for', () => {
    const t = topologyOf('medium');
    const a = generateQuestions(t, 300, 9);
    expect(a).toHaveLength(300);
    expect(generateQuestions(t, 300, 9)).toEqual(a);
    expect(generateQuestions(t, 300, 10)).not.toEqual(a);
  });

  it('spreads questions evenly over the three network models', () => {
    const questions = generateQuestions(topologyOf('medium'), 300, 1);
    for (const model of ['overlay_l2', 'vpc-router', 'eni'] as const) {
      expect(questions.filter((q) => q.model === model)).toHaveLength(100);
    }
  });

  it('names existing clusters, workloads and resources, or valid addresses', () => {
    const t = topologyOf('medium');
    const clusters = new Map((t.clusters ?? []).map((c) => [c.name, c]));
    const resources = new Set((t.resources ?? []).map((r) => r.name));
    for (const q of generateQuestions(t, 500, 3)) {
      const cluster = clusters.get(q.cluster);
      expect(cluster?.networkModel).toBe(q.model);
      if (q.workload) expect(cluster?.workloads?.map((w) => w.name)).toContain(q.workload);
      expect(resources.has(q.destination) || parseIp(q.destination) !== null).toBe(true);
      if (q.port !== undefined) expect(q.protocol === 'tcp' || q.protocol === 'udp').toBe(true);
      expect(q.text).toContain(q.cluster);
      expect(q.text).toContain(q.destination);
    }
  });

  it('covers same-VPC, peered, unpeered, ping, no-port, internet and workload questions', () => {
    const kinds = new Set(generateQuestions(topologyOf('large'), 2000, 1).map((q) => q.kind));
    expect([...kinds].sort()).toEqual(
      [
        'internet',
        'node',
        'peered-vpc',
        'ping',
        'same-vpc-address',
        'same-vpc-declared-ports',
        'same-vpc-port',
        'udp',
        'undeclared-port',
        'unpeered-vpc',
        'workload',
      ].sort(),
    );
  });
});
