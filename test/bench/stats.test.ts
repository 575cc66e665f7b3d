import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, quantile, summarizeLatencies } from '../../bench/stats.js';

describe('quantile', () => {
  it('uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.99)).toBe(99);
    expect(quantile(samples, 1)).toBe(100);
    expect(quantile(samples, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('always returns one of the samples, between min and max, monotone in q', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: 0, max: 1e6 }), { minLength: 1 }), (samples) => {
        const p50 = quantile(samples, 0.5);
        const p99 = quantile(samples, 0.99);
        return samples.includes(p50) && samples.includes(p99) && p50 <= p99 && p99 <= Math.max(...samples);
      }),
    );
  });
});

describe('summarizeLatencies', () => {
  it('reports count, p50, p99, max and mean', () => {
    expect(summarizeLatencies([1, 2, 3, 4])).toEqual({ count: 4, p50: 2, p99: 4, max: 4, mean: 2.5 });
  });
});
