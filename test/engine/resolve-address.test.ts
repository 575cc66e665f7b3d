// resolveQuestion parses a destination as an address only when it could be one (digits and dots, or a colon):
// every text parseIp accepts must still resolve to that address, whatever its form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveQuestion } from '../../src/engine/resolve.js';
import { parseIp } from '../../src/net/address.js';
import { build, seedSameVpc } from '../fixtures/engine/builder.js';

const { compiled } = build(seedSameVpc());

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
const ipv6 = fc.ipV6();
const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '  '), text, fc.constantFrom('', ' ')).map(([a, t, b]) => `${a}${t}${b}`);

describe('resolving an address destination', () => {
  it('resolves every IPv4 and IPv6 text parseIp accepts to the same address', () => {
    fc.assert(
      fc.property(padded(fc.oneof(ipv4, ipv6)), (destination) => {
        const expected = parseIp(destination);
        if (!expected) return;
        const resolved = resolveQuestion(compiled, { cluster: 'prod', workload: null, destination, port: 443 });
        expect(resolved.address.text).toBe(expected.text);
        expect(resolved.address.family).toBe(expected.family);
      }),
    );
  });

  it('still rejects a dotted text that is no address', () => {
    expect(() =>
      resolveQuestion(compiled, { cluster: 'prod', workload: null, destination: '10.0.0.256', port: 443 }),
    ).toThrow(/not a valid IP address/);
  });
});
