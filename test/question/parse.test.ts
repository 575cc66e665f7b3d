import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIp } from '../../src/net/address.js';
import { QuestionError } from '../../src/question/errors.js';
import { parseQuestion, QUESTION_FORMS } from '../../src/question/parse.js';
import type { Question } from '../../src/question/question.js';
import { isReservedWord } from '../../src/question/tokens.js';
import { catchQuestionError } from '../fixtures/question/catch-question-error.js';

const q = (cluster: string, destination: string, extra: Partial<Question> = {}): Question => ({
  cluster,
  workload: null,
  destination,
  ...extra,
});

describe('parseQuestion: the forms of the spec', () => {
  it.each([
    ['can pod in prod reach 192.168.10.52?', q('prod', '192.168.10.52')],
    ['can prod reach 192.168.10.52:3306', q('prod', '192.168.10.52', { protocol: 'tcp', port: 3306 })],
    ['prod -> db1 tcp/3306', q('prod', 'db1', { protocol: 'tcp', port: 3306 })],
    [
      'can payments/api in prod reach redis-main on 6379?',
      q('prod', 'redis-main', { workload: 'payments/api', protocol: 'tcp', port: 6379 }),
    ],
    ["why can't prod ping 10.1.1.20", q('prod', '10.1.1.20', { protocol: 'icmp' })],
    ['prod 192.168.10.52 udp/53', q('prod', '192.168.10.52', { protocol: 'udp', port: 53 })],
    ['prod 的容器能访问 192.168.10.52:3306 吗', q('prod', '192.168.10.52', { protocol: 'tcp', port: 3306 })],
    ['prod 集群的 pod 访问 10.1.1.20 不通', q('prod', '10.1.1.20')],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });

  it('every documented form parses', () => {
    for (const form of QUESTION_FORMS) expect(() => parseQuestion(form)).not.toThrow();
  });
});

