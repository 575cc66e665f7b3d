// Properties over generated topologies: a change and its inverse leave every verdict as it was, the input
// topology is never modified, and a plan that changes nothing moves no path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { checkPlan } from '../../src/plan/check.js';
import { parsePlan } from '../../src/plan/plan.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { SecurityGroupRule } from '../../src/topology/schema.js';
import { applyChanges } from '../../src/whatif/apply.js';
import { evaluateWhatIf } from '../../src/whatif/evaluate.js';

const rules = fc.record({
  direction: fc.constantFrom('ingress' as const, 'egress' as const),
  protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'any' as const),
  remote: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'),
  action: fc.constantFrom('allow' as const, 'deny' as const),
  priority: fc.integer({ min: 1, max: 100 }),
});

describe('what-if properties', () => {
  it('adding a rule and removing it again (by equality) moves no path, and never touches the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), rules, (seed, pick, body) => {
        const topology = generateTopology('small', seed);
        const before = JSON.stringify(topology);
        const groups = topology.securityGroups ?? [];
        const group = groups[pick % groups.length]!.id;
        const rule: SecurityGroupRule =
          body.protocol === 'tcp' || body.protocol === 'udp' ? { ...body, ports: '443' } : body;
        const paths = generateQuestions(topology, 20, seed).map((q) => ({ question: toQuestion(q) }));
        const result = evaluateWhatIf(
          topology,
          compileTopology(topology),
          [
            { op: 'add-rule', securityGroup: group, rule },
            { op: 'remove-rule', securityGroup: group, rule },
          ],
          paths,
          [],
        );
        // Removing "a rule equal to" may remove an older duplicate instead of the new one: same rules either way.
        for (const c of result.asked) expect([c.before, c.movement]).toEqual([c.after, 'same']);
        expect(JSON.stringify(topology)).toBe(before);
        const added = applyChanges(topology, [{ op: 'add-rule', securityGroup: group, rule }]);
        expect(added.securityGroups?.find((g) => g.id === group)?.rules?.at(-1)).toEqual(rule);
      }),
      { numRuns: 15 },
    );
  });

  it('a plan with only no-op, read and forget changes moves no path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (seed) => {
        const topology = generateTopology('small', seed);
        const paths = generateQuestions(topology, 20, seed).map((q) => ({ question: toQuestion(q) }));
        const plan = parsePlan(
          JSON.stringify({
            format_version: '1.2',
            resource_changes: ['no-op', 'read', 'forget'].map((action, i) => ({
              address: `huaweicloud_vpc_route.r${i}`,
              type: 'huaweicloud_vpc_route',
              change: {
                actions: [action],
                before: { vpc_id: 'x', destination: '10.0.0.0/8', type: 'peering' },
                after: null,
              },
            })),
          }),
        );
        const check = checkPlan(topology, plan, paths);
        expect(check.paths.every((p) => p.movement === 'same' && p.before === p.after)).toBe(true);
      }),
      { numRuns: 10 },
    );
  });
});
