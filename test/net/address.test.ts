// Address arithmetic: strict parsing of addresses, CIDRs and address-group ranges, and containment and
// overlap, which every security-group, ACL and route decision rests on.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import {
  type AddressRange,
  addressText,
  cidrText,
  contains,
  isPublic,
  memoizedCidrParser,
  mustCidr,
  overlaps,
  parseAddressEntry,
  parseCidr,
  parseIp,
  rangeOf,
  size,
} from '../../src/net/address.js';

describe('parseIp', () => {
  it('reads four-part decimal IPv4 as a /32 with its numeric value', () => {
    const ip = parseIp('192.168.10.52');
    expect(ip).toEqual({ family: 4, start: 0xc0a80a34n, end: 0xc0a80a34n, bits: 32, text: '192.168.10.52' });
    expect(parseIp('0.0.0.0')?.start).toBe(0n);
    expect(parseIp('255.255.255.255')?.start).toBe(0xffffffffn);
  });

  it.each([
    ['10.1', 'two parts'],
    ['1.2.3', 'three parts'],
    ['1.2.3.4.5', 'five parts'],
    ['010.1.1.1', 'a leading zero (octal in some parsers)'],
    ['1.2.3.256', 'an octet above 255'],
    ['0x0a000001', 'hex'],
    ['0xa.0.0.1', 'hex octet'],
    ['167772161', 'a bare integer'],
    ['1.2.3.-4', 'a negative octet'],
    ['', 'empty'],
    ['prod', 'a word'],
    ['1.2.3.4/32', 'a CIDR'],
    ['1::2::3', 'two ::'],
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
    ['fe80::1%eth0', 'a zone index'],
    ['12345::1', 'a group of five digits'],
  ])('rejects %j (%s)', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('canonicalizes IPv6 forms to lower-case RFC 5952 text', () => {
    expect(parseIp('2001:DB8:0:0:0:0:0:1')?.text).toBe('2001:db8::1');
    expect(parseIp('2001:0db8::0001')?.text).toBe('2001:db8::1');
    expect(parseIp('::')?.text).toBe('::');
    expect(parseIp('0:0:0:0:0:0:0:1')).toMatchObject({ family: 6, start: 1n, end: 1n, bits: 128, text: '::1' });
    expect(parseIp('2407:c080:1200:10:0:0:0:0')?.text).toBe('2407:c080:1200:10::');
  });

  it('gives the same value for every spelling of an IPv6 address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const parsed = parseIp(text);
        if (!parsed) return false;
        const again = parseIp(parsed.text);
        return again?.start === parsed.start && again.text === parsed.text && parsed.family === 6;
      }),
    );
  });

  it('ignores surrounding whitespace', () => {
    expect(parseIp(' 10.0.0.1\n')?.text).toBe('10.0.0.1');
    expect(parseIp('  ::1 ')?.text).toBe('::1');
  });
});

