// IPv6 internet questions (issue 12 item 16): the internet sees an IPv6 source, never an IPv4 EIP; a cluster that
// lists nodes is never said to list none; no step prints an empty subnet list; the verdict is uncertain where
// docs/ENGINE.md says IPv6 internet egress is not modelled.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../src/engine/diagnosis.js';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';

function v6Topology(model: 'overlay_l2' | 'vpc-router' | 'eni', withIpv6: boolean) {
  const input = seedSameVpc(model);
  const vpc = input.vpcs![0]!;
  input.vpcs = [
    {
      ...vpc,
      subnets: vpc.subnets!.map((s, i) => ({
        ...s,
        ...(withIpv6 ? { ipv6Cidr: `2407:c080:1200:${10 + i}::/64` } : {}),
      })),
    },
  ];
  input.clusters = [{ ...input.clusters![0]!, nodes: [{ name: 'n1', ip: '192.168.10.11', eip: '203.0.113.9' }] }];
  input.securityGroups = input.securityGroups!.map((g) => ({
    ...g,
    rules: [...(g.rules ?? []), { direction: 'egress' as const, ethertype: 'IPv6' as const }],
  }));
  return build(input).compiled;
}

function text(d: Diagnosis): string {
  return [...d.steps.map((s) => s.summary), d.source.why, ...d.assumptions].join('\n');
}

describe('IPv6 internet questions', () => {
  for (const model of ['overlay_l2', 'eni'] as const) {
    it(`${model}: the internet sees IPv6 source addresses and the verdict is uncertain`, () => {
      const d = ask(v6Topology(model, true), { destination: '2001:4860::8888', protocol: 'tcp', port: 443 });
      expect(d.source.seenAs.length).toBeGreaterThan(0);
      for (const seen of d.source.seenAs) expect(seen).toContain(':');
      expect(text(d)).not.toContain('203.0.113.9');
      expect(d.verdict).toBe('uncertain');
      expect(status(d, 'internet-egress')).toBe('warn');
      expect(text(d)).not.toContain('lists no nodes');
      expect(text(d)).not.toMatch(/\(\)/);
    });

    it(`${model}: without IPv6 subnets there is no source, said with the subnets named`, () => {
      const d = ask(v6Topology(model, false), { destination: '2001:4860::8888', protocol: 'tcp', port: 443 });
      expect(d.verdict).toBe('unreachable');
      expect(status(d, 'source-address')).toBe('fail');
      expect(d.source.seenAs).toEqual([]);
      expect(d.source.why).toMatch(/has an IPv6 CIDR/);
      expect(text(d)).not.toContain('203.0.113.9');
      expect(text(d)).not.toMatch(/\(\)/);
    });
  }

  it('vpc-router: no IPv6 source, never the IPv4 EIP, never an empty subnet list', () => {
    const d = ask(v6Topology('vpc-router', true), { destination: '2001:4860::8888', protocol: 'tcp', port: 443 });
    expect(status(d, 'source-address')).toBe('fail');
    expect(d.source.seenAs).toEqual([]);
    expect(text(d)).not.toContain('203.0.113.9');
    expect(text(d)).not.toContain('lists no nodes');
    expect(text(d)).not.toMatch(/\(\)/);
  });

  it('an IPv4 internet question still reports the node EIP', () => {
    const d = ask(v6Topology('overlay_l2', true), { destination: '8.8.8.8', protocol: 'tcp', port: 443 });
    expect(d.source.seenAs).toEqual(['203.0.113.9']);
  });
});
