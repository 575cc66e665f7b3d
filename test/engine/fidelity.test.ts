// Fidelity gaps: shared route tables of VPC-network clusters, and special-purpose address ranges named for what
// they are.
import { describe, expect, it } from 'vitest';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';

describe('two VPC-network clusters in one VPC', () => {
  function withSecondCluster(containerCidr: string) {
    const input = seedSameVpc('vpc-router');
    const first = input.clusters?.[0];
    if (!first) throw new Error('seed has a cluster');
    input.clusters = [
      ...(input.clusters ?? []),
      { ...first, name: 'batch', nodes: [], containerCidrs: [containerCidr] },
    ];
    return build(input).compiled;
  }

  it('overlapping container CIDRs fail at planning with a replan (they share the VPC route table)', () => {
    const d = ask(withSecondCluster('172.16.128.0/17'), { destination: '192.168.10.52', protocol: 'tcp', port: 22 });
    expect(status(d, 'planning')).toBe('fail');
    const planning = d.steps.find((s) => s.check === 'planning');
    expect(planning?.summary).toContain('batch');
    expect(planning?.summary).toContain('172.16.128.0/17');
    expect(d.fixes.some((f) => f.kind === 'replan')).toBe(true);
    expect(d.verdict).toBe('unreachable');
  });

  it('disjoint container CIDRs do not', () => {
    const d = ask(withSecondCluster('172.17.0.0/16'), { destination: '192.168.10.52', protocol: 'tcp', port: 22 });
    expect(status(d, 'planning')).not.toBe('fail');
  });
});

describe('special-purpose destination ranges', () => {
  const { compiled } = build(seedSameVpc('vpc-router'));
  const summary = (destination: string) =>
    ask(compiled, { destination, protocol: 'tcp', port: 443 }).steps.find((s) => s.check === 'destination')?.summary ??
    '';

  it.each([
    ['192.0.2.10', 'TEST-NET-1'],
    ['198.51.100.20', 'TEST-NET-2'],
    ['203.0.113.30', 'TEST-NET-3'],
  ])('%s (%s) is answered as a public internet address, and named', (address, name) => {
    const d = ask(compiled, { destination: address, protocol: 'tcp', port: 443 });
    expect(d.destination.kind).toBe('internet');
    expect(summary(address)).toContain(name);
    expect(summary(address)).not.toMatch(/private/);
  });

  it.each([
    ['198.18.0.9', 'benchmark'],
    ['240.0.0.1', 'reserved for future use'],
  ])('%s is named (%s), never called private', (address, words) => {
    expect(summary(address)).toContain(words);
    expect(summary(address)).toContain('not a private address');
  });

  it('a real private address is still called private', () => {
    expect(summary('10.99.0.1')).toContain('private address');
  });
});
