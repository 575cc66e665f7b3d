// Hostile documents: every list of the format filled with identical entries, duplicates or unknown
// references. Validation must stay near-linear: counted work at 2n is about twice that at n (a quadratic
// check would be four times), and the report never grows past its cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORST_CASES } from '../../bench/worst-cases.js';
import { countingMeter } from '../../src/bounds/meter.js';
import { boundedHints, closestNames, HINT_COMPARISONS } from '../../src/names/closest.js';
import { compileTopology } from '../../src/topology/compile.js';
import { MAX_REPORTED_ISSUES, parseTopology, validateTopology } from '../../src/topology/load.js';

function work(doc: unknown): { count: number; issues: number } {
  const meter = countingMeter();
  const result = validateTopology(doc, meter);
  if (result.ok) compileTopology(result.topology);
  return { count: meter.count, issues: result.ok ? 0 : result.issues.length };
}

describe('validation of worst-case documents', () => {
  for (const [name, make] of Object.entries(WORST_CASES)) {
    it(`stays near-linear with ${name}`, () => {
      const small = work(make(2000));
      const large = work(make(4000));
      expect(small.count).toBeGreaterThan(0);
      // n log n sorting gives ~2.2x; every pair (the old overlap check) gives 4x.
      expect(large.count).toBeLessThan(2.6 * small.count + 100);
      // A bounded amount of work per entry (the hint budget is a fixed cost, not per entry).
      expect(large.count).toBeLessThan(40 * 4000 + HINT_COMPARISONS);
      expect(large.issues).toBeLessThanOrEqual(MAX_REPORTED_ISSUES + 1);
    });
  }

  it('reports 10,000 identical subnets once each, capped, with how many more', () => {
    const result = validateTopology(WORST_CASES['identical subnets']!(10_000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(result.issues.at(-1)!.message).toMatch(/^\.\.\. and \d+ more issues/);
    expect(result.issues[0]).toMatchObject({
      path: 'vpcs[0].subnets[1].id',
      message: '"subnet-a" is already used by vpcs[0].subnets[0]',
    });
  });

  it('says an overlapping entry overlaps an earlier one, whichever is wider', () => {
    const result = validateTopology(WORST_CASES['duplicate nonMasqueradeCidrs']!(3));
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'clusters[0].nonMasqueradeCidrs[1]',
      'clusters[0].nonMasqueradeCidrs[2]',
    ]);
  });

  it('refuses repeated VPC blocks and repeated route destinations, once per repeat', () => {
    const paths = (doc: unknown) => {
      const result = validateTopology(doc);
      return result.ok ? [] : result.issues.map((i) => i.path);
    };
    expect(paths(WORST_CASES['secondary CIDRs']!(3)).filter((p) => p.includes('secondaryCidrs'))).toEqual([
      'vpcs[0].secondaryCidrs[1]',
      'vpcs[0].secondaryCidrs[2]',
    ]);
    const routes = WORST_CASES.routes!(3) as { vpcs: { routeTables: { routes: Record<string, unknown>[] }[] }[] };
    for (const route of routes.vpcs[0]!.routeTables[0]!.routes) route.type = 'local';
    expect(paths(routes)).toEqual([
      'vpcs[0].routeTables[0].routes[1].destination',
      'vpcs[0].routeTables[0].routes[2].destination',
    ]);
  });

  it('still ranks suggestions for the first unknown references, and lists names unranked past the budget', () => {
    const known = Array.from({ length: 1000 }, (_, i) => `vpc-${i}`);
    const meter = countingMeter();
    const hint = boundedHints(2500, meter);
    expect(hint('vpc-12x', known).names).toContain('vpc-12');
    hint('vpc-13x', known);
    const third = hint('vpc-999x', known); // 3,000 comparisons would pass the budget of 2,500
    expect(third).toEqual({ names: ['vpc-0', 'vpc-1', 'vpc-2', 'vpc-3', 'vpc-4'], more: true });
    expect(meter.count).toBeLessThanOrEqual(2001);
    // The same unknown name again costs nothing.
    hint('vpc-12x', known);
    expect(meter.count).toBeLessThanOrEqual(2001);
  });

  it('compares only the first characters of very long names', () => {
    const long = 'x'.repeat(100_000);
    expect(closestNames(long, [`${'x'.repeat(64)}y`, 'b'])[0]).toBe(`${'x'.repeat(64)}y`);
  });
});

describe('YAML amplification', () => {
  it('refuses a small document whose aliases expand far beyond its size, before validating it', () => {
    // 10 levels of 10 aliases: a few hundred characters standing for 10^10 values.
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 9; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const meter = countingMeter();
    const result = parseTopology(text, meter);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.message).toMatch(/more than 10 values per character/);
    expect(meter.count).toBeLessThan(10_000 + 10 * text.length + 10);
  });

  it('never refuses JSON for expansion: without aliases a value costs at least a character', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = parseTopology(JSON.stringify(value));
        if (!result.ok) expect(result.issues[0]!.message).not.toMatch(/expands to more than/);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts aliases that stay within the ratio', () => {
    const text = 'version: 1\nvpcs:\n  - &v {id: vpc-a, cidr: 10.0.0.0/16}\nclusters: []\n';
    expect(parseTopology(text).ok).toBe(true);
  });
});
