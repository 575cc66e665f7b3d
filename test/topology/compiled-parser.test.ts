// zod's compiled parser with its invoked functions rewritten as blocks (src/topology/compiled-parser.ts): the same
// results as the parser zod generates, on the topology schema and on small schemas built around each construct the
// rewrite touches (optional fields, unions, nested optional arrays, defaults, failures deep inside); code it does not
// know is compiled as zod wrote it; and `Function` is always zod's again afterwards.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/v4';
import { compileFn } from 'zod/v4/core';
import { generateTopology } from '../../bench/synthetic.js';
import { blocksForInvokedFunctions, compileParser, UnrecognizedCodeError } from '../../src/topology/compiled-parser.js';
import { topologySchema } from '../../src/topology/schema.js';

const fail = (error: Error) => {
  throw error;
};

const item = z.strictObject({
  id: z.string().min(1),
  port: z.number().int().min(1).max(65_535).optional(),
  protocol: z.union([z.enum(['tcp', 'udp']), z.number().int().min(0).max(255)]).optional(),
  tags: z.array(z.string().regex(/^[a-z]+$/)).optional(),
  nested: z.object({ on: z.boolean().default(true), note: z.string().optional() }).optional(),
  cidr: z
    .string()
    .transform((text, ctx) => {
      if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(text)) ctx.addIssue({ code: 'custom', message: 'not a CIDR' });
      return text.trim();
    })
    .optional(),
});
const small = z.strictObject({ name: z.string().optional(), items: z.array(item).optional(), count: z.number() });

/** Values that fit `small` or miss it at every depth. */
const input = fc.record(
  {
    name: fc.oneof(fc.string(), fc.integer()),
    count: fc.oneof(fc.integer(), fc.string()),
    items: fc.array(
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('', 'a', 'web'), fc.integer()),
          port: fc.oneof(fc.integer({ min: -1, max: 70_000 }), fc.constant('80')),
          protocol: fc.oneof(fc.constantFrom('tcp', 'udp', 'icmp'), fc.integer({ min: -1, max: 300 })),
          tags: fc.array(fc.constantFrom('web', 'Db', 'x1', 'db')),
          nested: fc.oneof(fc.record({ on: fc.boolean(), note: fc.string() }, { requiredKeys: [] }), fc.constant(null)),
          cidr: fc.constantFrom('10.0.0.0/8', ' 10.0.0.0/8', 'ten', ''),
          extra: fc.constant(1),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

describe('compileParser', () => {
  it('rewrites the code zod generates for the topology schema, and parses a topology as zod’s parser does', () => {
    const unrecognized = vi.fn();
    const parser = compileParser(topologySchema, unrecognized);
    expect(unrecognized).not.toHaveBeenCalled();
    const document = generateTopology('small', 7);
    const parsed = parser(document);
    expect(typeof parsed).toBe('object');
    expect(parsed).toEqual(compileFn(topologySchema)(document));
  });

  it('gives what zod’s own compiled parser gives, valid or not (property)', () => {
    const ours = compileParser(small, fail);
    const zods = compileFn(small);
    let parsed = 0;
    fc.assert(
      fc.property(input, (value) => {
        const expected = zods(value);
        if (typeof expected === 'object') parsed++;
        expect(ours(value)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
    // Both outcomes are exercised: documents that parse, and documents that fail somewhere inside.
    expect(parsed).toBeGreaterThan(5);
    expect(parsed).toBeLessThan(395);
  });

  it('compiles code it does not know as zod wrote it, and says why', () => {
    // A key with an arrow in it puts `=>` on a line the rewrite cannot account for.
    const odd = z.strictObject({ 'a=>b': z.string().optional(), n: z.number() });
    const unrecognized = vi.fn();
    const parser = compileParser(odd, unrecognized);
    expect(unrecognized).toHaveBeenCalledWith(expect.any(UnrecognizedCodeError));
    expect(parser({ 'a=>b': 'x', n: 1 })).toEqual({ 'a=>b': 'x', n: 1 });
    expect(typeof parser({ n: 'one' })).toBe('symbol');
  });

  it('leaves Function as it was, also when zod refuses the schema', () => {
    const before = globalThis.Function;
    compileParser(small);
    expect(globalThis.Function).toBe(before);
    const tree: z.ZodType = z.lazy(() => z.object({ children: z.array(tree) }));
    expect(() => compileParser(tree)).toThrow();
    expect(globalThis.Function).toBe(before);
  });
});

describe('blocksForInvokedFunctions', () => {
  const head = 'return (input) => {\n';

  it('writes an invoked function as a labeled block assigning its variable', () => {
    const code = `${head}const v1 = input["a"];\nlet v2 = (() => {\n  if (v1 === 0) return INVALID;\n  return v1;\n})();\nreturn v2;\n}`;
    const rewritten = blocksForInvokedFunctions(code);
    expect(rewritten).toBe(
      `${head}const v1 = input["a"];\nlet v2; L0: {\n  if (v1 === 0) { v2 = INVALID; break L0; }\n  { v2 = v1; break L0; }\n}\nreturn v2;\n}`,
    );
  });

  it.each([
    ['code that is no compiled parser', 'return 1;'],
    ['a function that falls through', `${head}let v2 = (() => {\n  v3 = 1;\n})();\n}`],
    ['a function that is not closed', `${head}let v2 = (() => {\n  return 1;\n}`],
    ['another function', `${head}const f = (x) => x;\n}`],
    ['a return in another form', `${head}let v2 = (() => {\n  if (v1) { return INVALID; }\n  return v1;\n})();\n}`],
    ['“return” inside a key', `${head}let v2 = (() => {\n  const v3 = input["return v1;"];\n  return v3;\n})();\n}`],
  ])('refuses %s', (_, code) => {
    expect(() => blocksForInvokedFunctions(code)).toThrow(UnrecognizedCodeError);
  });
});
