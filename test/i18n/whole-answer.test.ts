// A Chinese question gets a Chinese answer, all of it: every step, the source, the assumptions and every fix's
// words, over the shipped topologies and generated ones. Names, ids, addresses and code are allowed; nothing else
// in Latin letters is (test/i18n/untranslated.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { type Diagnosis, flowsOf } from '../../src/engine/diagnosis.js';
import { QuestionError } from '../../src/question/errors.js';
import { parseQuestion } from '../../src/question/parse.js';
import type { Question } from '../../src/question/question.js';
import { type CompiledTopology, compileTopology } from '../../src/topology/compile.js';
import { parseTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import { untranslatedWords } from './untranslated.js';

/** Every string of a topology that is a name or an id (keys named so), with the words inside it. */
function namesOf(topology: unknown): string[] {
  const names: string[] = [];
  const walk = (value: unknown, key: string | undefined) => {
    if (typeof value === 'string') {
      if (
        key &&
        /^(id|name|vpc|subnet|cluster|namespace|attachment|routeTable|nextHop|.*Vpc|.*Id|.*Ids|securityGroups?|.*SecurityGroups|.*Subnets|unread|flavor|workload|policy|labels?|enterpriseRouter|resource)$/.test(
          key,
        )
      )
        names.push(value, ...(value.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []));
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        // Label keys and values of workloads and selectors are names too.
        if (k === 'labels' || k === 'podSelector' || k === 'matchLabels')
          for (const [lk, lv] of Object.entries(v as Record<string, unknown>)) names.push(lk, String(lv));
        walk(v, k);
      }
  };
  walk(topology, undefined);
  return names;
}

/** Each human text of a Chinese diagnosis with the words left untranslated in it. */
function leftovers(flow: Diagnosis, names: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const check = (where: string, text: string) => {
    const words = untranslatedWords(text, names);
    if (words.length) found[`${where}: ${text}`] = words;
  };
  check('source.why', flow.source.why);
  for (const step of flow.steps) check(step.check, step.summary);
  for (const assumption of flow.assumptions) check('assumption', assumption);
  for (const fix of flow.fixes) check(`fix ${fix.kind}`, fix.render.text);
  return found;
}

function chinese(compiled: CompiledTopology, question: Question): readonly Diagnosis[] {
  try {
    return flowsOf(diagnose(compiled, question, { lang: 'zh' }));
  } catch (error) {
    if (error instanceof QuestionError) return [];
    throw error;
  }
}

function shipped(file: string): { topology: Topology; compiled: CompiledTopology } {
  const parsed = parseTopology(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`data/${file} does not load`);
  return { topology: parsed.topology, compiled: compileTopology(parsed.topology) };
}

describe('a whole answer in Chinese', () => {
  it('answers the seed questions the way Huawei words them', () => {
    const { compiled } = shipped('sample.yaml');
    const [flow] = chinese(compiled, parseQuestion('prod 的容器能 ping 通 192.168.10.52 吗'));
    expect(flow?.verdict).toBe('unreachable');
    expect(flow?.steps.find((s) => s.check === 'destination-sg')?.summary).toBe(
      '安全组 sg-db1 的入方向规则未放通容器网段 172.16.0.0/16（icmp echo）',
    );
    expect(flow?.fixes[0]?.render.text).toMatch(/^在安全组 sg-db1 中添加入方向规则：策略 允许，协议端口 ICMP/);
  });

  it.each(['sample.yaml', 'kubernetes.yaml', 'enterprise-router.yaml'])(
    'leaves no English in any answer about data/%s',
    (file) => {
      const { topology, compiled } = shipped(file);
      const names = namesOf(topology);
      const destinations = [...(topology.resources ?? []).map((r) => r.name), '8.8.8.8', '10.99.0.1', '172.16.0.10'];
      const problems: Record<string, string[]> = {};
      for (const cluster of topology.clusters ?? [])
        for (const destination of destinations)
          for (const workload of [null, ...(cluster.workloads ?? []).map((w) => w.name)])
            for (const flow of chinese(compiled, { cluster: cluster.name, workload, destination }))
              Object.assign(problems, leftovers(flow, names));
      expect(problems).toEqual({});
    },
  );

  it('leaves no English in answers about generated topologies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 39 }), (seed, index) => {
        const topology = generateTopology('small', seed);
        const question = generateQuestions(topology, 40, seed)[index];
        if (!question) return;
        const names = namesOf(topology);
        for (const flow of chinese(compileTopology(topology), toQuestion(question)))
          expect(leftovers(flow, names)).toEqual({});
      }),
      { numRuns: 80 },
    );
  });
});
