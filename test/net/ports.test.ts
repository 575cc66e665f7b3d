// Huawei multiport strings ("22,3306,8000-8080") and the protocol numbers rules compare.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePortList, portListIncludes, protocolNumber } from '../../src/net/ports.js';

describe('parsePortList', () => {
  it('reads single ports, ranges and lists of both', () => {
    expect(parsePortList('3306')).toEqual({ ok: true, ranges: [[3306, 3306]] });
    expect(parsePortList('3300-3310')).toEqual({ ok: true, ranges: [[3300, 3310]] });
    expect(parsePortList('22,3306,8000-8080')).toEqual({
      ok: true,
      ranges: [
        [22, 22],
        [3306, 3306],
        [8000, 8080],
      ],
    });
    expect(parsePortList('1-65535')).toEqual({ ok: true, ranges: [[1, 65535]] });
  });

  it('tolerates spaces around parts and dashes', () => {
    expect(parsePortList(' 22 , 80 ')).toEqual({
      ok: true,
      ranges: [
        [22, 22],
        [80, 80],
      ],
    });
    expect(parsePortList('8000 - 8080')).toEqual({ ok: true, ranges: [[8000, 8080]] });
  });

  it.each(['0', '65536', '0-80', '80-65536', '80-22'])('rejects %j as out of range or not ascending', (text) => {
    const parsed = parsePortList(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(/outside 1-65535 or not ascending/);
  });

  it.each(['', ',', '22,,80', '22-', '-22', 'ssh', '22:80', '1e3', '0x50', '123456', '3306 3307'])(
    'rejects %j as not a port list',
    (text) => {
      const parsed = parsePortList(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.message).toContain(`"${text}" is not a port list`);
    },
  );

  it('honours a custom minimum (ICMP types start at 0)', () => {
    expect(parsePortList('0', 0, 255)).toEqual({ ok: true, ranges: [[0, 0]] });
    expect(parsePortList('256', 0, 255).ok).toBe(false);
  });

  it('round-trips any list of ascending ranges', () => {
    const range = fc
      .tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 6 }), (ranges) => {
        const text = ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
        const parsed = parsePortList(text);
        return parsed.ok && JSON.stringify(parsed.ranges) === JSON.stringify(ranges);
      }),
    );
  });
});

describe('portListIncludes', () => {
  const list = (text: string) => {
    const parsed = parsePortList(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.ranges;
  };

  it('includes every port of its ranges, bounds included, and nothing else', () => {
    const ranges = list('22,3306,8000-8080');
    expect([22, 3306, 8000, 8040, 8080].map((p) => portListIncludes(ranges, p))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([21, 23, 3305, 7999, 8081, 1].map((p) => portListIncludes(ranges, p))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('treats an absent list as all ports', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 65535 }), (port) => portListIncludes(undefined, port)));
  });

  it('agrees with a plain interval test on generated lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 20 })), { minLength: 1 }),
        fc.integer({ min: 0, max: 130 }),
        (parts, port) => {
          const text = parts.map(([lo, width]) => `${lo}-${lo + width}`).join(',');
          const expected = parts.some(([lo, width]) => port >= lo && port <= lo + width);
          return portListIncludes(list(text), port) === expected;
        },
      ),
    );
  });
});

describe('protocolNumber', () => {
  it('maps names to IANA numbers, passes numbers through, and has none for any', () => {
    expect(protocolNumber('icmp')).toBe(1);
    expect(protocolNumber('tcp')).toBe(6);
    expect(protocolNumber('udp')).toBe(17);
    expect(protocolNumber('icmpv6')).toBe(58);
    expect(protocolNumber(47)).toBe(47);
    expect(protocolNumber('any')).toBeNull();
  });
});
