// The digest engine walks each path only until its first blocker and its first fix are known (and never verifies
// fixes), and checks every path without words, wording only the paths a message shows: what a digest shows of a
// path, its verdict, first fix and reason for doubt, must be exactly what the full walk gives, in both languages, and
// the wordless pass must give the verdict and fingerprint the worded walk gives.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { checkWatches, detailsOf, verdictOf } from '../../src/digest/check.js';
import { realEngine } from '../../src/digest/default-engine.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { i18n, WORDLESS_TEXT } from '../../src/i18n/i18n.js';
import type { Question } from '../../src/question/question.js';
import type { Watch } from '../../src/store/data.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { TopologyInput } from '../../src/topology/schema.js';
import { build } from '../fixtures/engine/builder.js';

describe('the digest engine', () => {
  it('shows each path exactly as the full walk would: verdict, first fix and reason for doubt', () => {
    const engine = realEngine();
    let problems = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('en' as const, 'zh' as const), (seed, lang) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        const questions = generateQuestions(topology, 40, seed).map(toQuestion);
        const watches: Watch[] = questions.map((question, i) => ({
          id: `w${i}`,
          channel: 'C1',
          topology: 'small',
          question,
          createdBy: 'U1',
          createdAt: '2026-01-01T00:00:00.000Z',
        }));
        const outcomes = checkWatches(watches, () => topology, engine, i18n(lang));
        questions.forEach((question, i) => {
          const full = diagnose(compiled, question, { verifyFixes: false, lang });
          const outcome = outcomes[i];
          if (outcome?.kind !== 'checked') throw new Error(`watch ${i} was not checked`);
          expect(outcome.verdict).toBe(full.verdict);
          expect(outcome.details()).toEqual(detailsOf(full));
          if (full.verdict !== 'reachable') problems++;
        });
      }),
      { numRuns: 15 },
    );
    // The property covers paths with something to show, not only reachable ones.
    expect(problems).toBeGreaterThan(20);
  });

  it('checks without words to the same verdict and fingerprint as with them (property)', () => {
    const engine = realEngine();
    const verdictOnly = engine.verdictOnly;
    if (!verdictOnly) throw new Error('the real engine checks paths without words');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('en' as const, 'zh' as const), (seed, lang) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        for (const synthetic of generateQuestions(topology, 40, seed)) {
          const question = toQuestion(synthetic);
          const wordless = verdictOnly(compiled, question);
          expect(verdictOf(wordless)).toEqual(verdictOf(engine.diagnose(compiled, question, { lang })));
          // Nothing is worded: the pass pays for no sentence.
          expect(flowsOf(wordless).flatMap((flow) => flow.steps.map((step) => step.summary))).toEqual(
            flowsOf(wordless).flatMap((flow) => flow.steps.map(() => WORDLESS_TEXT)),
          );
          // Nor rendered: no fix carries commands (a KooCLI, Terraform or API form) that nobody reads.
          expect(flowsOf(wordless).flatMap((flow) => flow.fixes.map((fix) => fix.render))).toEqual(
            flowsOf(wordless).flatMap((flow) => flow.fixes.map(() => ({ text: WORDLESS_TEXT }))),
          );
        }
      }),
      { numRuns: 25 },
    );
  });

  // The synthetic topologies have no Kubernetes objects or enterprise routers: the samples in data/ have, and one
  // variant puts a workload under two SecurityGroup resources, whose doubt is a sentence the walk must keep.
  it('checks without words to the same verdicts on every sample topology, Kubernetes side included', () => {
    const engine = realEngine();
    const verdictOnly = engine.verdictOnly;
    if (!verdictOnly) throw new Error('the real engine checks paths without words');
    const samples: TopologyInput[] = ['sample', 'kubernetes', 'enterprise-router'].map(
      (name) => parse(readFileSync(new URL(`../../data/${name}.yaml`, import.meta.url), 'utf8')) as TopologyInput,
    );
    const twoResources = structuredClone(samples[1]!);
    const turbo = twoResources.clusters?.find((c) => c.name === 'turbo');
    turbo?.securityGroupResources?.push({
      metadata: { name: 'api-only', namespace: 'payments' },
      spec: { podSelector: { matchLabels: { app: 'api' } }, securityGroups: [{ id: 'sg-turbo-pods' }] },
    });
    let uncertain = 0;
    for (const input of [...samples, twoResources]) {
      const { compiled, topology } = build(input);
      for (const cluster of topology.clusters ?? []) {
        for (const workload of [null, ...(cluster.workloads ?? []).map((w) => w.name)]) {
          for (const resource of topology.resources ?? []) {
            for (const port of [undefined, 22, 443, 3306, 6379]) {
              const question: Question = {
                cluster: cluster.name,
                workload,
                destination: resource.name,
                ...(port ? { protocol: 'tcp' as const, port } : {}),
              };
              const worded = verdictOf(engine.diagnose(compiled, question));
              expect(verdictOf(verdictOnly(compiled, question)), JSON.stringify(question)).toEqual(worded);
              if (worded.verdict === 'uncertain') uncertain++;
            }
          }
        }
      }
    }
    expect(uncertain).toBeGreaterThan(0);
  });
});
