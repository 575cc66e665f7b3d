// Reverse answers are forward answers asked one by one: the property over generated topologies, the
// grouping that keeps 200 sources to a few lines, and the parser's English and Chinese forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { QuestionError } from '../../src/question/errors.js';
import { parseReverseQuestion } from '../../src/question/reverse.js';
import { groupEntries, renderReverseBlocks, renderReverseSummary } from '../../src/reverse/render.js';
import { answerReverse, blockerOf, INTERNET_PROBE, type ReverseAnswer } from '../../src/reverse/reverse.js';
import { compileTopology } from '../../src/topology/compile.js';

const flows = fc.constantFrom(
  {},
  { protocol: 'tcp' as const, port: 3306 },
  { protocol: 'tcp' as const, port: 443 },
  { protocol: 'udp' as const, port: 53 },
  { protocol: 'icmp' as const },
);

function forwardVerdicts(compiled: ReturnType<typeof compileTopology>, answer: ReverseAnswer): string[] {
  return answer.entries.map((entry) => diagnose(compiled, entry.question).verdict);
}

// The blocking step and first fix of each forward question walked in full (fixes as found on the first walk).
function forwardBlockers(compiled: ReturnType<typeof compileTopology>, answer: ReverseAnswer): unknown[] {
  return answer.entries.map((entry) => blockerOf(diagnose(compiled, entry.question, { verifyFixes: false })));
}

describe('reverse answers agree with the forward questions asked one by one', () => {
  it('who can reach a resource: every cluster and workload', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), flows, fc.boolean(), (seed, pick, flow, workloads) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        const resources = topology.resources ?? [];
        const destination = resources[pick % resources.length]!.name;
        const answer = answerReverse(compiled, { kind: 'sources', destination, workloads, ...flow });
        const clusters = topology.clusters ?? [];
        const expected = clusters.length + (workloads ? clusters.flatMap((c) => c.workloads ?? []).length : 0);
        expect(answer.entries).toHaveLength(expected);
        expect(answer.entries.map((e) => e.verdict)).toEqual(forwardVerdicts(compiled, answer));
        expect(answer.entries.map((e) => e.blocker)).toEqual(forwardBlockers(compiled, answer));
        for (const entry of answer.entries) {
          expect(entry.question.destination).toBe(destination);
          if (entry.verdict === 'unreachable') expect(entry.blocker?.check).toMatch(/^[a-z-]+$/);
        }
        const counted = answer.counts.reachable + answer.counts.unreachable + answer.counts.uncertain;
        expect(counted).toBe(answer.entries.length);
      }),
      { numRuns: 25 },
    );
  });

  it('what can a cluster reach: every resource and the internet', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), flows, (seed, pick, flow) => {
        const topology = generateTopology('small', seed);
        const compiled = compileTopology(topology);
        const clusters = topology.clusters ?? [];
        const cluster = clusters[pick % clusters.length]!;
        const answer = answerReverse(compiled, {
          kind: 'destinations',
          cluster: cluster.name,
          workload: null,
          ...flow,
        });
        expect(answer.entries.map((e) => e.label)).toEqual([
          ...(topology.resources ?? []).map((r) => r.name),
          'the internet',
        ]);
        expect(answer.entries.at(-1)?.question.destination).toBe(INTERNET_PROBE);
        expect(answer.entries.map((e) => e.verdict)).toEqual(forwardVerdicts(compiled, answer));
        expect(answer.entries.map((e) => e.blocker)).toEqual(forwardBlockers(compiled, answer));
      }),
      { numRuns: 20 },
    );
  });

  it('an unknown destination is the asker’s mistake, said once', () => {
    const compiled = compileTopology(generateTopology('small', 3));
    expect(() => answerReverse(compiled, { kind: 'sources', destination: 'no-such-db', workloads: true })).toThrow(
      QuestionError,
    );
  });
});

describe('grouping keeps large answers short', () => {
  it('200 clusters make a few groups and one Slack message', () => {
    const compiled = compileTopology(generateTopology('large', 1));
    const destination = compiled.topology.resources![7]!.name;
    const answer = answerReverse(compiled, {
      kind: 'sources',
      destination,
      workloads: false,
      protocol: 'tcp',
      port: 443,
    });
    expect(answer.entries).toHaveLength(200);
    const groups = groupEntries(answer);
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(200);
    const summary = renderReverseSummary(answer);
    expect(summary.split('\n')).toHaveLength(2 + groups.length);
    expect(summary).toMatch(/and \d+ more/);
    expect(summary.length).toBeLessThan(3000);
    const blocks = renderReverseBlocks(answer);
    expect(blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('parseReverseQuestion', () => {
  it.each([
    ['who can reach db1:3306?', { kind: 'sources', destination: 'db1', workloads: true, protocol: 'tcp', port: 3306 }],
    ['which clusters can reach redis-main?', { kind: 'sources', destination: 'redis-main', workloads: false }],
    [
      'Which pods can access 192.168.10.52 on udp/53',
      { kind: 'sources', destination: '192.168.10.52', workloads: true, protocol: 'udp', port: 53 },
    ],
    ['who can ping db1', { kind: 'sources', destination: 'db1', workloads: true, protocol: 'icmp' }],
    [
      '<@U123> who can reach `db1` port 3306?',
      { kind: 'sources', destination: 'db1', workloads: true, protocol: 'tcp', port: 3306 },
    ],
    ['what can pods in prod reach?', { kind: 'destinations', cluster: 'prod', workload: null }],
    [
      'what can payments/api in prod reach on 443?',
      { kind: 'destinations', cluster: 'prod', workload: 'payments/api', protocol: 'tcp', port: 443 },
    ],
    ['which resources can staging access', { kind: 'destinations', cluster: 'staging', workload: null }],
    ['谁能访问 db1:3306', { kind: 'sources', destination: 'db1', workloads: true, protocol: 'tcp', port: 3306 }],
    ['哪些集群能访问 redis-main？', { kind: 'sources', destination: 'redis-main', workloads: false }],
    [
      '哪些 pod 可以访问 db1 的 3306 端口',
      { kind: 'sources', destination: 'db1', workloads: true, protocol: 'tcp', port: 3306 },
    ],
    ['db1 能被哪些集群访问', { kind: 'sources', destination: 'db1', workloads: false }],
    ['prod 的 pod 能访问哪些资源', { kind: 'destinations', cluster: 'prod', workload: null }],
    ['prod 集群能访问什么', { kind: 'destinations', cluster: 'prod', workload: null }],
  ])('%s', (text, expected) => {
    expect(parseReverseQuestion(text)).toEqual(expected);
  });

  it.each([
    'can pod in prod reach db1?',
    'prod -> db1 3306',
    'what about 3306',
    'why can’t prod ping 10.1.1.20',
    'prod 的容器能访问 192.168.10.52:3306 吗',
  ])('leaves forward questions alone: %s', (text) => {
    expect(parseReverseQuestion(text)).toBeNull();
  });

  it('a reverse form with a bad inside is an error with the reverse forms', () => {
    expect(() => parseReverseQuestion('who can reach 10.0.0.0/16')).toThrow(/CIDR/);
    try {
      parseReverseQuestion('who can reach db1:99999');
    } catch (error) {
      expect(error).toBeInstanceOf(QuestionError);
      expect((error as QuestionError).suggestions).toContain('who can reach db1:3306?');
    }
  });
});