describe('parseQuestion: spellings', () => {
  it.each([
    ['CAN POD IN PROD REACH DB1?', q('PROD', 'DB1')],
    ['Can the pods in prod reach db1.', q('prod', 'db1')],
    ['can pods from prod reach db1', q('prod', 'db1')],
    ['from prod, can I reach db1 on port 22?', q('prod', 'db1', { protocol: 'tcp', port: 22 })],
    ['can I reach db1 from payments/api in prod?', q('prod', 'db1', { workload: 'payments/api' })],
    ['can prod reach db1 :3306', q('prod', 'db1', { protocol: 'tcp', port: 3306 })],
    ['can prod reach db1 port 3306', q('prod', 'db1', { protocol: 'tcp', port: 3306 })],
    ['can prod reach db1 on port 3306 over tcp', q('prod', 'db1', { protocol: 'tcp', port: 3306 })],
    ['can prod reach 10.1.1.10 over udp 53', q('prod', '10.1.1.10', { protocol: 'udp', port: 53 })],
    ['prod -> 10.1.1.10 53/udp', q('prod', '10.1.1.10', { protocol: 'udp', port: 53 })],
    ['prod->db1', q('prod', 'db1')],
    ['prod → db1', q('prod', 'db1')],
    ['prod db1 3306', q('prod', 'db1', { protocol: 'tcp', port: 3306 })],
    ["why can't prod reach db1?", q('prod', 'db1')],
    ['why can’t prod reach db1?', q('prod', 'db1')],
    ['prod cannot ping db1', q('prod', 'db1', { protocol: 'icmp' })],
    ['can pod in prod ping 10.1.1.20', q('prod', '10.1.1.20', { protocol: 'icmp' })],
    ['can prod reach 10.1.1.20 icmp', q('prod', '10.1.1.20', { protocol: 'icmp' })],
    ['can pods on prod connect to db1', q('prod', 'db1')],
    ['is the prod cluster able to reach db1', q('prod', 'db1')],
    ['can pod in cluster prod reach db1', q('prod', 'db1')],
    ['can the prod pods talk to redis-main:6379?', q('prod', 'redis-main', { protocol: 'tcp', port: 6379 })],
    ['prod payments/api db1', q('prod', 'db1', { workload: 'payments/api' })],
    ['can prod reach [2407:c080:1200:10::52]:443', q('prod', '2407:c080:1200:10::52', { protocol: 'tcp', port: 443 })],
    ['can prod reach 2407:C080::1?', q('prod', '2407:c080::1')],
    ['can prod reach [2407::1]', q('prod', '2407::1')],
    ['prod 2407::1 udp/53', q('prod', '2407::1', { protocol: 'udp', port: 53 })],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });

  it.each([
    ['prod集群的pod访问10.1.1.20不通', q('prod', '10.1.1.20')],
    ['prod的容器能访问192.168.10.52:3306吗？', q('prod', '192.168.10.52', { protocol: 'tcp', port: 3306 })],
    ['prod 的容器能访问 db1 的 3306 端口吗', q('prod', 'db1', { protocol: 'tcp', port: 3306 })],
    ['prod 的容器能访问 db1 端口 3306 吗', q('prod', 'db1', { protocol: 'tcp', port: 3306 })],
    [
      'prod 集群的 payments/api 访问 redis-main：6379 不通',
      q('prod', 'redis-main', { workload: 'payments/api', protocol: 'tcp', port: 6379 }),
    ],
    ['从 prod 访问 db1', q('prod', 'db1')],
    ['prod 连不上 db1', q('prod', 'db1')],
    ['为什么 prod 的 pod ping 不通 10.1.1.20', q('prod', '10.1.1.20', { protocol: 'icmp' })],
    ['在 prod 集群里的 pod 能否访问 10.1.1.20 udp/53', q('prod', '10.1.1.20', { protocol: 'udp', port: 53 })],
  ])('Chinese: %s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });
});

describe('parseQuestion: errors say what was not understood, with the forms', () => {
  it.each([
    ['', /empty/],
    ['hello', /cluster/],
    ['can prod reach', /what the pods should reach/],
    ['can prod reach 192.168.10.300', /192\.168\.10\.300.*not a valid IPv4/],
    ['can prod reach 10.0.0.0/16', /CIDR/],
    ['can prod reach db1:70000', /70000/],
    ['can prod reach db1 port 0', /port 0/],
    ['can prod ping db1:22', /ICMP/],
    ['prod db1 tcp', /tcp needs a port/],
    ['can prod reach db1:22 on 23', /two different ports/],
    ["why can't prod reach db 1 on 3306?", /db on port 1.*port 3306.*the name db1, write it without a space/],
    ['can prod reach 10.0.0.5 1 on 3306', /two different ports \(3306 and 1\)/],
    ['can prod reach redis-main 6379 on 6380', /two different ports \(6380 and 6379\)/],
    ['can prod reach mongodb+srv://db1', /"mongodb\+srv:\/\/db1" has no port.*db1:PORT/],
    ['can prod reach 2407::1::2', /IPv6/],
    ['can prod reach db1 db2', /one destination/],
    ['can pod in reach db1', /cluster/],
    ['can prod reach db1 tcp/22 udp/22', /two different protocols/],
  ])('%j', (text, message) => {
    const error = catchQuestionError(() => parseQuestion(text));
    expect(error.message).toMatch(message);
    expect(error.suggestions).toEqual(expect.arrayContaining([...QUESTION_FORMS]));
  });

  it('puts the forms in the asker’s language first', () => {
    const english = catchQuestionError(() => parseQuestion('hello'));
    const chinese = catchQuestionError(() => parseQuestion('你好'));
    expect(english.suggestions[0]).toMatch(/^[ -~]+$/);
    expect(chinese.suggestions[0]).toMatch(/[\u4e00-\u9fff]/);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties.

const nameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,11}$/).filter((name) => !isReservedWord(name));
const workloadArb = fc.tuple(nameArb, nameArb).map(([ns, n]) => `${ns.toLowerCase()}/${n}`);
const destinationArb = fc.oneof(fc.ipV4(), fc.ipV6(), nameArb);
const portArb = fc.integer({ min: 1, max: 65535 });
type Flow = { protocol?: 'tcp' | 'udp' | 'icmp'; port?: number };
const flowArb: fc.Arbitrary<Flow> = fc.oneof(
  fc.constant({}),
  portArb.map((port) => ({ protocol: 'tcp' as const, port })),
  portArb.map((port) => ({ protocol: 'udp' as const, port })),
  fc.constant({ protocol: 'icmp' as const }),
);

const isV6 = (d: string) => d.includes(':');
const withPort = (d: string, port: number) => (isV6(d) ? `[${d}]:${port}` : `${d}:${port}`);

/** The destination with its protocol and port, in one of the spellings people use. */
function spell(d: string, flow: Flow, style: number): string {
  if (flow.protocol === 'icmp') return [`${d} icmp`, `${d} over icmp`][style % 2]!;
  if (flow.protocol === 'tcp') {
    const p = flow.port!;
    return [withPort(d, p), `${d} on ${p}`, `${d} port ${p}`, `${d} tcp/${p}`, `${d} on port ${p}`][style % 5]!;
  }
  if (flow.protocol === 'udp') {
    const p = flow.port!;
    return [`${d} udp/${p}`, `${d} udp ${p}`, `${d} ${p}/udp`, `${d} over udp/${p}`][style % 4]!;
  }
  return d;
}

const TEMPLATES: ((c: string, D: string) => string)[] = [
  (c, D) => `can pod in ${c} reach ${D}?`,
  (c, D) => `can ${c} reach ${D}`,
  (c, D) => `${c} -> ${D}`,
  (c, D) => `${c} ${D}`,
  (c, D) => `why can't ${c} reach ${D}?`,
  (c, D) => `can the pods in ${c} access ${D}`,
  (c, D) => `from ${c} can I reach ${D}`,
  (c, D) => `${c} 的容器能访问 ${D} 吗`,
  (c, D) => `${c} 集群的 pod 访问 ${D} 不通`,
  (c, D) => `${c}的容器能访问 ${D} 吗？`,
];

function expected(cluster: string, destination: string, flow: Flow, workload: string | null = null): Question {
  const ip = parseIp(destination);
  return { cluster, workload, destination: ip ? ip.text : destination, ...flow };
}

describe('parseQuestion: properties', () => {
  it('never throws anything but QuestionError', () => {
    const vocabulary = fc.constantFrom(
      'can',
      'pod',
      'in',
      'reach',
      'ping',
      'from',
      'on',
      'port',
      'tcp/',
      'udp',
      '->',
      ':',
      '[',
      ']',
      '::',
      '的',
      '容器',
      '访问',
      '吗',
      '集群',
      '端口',
      '1.2.3.4',
      '999999',
      'prod',
      'db1',
      '?',
      '2407::1',
      '[2407::1]:443',
      '/',
      'cluster',
      '0',
      '-',
      '→',
      'NaN',
      '__proto__',
      'constructor',
    );
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(fc.oneof(vocabulary, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((w) => w.join(' ')),
      fc.array(fc.oneof(vocabulary, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((w) => w.join('')),
    );
    fc.assert(
      fc.property(input, (text) => {
        try {
          const question = parseQuestion(text);
          expect(question.cluster.length).toBeGreaterThan(0);
          expect(question.destination.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(QuestionError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips (cluster, destination, protocol, port) through every template', () => {
    fc.assert(
      fc.property(
        nameArb,
        destinationArb,
        flowArb,
        fc.nat(),
        fc.nat({ max: TEMPLATES.length - 1 }),
        (cluster, destination, flow, style, t) => {
          const text = TEMPLATES[t]!(cluster, spell(destination, flow, style));
          expect(parseQuestion(text), text).toEqual(expected(cluster, destination, flow));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips ping questions', () => {
    fc.assert(
      fc.property(nameArb, destinationArb, (cluster, destination) => {
        for (const text of [`why can't ${cluster} ping ${destination}`, `can pod in ${cluster} ping ${destination}?`]) {
          expect(parseQuestion(text), text).toEqual(expected(cluster, destination, { protocol: 'icmp' }));
        }
      }),
    );
  });

  it('round-trips workloads', () => {
    fc.assert(
      fc.property(
        nameArb,
        workloadArb,
        destinationArb,
        flowArb,
        fc.nat(),
        (cluster, workload, destination, flow, style) => {
          const D = spell(destination, flow, style);
          for (const text of [
            `can ${workload} in ${cluster} reach ${D}?`,
            `can I reach ${D} from ${workload} in ${cluster}`,
            `${cluster} 集群的 ${workload} 访问 ${D} 不通`,
          ]) {
            expect(parseQuestion(text), text).toEqual(expected(cluster, destination, flow, workload));
          }
        },
      ),
    );
  });
});
