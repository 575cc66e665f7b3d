// Stored topologies are frozen where they are shared (opened from a sealed store, or arrived from a sync's worker):
// deepFreeze must reach every object and array, however deep, and leave nothing it was given mutable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/store/document.js';

function everyObject(value: unknown, out: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value);
    for (const child of Object.values(value)) everyObject(child, out);
  }
  return out;
}

describe('deepFreeze', () => {
  it('freezes every object and array of any JSON value, and returns it (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        expect(deepFreeze(copy)).toBe(copy);
        for (const part of everyObject(copy)) expect(Object.isFrozen(part)).toBe(true);
        expect(copy).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('freezes a value nested 200,000 deep without running out of stack', () => {
    let deep: { next?: unknown } = {};
    const root = deep;
    for (let i = 0; i < 200_000; i++) {
      const next = {};
      deep.next = next;
      deep = next;
    }
    deepFreeze(root);
    expect(Object.isFrozen(deep)).toBe(true);
  });

  it('does not walk into a part already frozen (a shared, stored entry)', () => {
    const shared = Object.freeze({ inner: { open: true } });
    const value = { shared, other: { list: [{ a: 1 }] } };
    deepFreeze(value);
    expect(Object.isFrozen(value.other.list[0])).toBe(true);
    expect(Object.isFrozen(shared.inner)).toBe(false);
  });
});