describe('parseCidr', () => {
  it('reads a network and its prefix as a range', () => {
    const parsed = parseCidr('192.168.10.0/24');
    expect(parsed).toEqual({
      ok: true,
      cidr: { family: 4, start: 0xc0a80a00n, end: 0xc0a80affn, bits: 24, text: '192.168.10.0/24' },
    });
    expect(mustCidr('0.0.0.0/0')).toMatchObject({ start: 0n, end: 0xffffffffn, bits: 0 });
  });

  it('rejects host bits with a message that suggests the network and the single address', () => {
    const parsed = parseCidr('192.168.10.5/24');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('host bits');
    expect(parsed.message).toContain('192.168.10.0/24');
    expect(parsed.message).toContain('192.168.10.5/32');

    const v6 = parseCidr('2001:db8::1/32');
    expect(v6.ok).toBe(false);
    if (v6.ok) return;
    expect(v6.message).toContain('2001:db8::/32');
    expect(v6.message).toContain('2001:db8::1/128');
  });

  it.each([
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0.0/',
    '/8',
    '10.0.0.0/8/8',
    '10.0.0.0/-1',
    '10.0.0.0/ 8',
    '10.1/16',
    'prod/16',
    '',
  ])('rejects %j as "not a CIDR"', (text) => {
    expect(parseCidr(text)).toMatchObject({ ok: false, message: `"${text}" is not a CIDR` });
  });

  it('reads a bare address as /32 or /128, unless bare addresses are not allowed', () => {
    expect(parseCidr('10.0.0.1')).toMatchObject({ ok: true, cidr: { bits: 32, text: '10.0.0.1/32' } });
    expect(parseCidr('2001:db8::1')).toMatchObject({ ok: true, cidr: { bits: 128, text: '2001:db8::1/128' } });
    expect(parseCidr('10.0.0.1', false)).toMatchObject({ ok: false, message: '"10.0.0.1" is not a CIDR' });
  });

  it('reads IPv6 CIDRs and canonicalizes their text', () => {
    const parsed = parseCidr('2407:C080:1200:0010::/64');
    expect(parsed).toMatchObject({ ok: true, cidr: { family: 6, bits: 64, text: '2407:c080:1200:10::/64' } });
    if (!parsed.ok) return;
    expect(size(parsed.cidr)).toBe(1n << 64n);
    expect(mustCidr('::/0')).toMatchObject({ start: 0n, end: (1n << 128n) - 1n });
  });

  it('accepts exactly the networks ipaddr.js computes, with the same bounds', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, bits) => {
        const network = ipaddr.IPv4.networkAddressFromCIDR(`${ip}/${bits}`).toString();
        const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(`${ip}/${bits}`).toString();
        const parsed = parseCidr(`${network}/${bits}`);
        if (!parsed.ok) return false;
        const hostBitsSet = network !== ip;
        return (
          parsed.cidr.text === `${network}/${bits}` &&
          addressText(4, parsed.cidr.end) === broadcast &&
          parseCidr(`${ip}/${bits}`).ok === !hostBitsSet
        );
      }),
    );
  });

  it('mustCidr throws the parse message', () => {
    expect(() => mustCidr('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not a CIDR');
  });

  it('memoizedCidrParser parses as mustCidr, once per distinct text, and each parser has its own memory', () => {
    const parse = memoizedCidrParser();
    const first = parse('10.1.0.0/16');
    expect(first).toEqual(mustCidr('10.1.0.0/16'));
    expect(parse('10.1.0.0/16')).toBe(first);
    expect(parse('10.2.0.0/16')).not.toBe(first);
    expect(memoizedCidrParser()('10.1.0.0/16')).not.toBe(first);
    expect(() => parse('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not a CIDR');
  });
});

describe('parseAddressEntry', () => {
  it('reads an ascending range of one family', () => {
    const parsed = parseAddressEntry('192.168.3.20-192.168.3.100');
    expect(parsed).toEqual({
      ok: true,
      range: { family: 4, start: 0xc0a80314n, end: 0xc0a80364n, text: '192.168.3.20-192.168.3.100' },
    });
    expect(parseAddressEntry('::1-::5')).toMatchObject({ ok: true, range: { family: 6, start: 1n, end: 5n } });
    expect(parseAddressEntry('10.0.0.7-10.0.0.7')).toMatchObject({ ok: true, range: { start: 0x0a000007n } });
  });

  it.each([
    ['192.168.3.100-192.168.3.20', 'reversed'],
    ['10.0.0.1-::1', 'mixed families'],
    ['10.0.0.1-', 'no last address'],
    ['10.0.0.1-10.0.0', 'a truncated last address'],
  ])('rejects %j (%s)', (text) => {
    const parsed = parseAddressEntry(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain(`"${text}" is not an address range`);
  });

  it('reads CIDRs and single addresses like parseCidr', () => {
    expect(parseAddressEntry('172.16.0.0/16')).toMatchObject({ ok: true, range: { bits: 16, text: '172.16.0.0/16' } });
    expect(parseAddressEntry('192.168.3.2')).toMatchObject({ ok: true, range: { bits: 32 } });
    expect(parseAddressEntry('172.16.0.1/16').ok).toBe(false);
  });
});

// Generated CIDRs within a small space, so that containment and overlap are frequent, not rare.
const v4Cidr = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 14, max: 32 }))
  .map(([b, c, bits]) => `${ipaddr.IPv4.networkAddressFromCIDR(`10.${b}.${c}.${(c * 7) % 256}/${bits}`)}/${bits}`);
const v6Cidr = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 28, max: 128 }))
  .map(([a, b, bits]) => {
    const address = `2001:db8:${a}:${b.toString(16)}::${((b * 31) % 0xffff).toString(16)}`;
    return `${ipaddr.IPv6.networkAddressFromCIDR(`${address}/${bits}`)}/${bits}`;
  });
const anyCidr = fc.oneof(v4Cidr, v6Cidr);

