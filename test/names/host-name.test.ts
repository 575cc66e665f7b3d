// Host-name canonical form and record-name qualification.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHostName, isInZone, qualifyRecordName } from '../../src/names/host-name.js';

describe('canonicalHostName', () => {
  it.each([
    ['Orders-DB.Internal.Example.COM.', 'orders-db.internal.example.com'],
    ['_sip._tcp.example.com', '_sip._tcp.example.com'],
    ['*.apps.example.com', '*.apps.example.com'],
    ['localhost', 'localhost'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalHostName(input)).toBe(expected);
  });

  it.each([
    '',
    '.',
    'a..b',
    '10.0.0.1',
    '-a.com',
    'a-.com',
    'a b.com',
    'a.*.com',
    '*',
    `${'a'.repeat(64)}.com`,
    '10.0.0.1:80',
  ])('refuses %j', (input) => {
    expect(canonicalHostName(input)).toBeNull();
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const once = canonicalHostName(text);
        if (once !== null) expect(canonicalHostName(once)).toBe(once);
      }),
    );
  });
});

describe('qualifyRecordName', () => {
  it.each([
    ['db', 'db.z.example.com'],
    ['@', 'z.example.com'],
    ['DB.z.example.com', 'db.z.example.com'],
    ['db.z.example.com.', 'db.z.example.com'],
    ['*.apps', '*.apps.z.example.com'],
    ['other.example.org.', null],
    ['bad name', null],
  ])('%s in z.example.com -> %s', (name, expected) => {
    expect(qualifyRecordName(name, 'z.example.com')).toBe(expected);
  });

  it('isInZone respects label boundaries', () => {
    expect(isInZone('a.z.example.com', 'z.example.com')).toBe(true);
    expect(isInZone('az.example.com', 'z.example.com')).toBe(false);
  });
});
