// The dotted-quad fast path of parseIp (src/net/address.ts, added for benchmark issue #6) must give exactly
// what the ipaddr.js path gives, for valid and invalid text alike.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { parseIp } from '../../src/net/address.js';

/** parseIp as it was before the fast path: ipaddr.js for every IPv4 text. */
function referenceIpv4(text: string): { start: bigint; text: string } | null {
  const trimmed = text.trim();
  if (!ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return null;
  const value = ipaddr.IPv4.parse(trimmed).octets.reduce((acc, octet) => (acc << 8n) | BigInt(octet), 0n);
  const canonical = [24n, 16n, 8n, 0n].map((shift) => Number((value >> shift) & 0xffn)).join('.');
  return { start: value, text: canonical };
}

const octetText = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map(String),
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.constantFrom('00', '01', '007', '0x1f', '1e2', '', ' 1', '+1', '-1', '٣', '255 ', '1000'),
);
const quadLike = fc
  .tuple(octetText, octetText, octetText, octetText, fc.constantFrom('', ' ', '\t', '\n'))
  .map(([a, b, c, d, pad]) => `${pad}${a}.${b}.${c}.${d}${pad}`);
const otherText = fc.oneof(
  fc.ipV4(),
  fc.ipV4Extended(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('10.1', '1.2.3', '1.2.3.4.5', '1.2.3.4/32', '::ffff:1.2.3.4', '0.0.0.0', '255.255.255.255'),
);

describe('parseIp dotted-quad fast path', () => {
  it('agrees with ipaddr.js on every IPv4-looking text', () => {
    fc.assert(
      fc.property(fc.oneof(quadLike, otherText), (text) => {
        const expected = referenceIpv4(text);
        const actual = parseIp(text);
        if (expected === null) {
          // Not a four-part decimal IPv4: parseIp may still accept IPv6, never IPv4.
          return actual === null || actual.family === 6;
        }
        return (
          actual !== null &&
          actual.family === 4 &&
          actual.start === expected.start &&
          actual.end === expected.start &&
          actual.bits === 32 &&
          actual.text === expected.text
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the strict rules: no leading zeros, no octet above 255, exactly four parts', () => {
    expect(parseIp('10.0.0.1')?.text).toBe('10.0.0.1');
    expect(parseIp(' 192.168.10.52 ')?.start).toBe(0xc0a80a34n);
    for (const text of ['010.0.0.1', '10.0.0.256', '10.1', '1.2.3.4.5', '0x0a.0.0.1', '1.2.3.04']) {
      expect(parseIp(text)).toBeNull();
    }
  });
});
