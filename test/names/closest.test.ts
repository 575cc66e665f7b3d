// "Did you mean": known names ranked closest first for error messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestNames, knownNames } from '../../src/names/closest.js';

describe('closestNames', () => {
  const known = ['prod', 'staging', 'turbo', 'demo', 'batch', 'redis-main', 'orders-db', 'db1'];

  it('ranks a prefix match first, ahead of names with a smaller edit distance', () => {
    // "red" is 3 edits from "db1" but a prefix of "redis-main".
    expect(closestNames('red', known)[0]).toBe('redis-main');
    expect(closestNames('orders', known)[0]).toBe('orders-db');
  });

  it('ranks a substring match ahead of plain edit distance, and a prefix ahead of a substring', () => {
    expect(closestNames('main', known)[0]).toBe('redis-main');
    expect(closestNames('db', ['orders-db', 'db1', 'dc'])).toEqual(['db1', 'orders-db', 'dc']);
  });

  it('is case-insensitive and returns names as they are spelled', () => {
    expect(closestNames('PROD', known)[0]).toBe('prod');
    expect(closestNames('prod', ['Prod-EU', 'staging'])[0]).toBe('Prod-EU');
  });

  it('ranks by edit distance when nothing matches as prefix or substring', () => {
    expect(closestNames('prdo', known)[0]).toBe('prod');
    expect(closestNames('stagign', known)[0]).toBe('staging');
  });

  it('counts a shared beginning: a name mistyped at its end suggests the name it starts like', () => {
    // "redis1" is 4 edits from "db1" and 5 from "redis-main", but shares "redis" with it.
    expect(closestNames('redis1', known)[0]).toBe('redis-main');
    expect(closestNames('orders-dv', known)[0]).toBe('orders-db');
    // Without a shared beginning, edit distance decides as before.
    expect(closestNames('db2', known)[0]).toBe('db1');
  });

  it('returns at most `limit` distinct names, all of them known', () => {
    expect(closestNames('x', known, 3)).toHaveLength(3);
    expect(closestNames('prod', ['prod', 'prod', 'demo'])).toEqual(['prod', 'demo']);
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ minLength: 1 })),
        fc.integer({ min: 1, max: 10 }),
        (typed, names, limit) => {
          const ranked = closestNames(typed, names, limit);
          return ranked.length === Math.min(limit, new Set(names).size) && ranked.every((n) => names.includes(n));
        },
      ),
    );
  });

  it('puts an exact (case-insensitive) match first', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { minLength: 1 }), fc.nat(), (names, i) => {
        const target = names[i % names.length]!;
        return closestNames(target.toUpperCase(), names)[0]?.toLowerCase() === target;
      }),
    );
  });
});

describe('knownNames', () => {
  // The words around them ("(known: ...)", "（已定义：…）") are the catalog's: test/i18n/topology-issues.test.ts.
  it('gives the closest five names, closest first, and whether some are left out', () => {
    expect(knownNames('red', ['db1', 'redis-main'])).toEqual({ ranked: ['redis-main', 'db1'], more: false });
    const many = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    const hint = knownNames('a6', many);
    expect(hint.ranked[0]).toBe('a6');
    expect(hint.ranked).toHaveLength(5);
    expect(hint.more).toBe(true);
  });

  it('gives nothing when nothing is defined', () => {
    expect(knownNames('prod', [])).toEqual({ ranked: [], more: false });
  });
});
