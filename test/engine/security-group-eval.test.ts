// The "merged by priority" reading of several security groups is the rules of all of them in one list, sorted by
// priority (deny first at equal priority, binding order otherwise) and evaluated first-match. evaluateSecurityGroups
// sorts only the rules that match the flow, and none when no matching rule denies; this holds it to that definition
// over generated groups: the merged reading of groups A, B, C allows and denies exactly what one group holding A's,
// B's and C's rules in that order does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/engine/context.js';
import { evaluateSecurityGroups, type Peer } from '../../src/engine/security-group-eval.js';
import { mustCidr } from '../../src/net/address.js';
import { compileTopology } from '../../src/topology/compile.js';
import { validateTopology } from '../../src/topology/load.js';
import type { TopologyInput } from '../../src/topology/schema.js';

type Rule = NonNullable<NonNullable<TopologyInput['securityGroups']>[number]['rules']>[number];

const rule: fc.Arbitrary<Rule> = fc.record({
  direction: fc.constant('ingress' as const),
  protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'any' as const),
  ports: fc.constantFrom('3306', '80,443', '1-65535', '3000-4000'),
  remote: fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.3/32', '0.0.0.0/0'),
  action: fc.constantFrom('allow' as const, 'deny' as const),
  priority: fc.integer({ min: 1, max: 4 }),
});

const peer: Peer = { family: 4, spans: [spanOf('10.1.0.0/16')], memberOf: new Set() };

function spanOf(cidr: string) {
  const { start, end } = mustCidr(cidr);
  return { start, end };
}

describe('evaluateSecurityGroups, merged reading', () => {
  it('decides as one group holding every group’s rules in binding order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(rule, { maxLength: 6 }), { minLength: 2, maxLength: 3 }),
        fc.constantFrom(3306, 443, 3500, 53),
        fc.constantFrom('tcp' as const, 'udp' as const),
        (groups, port, protocol) => {
          const ids = groups.map((_, i) => `sg-${i}`);
          const input = {
            version: 1,
            securityGroups: [
              ...groups.map((rules, i) => ({ id: ids[i] ?? '', rules })),
              { id: 'sg-all', rules: groups.flat() },
            ],
          };
          const validated = validateTopology(input);
          if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
          const compiled = compileTopology(validated.topology);
          const flow: Flow = { protocol, number: protocol === 'tcp' ? 6 : 17, port, label: `${protocol}/${port}` };
          const several = evaluateSecurityGroups(compiled, ids, 'ingress', flow, peer);
          const one = evaluateSecurityGroups(compiled, ['sg-all'], 'ingress', flow, peer);
          // Several groups with no matching deny rule skip the sort (any order allows the same): held here too.
          expect(several.merged.allowed).toEqual(one.literal.allowed);
          expect(several.merged.denied).toEqual(one.literal.denied);
        },
      ),
      { numRuns: 300 },
    );
  });
});
