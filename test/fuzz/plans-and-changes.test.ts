// The newer input paths against generated input: Terraform plans, what-if change files, and the reverse and
// what-if phrasings read from chat. No exception escapes but the path's own error; chat text is capped in length
// before any of these parsers reads it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { converse } from '../../src/commands/converse.js';
import { createRegistry } from '../../src/commands/registry.js';
import { checkPlan } from '../../src/plan/check.js';
import { PlanError, parsePlan } from '../../src/plan/plan.js';
import { QuestionError } from '../../src/question/errors.js';
import { parseQuestion } from '../../src/question/parse.js';
import { parseReverseQuestion } from '../../src/question/reverse.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { parseTopology } from '../../src/topology/load.js';
import { ChangeError, parseChanges } from '../../src/whatif/change.js';
import { parseWhatIf } from '../../src/whatif/phrase.js';

const PLAN_TEXT = readFileSync(new URL('../fixtures/plan/plan.json', import.meta.url), 'utf8');
const TOPOLOGY = (() => {
  const parsed = parseTopology(readFileSync(new URL('../fixtures/plan/topology.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture topology is invalid');
  return parsed.topology;
})();
const PATHS = readFileSync(new URL('../fixtures/plan/paths.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => ({ question: parseQuestion(line) }));

/** Replace the value at a pseudo-random position of a JSON tree (chosen by `at`) with `value`. */
function mutate(tree: unknown, at: number, value: unknown): unknown {
  const copy = structuredClone(tree);
  const slots: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((child, i): [number, unknown] => [i, child])
      : Object.entries(node);
    for (const [key, child] of entries) {
      slots.push({ parent: node as Record<string | number, unknown>, key });
      walk(child);
    }
  };
  walk(copy);
  if (slots.length === 0) return value;
  const slot = slots[at % slots.length]!;
  slot.parent[slot.key] = value;
  return copy;
}

describe('Terraform plans', () => {
  it('any text or the real plan with one value replaced: a check of every path, or a PlanError', () => {
    const plan = JSON.parse(PLAN_TEXT) as unknown;
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([at, value]) => JSON.stringify(mutate(plan, at, value))),
    );
    fc.assert(
      fc.property(text, (input) => {
        try {
          const check = checkPlan(TOPOLOGY, parsePlan(input), PATHS);
          expect(check.paths).toHaveLength(PATHS.length);
        } catch (error) {
          // A plan the importer cannot map is reported with a located message; anything else is a bug (this let
          // every Error pass until a review saw it).
          expect(error instanceof PlanError || error instanceof QuestionError).toBe(true);
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});

describe('what-if change files', () => {
  it('any YAML-ish text: changes, or a ChangeError located by line', () => {
    const token = fc.constantFrom(
      'changes:',
      '- op: add-rule',
      '  securityGroup: sg-db1',
      '  rule: { direction: ingress, protocol: tcp, ports: 3306, remote: 172.16.0.0/16 }',
      '- { op: remove-rule, securityGroup: sg-db1, index: 2 }',
      '- { op: remove-route, vpc: vpc-demo2, destination: 192.168.0.0/16 }',
      '- { op: set-peering, peering: pcx-demo, status: REJECTED }',
      '&a [1]',
      '*a',
      '{',
      ':',
      '  - ',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.oneof(token, fc.string({ maxLength: 10 })), { maxLength: 12 }).map((lines) => lines.join('\n')),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(text, (input) => {
        try {
          const changes = parseChanges(input, 'c.yaml');
          expect(Array.isArray(changes)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ChangeError);
          expect((error as ChangeError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });
});

describe('reverse and what-if phrasings', () => {
  const words = fc.constantFrom(
    'what if I',
    'what if we',
    'who can reach',
    'what can',
    'pods in',
    'prod',
    'reach',
    'db1',
    'remove rule',
    '#2',
    'of',
    'sg-db1',
    'add',
    'allow',
    'tcp/3306',
    'from',
    '谁能访问',
    '能访问哪些',
    '如果',
    '?',
  );
  const text = fc.oneof(
    fc.string({ maxLength: 500 }),
    fc.array(fc.oneof(words, fc.string({ maxLength: 5 })), { maxLength: 20 }).map((w) => w.join(' ')),
  );

  it('any chat text: a phrasing, null, or a QuestionError', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const parse of [parseReverseQuestion, parseWhatIf]) {
          try {
            parse(input);
          } catch (error) {
            expect(error).toBeInstanceOf(QuestionError);
          }
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });
});

describe('regressions found by these properties', () => {
  it('a change file with an alias to no anchor is a ChangeError, not a ReferenceError', () => {
    expect(() => parseChanges('*!', 'c.yaml')).toThrow(ChangeError);
    expect(() => parseChanges('changes: [*nowhere]', 'c.yaml')).toThrow(/c\.yaml/);
  });
});

describe('chat text over the length limit', () => {
  it('is refused before the reverse, what-if or forward parser reads it', async () => {
    const store = new MemoryStore();
    const context = { store, userId: 'U1', channelId: 'C1', isAdmin: false, now: () => new Date(0) };
    // The refusal is said in the asker's language: the first text has Chinese in it.
    const refusals = [/请在 500 个字符以内提问/, /ask in at most 500 characters/];
    for (const [i, text] of [
      `who can reach ${'x里'.repeat(20_000)}`,
      `what if I ${'remove rule #1 of sg '.repeat(2000)}`,
    ].entries()) {
      const outcome = await converse(text, context, createRegistry());
      expect(outcome).toMatchObject({ kind: 'error', message: expect.stringMatching(refusals[i]!) });
    }
  });
});
