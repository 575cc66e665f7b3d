import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { once, remembered } from '../../src/bounds/remembered.js';
import { parseCidr } from '../../src/net/address.js';
import { parsePortList, parseTopologyPortList } from '../../src/net/ports.js';

describe('remembered', () => {
  it('parses each distinct text once', () => {
    const parsed: string[] = [];
    const length = remembered((text) => {
      parsed.push(text);
      return text.length;
    });
    expect(['3306', '22', '3306', '3306', '22'].map(length)).toEqual([4, 2, 4, 4, 2]);
    expect(parsed).toEqual(['3306', '22']);
  });

  it('remembers at most `limit` texts, then starts again', () => {
    let calls = 0;
    const parse = remembered((text) => {
      calls++;
      return text;
    }, 3);
    for (const text of ['a', 'b', 'c', 'a']) parse(text);
    expect(calls).toBe(3);
    parse('d'); // the fourth distinct text: the memory starts again from it
    parse('a');
    expect(calls).toBe(5);
  });

  it('gives what the parser gives, for any text (property)', () => {
    const cidr = remembered((text) => parseCidr(text));
    const cidrText = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc
        .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(33))
        .map(([a, b, c, d, bits]) => `${a}.${b}.${c}.${d}/${bits}`),
    );
    fc.assert(
      fc.property(fc.array(cidrText, { maxLength: 30 }), (texts) => {
        // Twice over: the second time every text is remembered.
        for (const text of [...texts, ...texts]) expect(cidr(text)).toEqual(parseCidr(text));
      }),
    );
    const portText = fc.oneof(fc.string({ maxLength: 12 }), fc.nat(70_000).map(String));
    fc.assert(
      fc.property(portText, (text) => {
        expect(parseTopologyPortList(text)).toEqual(parsePortList(text, 0, 65535));
      }),
    );
  });
});

describe('once', () => {
  it('computes on first use only, then gives the same value', () => {
    let calls = 0;
    const value = once(() => {
      calls += 1;
      return { made: calls };
    });
    expect(calls).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(calls).toBe(1);
  });

  it('remembers an undefined result too', () => {
    let calls = 0;
    const value = once(() => {
      calls += 1;
      return undefined;
    });
    value();
    value();
    expect(calls).toBe(1);
  });
});
