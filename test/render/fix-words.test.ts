// A fix's words computed alone (fixWords, what reverse answers show for 20,000 paths) are exactly the words of
// its full rendering, in both languages, whichever kind of fix the engine proposes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import type { Fix, FixSpec } from '../../src/engine/diagnosis.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { i18n } from '../../src/i18n/i18n.js';
import { fixWords, withRender } from '../../src/render/fix.js';
import { compileTopology } from '../../src/topology/compile.js';

describe('fixWords', () => {
  it('equals render.text for every fix of every path, before and after the full rendering', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('en' as const, 'zh' as const), (seed, lang) => {
        // Medium: enough VPCs that some pairs have no peering (the peering fix); a slice of its paths.
        const topology = generateTopology('medium', seed);
        const compiled = compileTopology(topology);
        const resources = (topology.resources ?? []).filter((_, i) => i % 7 === seed % 7).slice(0, 60);
        for (const cluster of (topology.clusters ?? []).slice(0, 4))
          for (const resource of resources) {
            const result = diagnose(
              compiled,
              { cluster: cluster.name, workload: null, destination: resource.name, protocol: 'tcp', port: 443 },
              { verifyFixes: false, lang },
            );
            for (const flow of flowsOf(result))
              for (const fix of flow.fixes) {
                kinds.add(fix.kind);
                const alone = fixWords(fix);
                expect(alone).toBe(fix.render.text);
                expect(fixWords(fix)).toBe(alone);
              }
          }
      }),
      { numRuns: 8 },
    );
    // The kinds with a words-only path are among those exercised.
    expect([...kinds]).toEqual(expect.arrayContaining(['peering', 'route', 'security-group-rule']));
  });

  it('equals render.text for ICMP rules, whose words carry a note on the type, in both languages', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const ports of ['8', null]) {
        const [fix] = withRenders(
          [
            {
              kind: 'security-group-rule',
              securityGroup: 'sg-ecs',
              direction: 'ingress',
              ethertype: 'IPv4',
              protocol: 'icmp',
              ports,
              remote: '172.16.0.0/16',
              action: 'allow',
              priority: 1,
            },
          ],
          lang,
        );
        expect(fixWords(fix!)).toBe(fix!.render.text);
      }
  });
});

function withRenders(specs: FixSpec[], lang: 'en' | 'zh'): Fix[] {
  return specs.map((spec) => withRender(spec, 'CCE prod pods -> ecs1 icmp', {}, i18n(lang)));
}
