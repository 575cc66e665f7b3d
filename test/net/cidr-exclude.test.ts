import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, mustCidr, overlaps } from '../../src/net/address.js';
import { excludeCidr } from '../../src/net/cidr-exclude.js';
import { ask, build, seedSameVpc } from '../fixtures/engine/builder.js';

describe('excludeCidr', () => {
  it('splits the default list around a /24', () => {
    const list = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(mustCidr);
    const out = excludeCidr(list, mustCidr('192.168.10.0/24')).map((c) => c.text);
    expect(out).toEqual([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/21',
      '192.168.8.0/23',
      '192.168.11.0/24',
      '192.168.12.0/22',
      '192.168.16.0/20',
      '192.168.32.0/19',
      '192.168.64.0/18',
      '192.168.128.0/17',
    ]);
  });

  it('covers exactly the entry minus the hole (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 16 }),
        fc.integer({ min: 17, max: 30 }),
        fc.nat(),
        (outerBits, holeBits, n) => {
          const outer = mustCidr(`10.0.0.0/${outerBits}`);
          const offset = BigInt(n) % (outer.end - outer.start + 1n);
          const holeStart = ((outer.start + offset) >> BigInt(32 - holeBits)) << BigInt(32 - holeBits);
          const ip = [24, 16, 8, 0].map((s) => Number((holeStart >> BigInt(s)) & 255n)).join('.');
          const hole = mustCidr(`${ip}/${holeBits}`);
          const pieces = excludeCidr([outer], hole);
          const total = pieces.reduce((sum, p) => sum + (p.end - p.start + 1n), 0n);
          expect(total).toBe(outer.end - outer.start + 1n - (hole.end - hole.start + 1n));
          for (const p of pieces) {
            expect(overlaps(p, hole)).toBe(false);
            expect(contains(outer, p)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the nonMasqueradeCIDRs alternative', () => {
  it('gives the resulting list and where to set it on CCE', () => {
    const input = seedSameVpc('vpc-router');
    const ecs = input.securityGroups?.find((g) => g.id === 'sg-ecs');
    if (ecs) ecs.rules = [{ direction: 'ingress', remote: { securityGroup: 'sg-node' } }];
    const d = ask(build(input).compiled, { destination: '192.168.10.52', protocol: 'tcp', port: 22 });
    const alternative = d.fixes.find((f) => f.alternative && f.render.text.includes('nonMasqueradeCIDRs'));
    expect(alternative?.render.text).toContain('192.168.11.0/24');
    expect(alternative?.render.text).toContain('192.168.0.0/21');
    expect(alternative?.render.text).toContain('Settings > Network');
    expect(alternative?.render.text).toContain('nodepools/master/configuration');
  });
});