/** ipaddr.js's answer to "does `outer` contain every address of `inner`?" for two CIDRs. */
function ipaddrContains(outer: string, inner: string): boolean {
  const [outerNet, outerBits] = ipaddr.parseCIDR(outer);
  const [innerNet, innerBits] = ipaddr.parseCIDR(inner);
  if (outerNet.kind() !== innerNet.kind()) return false;
  return innerBits >= outerBits && innerNet.match(outerNet, outerBits);
}

describe('contains and overlaps', () => {
  it('contains agrees with ipaddr.js match for addresses and CIDRs', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (outer, inner) => {
        return contains(mustCidr(outer), mustCidr(inner)) === ipaddrContains(outer, inner);
      }),
      { numRuns: 2000 },
    );
  });

  it('an address is contained exactly when ipaddr.js matches it', () => {
    fc.assert(
      fc.property(v4Cidr, fc.ipV4(), (cidr, ip) => {
        const address = parseIp(ip)!;
        return contains(mustCidr(cidr), address) === ipaddr.IPv4.parse(ip).match(ipaddr.IPv4.parseCIDR(cidr));
      }),
    );
  });

  it('two CIDRs overlap exactly when one contains the other (ipaddr.js)', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        const expected = ipaddrContains(a, b) || ipaddrContains(b, a);
        return overlaps(mustCidr(a), mustCidr(b)) === expected && overlaps(mustCidr(b), mustCidr(a)) === expected;
      }),
      { numRuns: 2000 },
    );
  });

  it('is false across families, even for numerically equal ranges', () => {
    const v4all = mustCidr('0.0.0.0/0');
    const v6low = mustCidr('::/96');
    expect(contains(v6low, v4all)).toBe(false);
    expect(overlaps(v4all, v6low)).toBe(false);
    fc.assert(
      fc.property(v4Cidr, v6Cidr, (a, b) => !overlaps(mustCidr(a), mustCidr(b)) && !contains(mustCidr(b), mustCidr(a))),
    );
  });

  it('handles address-group ranges that are not CIDRs', () => {
    const range = (parseAddressEntry('192.168.3.20-192.168.3.100') as { ok: true; range: AddressRange }).range;
    expect(contains(range, parseIp('192.168.3.20')!)).toBe(true);
    expect(contains(range, parseIp('192.168.3.100')!)).toBe(true);
    expect(contains(range, parseIp('192.168.3.101')!)).toBe(false);
    expect(contains(range, mustCidr('192.168.3.32/28'))).toBe(true);
    expect(contains(range, mustCidr('192.168.3.96/28'))).toBe(false);
    expect(overlaps(range, mustCidr('192.168.3.96/28'))).toBe(true);
    expect(overlaps(range, mustCidr('192.168.3.0/28'))).toBe(false);
  });
});

describe('formatting helpers', () => {
  it('cidrText, rangeOf and addressText write canonical text', () => {
    expect(cidrText(4, 0x0a010000n, 16)).toBe('10.1.0.0/16');
    expect(cidrText(6, 0x20010db8n << 96n, 32)).toBe('2001:db8::/32');
    expect(rangeOf(4, 1n, 2n)).toEqual({ family: 4, start: 1n, end: 2n, text: '0.0.0.1-0.0.0.2' });
    expect(addressText(6, 1n)).toBe('::1');
  });

  it('addressText writes any IPv4 address as ipaddr.js does, the top and bottom ones included (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat({ max: 0xffffffff }), fc.constantFrom(0, 0xffffffff, 0x80000000)), (n) => {
        expect(addressText(4, BigInt(n))).toBe(
          ipaddr.fromByteArray([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('size counts addresses', () => {
    expect(size(mustCidr('10.0.0.0/24'))).toBe(256n);
    expect(size(parseIp('10.0.0.1')!)).toBe(1n);
  });

  it('isPublic tells internet unicast from private and documentation space', () => {
    expect(isPublic(parseIp('8.8.8.8')!)).toBe(true);
    expect(isPublic(parseIp('192.168.10.52')!)).toBe(false);
    expect(isPublic(parseIp('172.16.0.1')!)).toBe(false);
    expect(isPublic(parseIp('100.64.0.1')!)).toBe(false);
    expect(isPublic(parseIp('2407:c080::1')!)).toBe(true);
    expect(isPublic(parseIp('fd00::1')!)).toBe(false);
  });
});
