// validateTopology runs zod's compiled fast path of the topology schema on large documents, which hands any document
// it would reject to zod's runtime parser. Held here to the runtime parser itself: the same verdict, the same
// normalized data, the same issues, on generated topologies and on each of them broken at a random place.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { generateTopology } from '../../bench/synthetic.js';
import { COMPILED_FROM_CHARS, compiledTopologySchema, validateTopology } from '../../src/topology/load.js';
import { topologySchema } from '../../src/topology/schema.js';

const compiled = compiledTopologySchema();

/** What a parse gives, comparable: the data, or the issues. */
function outcome(result: ReturnType<typeof topologySchema.safeParse>) {
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

type Container = Record<string, unknown> | unknown[];

/** Every object or array in a document, with the keys it holds. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (value !== null && typeof value === 'object') {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

const BAD_VALUES: readonly unknown[] = [
  null,
  '',
  'bad',
  -1,
  70_000,
  1.5,
  true,
  {},
  [],
  '10.0.0.1/8',
  '300.1.1.1',
  'TCP',
];

describe('the compiled topology schema', () => {
  it('parses generated topologies to the same data as the runtime parser (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const document = generateTopology('small', seed);
        const fast = outcome(compiled.safeParse(document));
        expect('data' in fast).toBe(true);
        expect(fast).toEqual(outcome(topologySchema.safeParse(document)));
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a topology broken anywhere with the runtime parser’s issues (property)', () => {
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...BAD_VALUES, 'delete', 'unknown key'),
        (seed, where, which, bad) => {
          const document = generateTopology('small', seed) as unknown;
          const all = containers(document);
          const target = all[where % all.length]!;
          const keys = Object.keys(target);
          const key = keys.length ? keys[which % keys.length]! : '0';
          if (bad === 'unknown key') (target as Record<string, unknown>).unexpected = 1;
          else if (bad === 'delete') delete (target as Record<string, unknown>)[key];
          else (target as Record<string, unknown>)[key] = bad;
          const fast = outcome(compiled.safeParse(document));
          if ('issues' in fast) rejected++;
          expect(fast).toEqual(outcome(topologySchema.safeParse(document)));
        },
      ),
      { numRuns: 150 },
    );
    // Most breakages are rejected: the property is about issues, not only about documents that still parse.
    expect(rejected).toBeGreaterThan(60);
  });

  it('is used from COMPILED_FROM_CHARS characters of text on, and for data of unknown size', () => {
    const document = generateTopology('small', 7);
    const fast = vi.spyOn(compiled, 'safeParse');
    const runtime = vi.spyOn(topologySchema, 'safeParse');
    try {
      expect(validateTopology(document, undefined, COMPILED_FROM_CHARS - 1).ok).toBe(true);
      expect([fast.mock.calls.length, runtime.mock.calls.length]).toEqual([0, 1]);
      expect(validateTopology(document, undefined, COMPILED_FROM_CHARS).ok).toBe(true);
      expect(validateTopology(document).ok).toBe(true);
      expect([fast.mock.calls.length, runtime.mock.calls.length]).toEqual([2, 1]);
    } finally {
      fast.mockRestore();
      runtime.mockRestore();
    }
  });
});
