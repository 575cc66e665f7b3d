// How on-call engineers actually type at 3 a.m., in Slack and in the shell: each phrasing either means exactly
// the question asked, or is "not understood" (never a different cluster or destination).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionError } from '../../src/question/errors.js';
import { type KnownNames, parseFollowUp, parseQuestion } from '../../src/question/parse.js';
import type { Question } from '../../src/question/question.js';
import { SCHEME_PORTS } from '../../src/question/tokens.js';
import { catchQuestionError } from '../fixtures/question/catch-question-error.js';

const q = (cluster: string, destination: string, extra: Partial<Question> = {}): Question => ({
  cluster,
  workload: null,
  destination,
  ...extra,
});
const tcp = (port: number): Partial<Question> => ({ protocol: 'tcp', port });
const udp = (port: number): Partial<Question> => ({ protocol: 'udp', port });
const icmp: Partial<Question> = { protocol: 'icmp' };
const api = (extra: Partial<Question> = {}): Partial<Question> => ({ workload: 'payments/api', ...extra });

describe('parseQuestion: English as typed in an incident', () => {
  it.each([
    ["prod can't reach 192.168.10.52:3306", q('prod', '192.168.10.52', tcp(3306))],
    ['prod → db1 3306', q('prod', 'db1', tcp(3306))],
    ['from prod to redis-main port 6379', q('prod', 'redis-main', tcp(6379))],
    ['check prod to 10.1.1.20', q('prod', '10.1.1.20')],
    ['verify prod -> db1 3306', q('prod', 'db1', tcp(3306))],
    // "test" is a likely cluster name, so it is never framing.
    ['can test reach db1', q('test', 'db1')],
    ['prod to db1 over udp 53', q('prod', 'db1', udp(53))],
    ['can prod pods talk to db1 on 3306', q('prod', 'db1', tcp(3306))],
    ['prod->db1:3306', q('prod', 'db1', tcp(3306))],
    ['prod->redis-main 6379?', q('prod', 'redis-main', tcp(6379))],
    ['prod → db1:3306.', q('prod', 'db1', tcp(3306))],
    ['prod -> db1 (3306)', q('prod', 'db1', tcp(3306))],
    ['prod to db1, port 3306', q('prod', 'db1', tcp(3306))],
    ['from prod: db1 3306', q('prod', 'db1', tcp(3306))],
    ['can prod reach db1 on udp 53', q('prod', 'db1', udp(53))],
    ['can prod reach db1 on tcp/3306', q('prod', 'db1', tcp(3306))],
    ['can prod reach db1 on 53/udp', q('prod', 'db1', udp(53))],
    ['prod->10.1.1.20 ping', q('prod', '10.1.1.20', icmp)],
    ['prod telnet db1 3306', q('prod', 'db1', tcp(3306))],
    ['prod -> db1 3306 timing out', q('prod', 'db1', tcp(3306))],
    ['prod to db1 3306 connection refused', q('prod', 'db1', tcp(3306))],
    ["why can't prod reach db1 anymore", q('prod', 'db1')],
    ['why is prod unable to reach db1', q('prod', 'db1')],
    ['prod 10.1.1.20:53/udp', q('prod', '10.1.1.20', udp(53))],
    ['prod -> [2407:c080::1]:53/udp', q('prod', '2407:c080::1', udp(53))],
    ['prod -> db1 port: 3306', q('prod', 'db1', tcp(3306))],
    ['prod —> db1 3306', q('prod', 'db1', tcp(3306))],
    ['prod > db1 3306', q('prod', 'db1', tcp(3306))],
    ['@reachbot can prod reach db1', q('prod', 'db1')],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });
});

describe('parseQuestion: the destination first ("reachable from")', () => {
  it.each([
    ['is 192.168.10.52 reachable from prod?', q('prod', '192.168.10.52')],
    ['is db1 reachable from prod on 3306', q('prod', 'db1', tcp(3306))],
    ['is db1:3306 reachable from pods in prod', q('prod', 'db1', tcp(3306))],
    ['db1 unreachable from prod', q('prod', 'db1')],
    ['can db1 be reached from prod on 3306?', q('prod', 'db1', tcp(3306))],
    ['is redis-main accessible from payments/api in prod', q('prod', 'redis-main', api())],
    ['10.1.1.20 unreachable from payments/api in prod', q('prod', '10.1.1.20', api())],
    ['db1 from prod', q('prod', 'db1')],
    ['db1 3306 from prod', q('prod', 'db1', tcp(3306))],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });
});

describe('parseQuestion: Slack formatting', () => {
  it.each([
    ['can prod reach <http://192.168.10.52:3306|192.168.10.52:3306>?', q('prod', '192.168.10.52', tcp(3306))],
    ['prod -> <http://db1.example.com|db1.example.com>:443', q('prod', 'db1.example.com', tcp(443))],
    ['prod -&gt; db1 3306', q('prod', 'db1', tcp(3306))],
    ['prod &gt; db1 3306', q('prod', 'db1', tcp(3306))],
    ["&gt; prod can't reach db1", q('prod', 'db1')],
    ['<@U012AB> can prod reach db1', q('prod', 'db1')],
    ['can “prod” reach “db1”?', q('prod', 'db1')],
    ['can prod reach db1?!', q('prod', 'db1')],
    ['`prod` 192.168.10.52', q('prod', '192.168.10.52')],
    ['can `prod` reach `192.168.10.52:3306`', q('prod', '192.168.10.52', tcp(3306))],
    ['can prod reach *192.168.10.52*', q('prod', '192.168.10.52')],
    ['can prod reach _db1_', q('prod', 'db1')],
    ['can prod reach 192.168.10.52 ?', q('prod', '192.168.10.52')],
    ['can prod curl http://10.1.1.20/health', q('prod', '10.1.1.20', tcp(80))],
    ['can prod curl https://[2407:c080::1]/x', q('prod', '2407:c080::1', tcp(443))],
    ['can prod reach http://10.1.1.20:8080/', q('prod', '10.1.1.20', tcp(8080))],
    ['can prod reach [2407:c080::1]:443', q('prod', '2407:c080::1', tcp(443))],
    // Connection strings, as pasted from a config or an error: the scheme's port, credentials and path dropped.
    ['can prod reach redis://redis-main', q('prod', 'redis-main', tcp(6379))],
    ['can prod reach mysql://app:s3cret@db1/orders?ssl=true', q('prod', 'db1', tcp(3306))],
    ['can prod reach jdbc:mysql://db1:3307/orders', q('prod', 'db1', tcp(3307))],
    ['can prod reach postgresql://10.1.1.20', q('prod', '10.1.1.20', tcp(5432))],
    ['can prod reach amqps://mq.internal:5671/vhost', q('prod', 'mq.internal', tcp(5671))],
    ['can prod reach MONGODB://db1', q('prod', 'db1', tcp(27017))],
    ['can prod reach custom://db1:9000', q('prod', 'db1', tcp(9000))],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });

  it('Slack-escaping any arrow question changes nothing', () => {
    const cluster = fc.constantFrom('prod', 'staging', 'demo');
    const target = fc.constantFrom('db1', '10.1.1.20', 'redis-main:6379', '192.168.10.52 udp/53');
    const arrow = fc.constantFrom('->', '=>', '→', '>', '-->');
    fc.assert(
      fc.property(cluster, arrow, target, (c, a, t) => {
        const text = `${c} ${a} ${t}`;
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        expect(parseQuestion(escaped)).toEqual(parseQuestion(text));
      }),
    );
  });
});

describe('parseQuestion: workloads', () => {
  it.each([
    ['payments/api in prod -> db1 3306', q('prod', 'db1', api(tcp(3306)))],
    ['prod/payments/api -> db1 3306', q('prod', 'db1', api(tcp(3306)))],
    ['from prod/payments/api to db1 3306', q('prod', 'db1', api(tcp(3306)))],
    ['prod/payments/api 访问 db1', q('prod', 'db1', api())],
    ['can payments/api pods in prod reach db1:3306', q('prod', 'db1', api(tcp(3306)))],
    ['can payments/api reach db1 from prod', q('prod', 'db1', api())],
    ['prod payments/api db1 3306', q('prod', 'db1', api(tcp(3306)))],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });
});

describe('parseQuestion: Chinese as typed in an incident', () => {
  it.each([
    ['prod 访问 db1 3306 端口不通', q('prod', 'db1', tcp(3306))],
    ['为什么 prod 连不上 redis-main', q('prod', 'redis-main')],
    ['prod 集群 ping 不通 10.1.1.20', q('prod', '10.1.1.20', icmp)],
    ['prod 到 10.1.1.20 ping 不通', q('prod', '10.1.1.20', icmp)],
    ['prod 192.168.10.52：3306', q('prod', '192.168.10.52', tcp(3306))],
    ['prod里的pod连不上192.168.10.52：3306', q('prod', '192.168.10.52', tcp(3306))],
    ['prod 集群访问 192.168.10.52:3306 超时', q('prod', '192.168.10.52', tcp(3306))],
    ['prod 集群连 10.1.1.20 一直超时', q('prod', '10.1.1.20')],
    ['prod 连接 db1 超时', q('prod', 'db1')],
    ['帮我查一下 prod 到 db1 3306 通不通', q('prod', 'db1', tcp(3306))],
    ['prod 到 db1:3306 连接被拒绝', q('prod', 'db1', tcp(3306))],
    ['从 prod 到 db1 3306 端口', q('prod', 'db1', tcp(3306))],
    ['prod 能否访问 db1 的 3306 端口？', q('prod', 'db1', tcp(3306))],
    ['prod 集群的 payments/api 访问 db1 不通', q('prod', 'db1', api())],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });
});

describe('parseQuestion: not understood rather than misread', () => {
  it.each([
    // netcat's flags change the protocol (-u is UDP): dropping them would answer a different question.
    'prod nc -zv db1 3306',
    'prod nc -u db1 53',
    'is 10.1.1.20 reachable from prod or staging',
    'prod to db1 and redis-main',
    'prod to db1 on 3306 or 3307',
    'can prod reach db1 on staging',
    'is db1 reachable?',
    'db1 从 prod 访问不了',
    'hi',
    // Commentary after the destination is not guessed away.
    "prod pods can't hit db1 on 3306 since deploy",
  ])('%s', (text) => {
    expect(() => parseQuestion(text)).toThrow(QuestionError);
  });
});

const previous: Question = q('prod', 'db1', tcp(3306));
const names: KnownNames = { clusters: ['prod', 'staging', 'demo'], resources: ['db1', 'redis-main', 'both'] };

describe('parseFollowUp: thread replies as typed', () => {
  it.each([
    ['what about 6379', q('prod', 'db1', tcp(6379))],
    ['what about 6379?', q('prod', 'db1', tcp(6379))],
    ['6379?', q('prod', 'db1', tcp(6379))],
    ['那 6379 呢', q('prod', 'db1', tcp(6379))],
    ['try udp', q('prod', 'db1', udp(3306))],
    ['try udp/53', q('prod', 'db1', udp(53))],
    ['from staging instead', q('staging', 'db1', tcp(3306))],
    ['try from staging', q('staging', 'db1', tcp(3306))],
    ['same for redis-main', q('prod', 'redis-main', tcp(3306))],
    ['and to 10.1.1.20?', q('prod', '10.1.1.20', tcp(3306))],
    ['how about ping', q('prod', 'db1', icmp)],
    ['same question from staging', q('staging', 'db1', tcp(3306))],
    ['what about redis-main 6379', q('prod', 'redis-main', tcp(6379))],
    ['what about prod/payments/api', q('prod', 'db1', api(tcp(3306)))],
    ['what about from staging/payments/api', q('staging', 'db1', api(tcp(3306)))],
    // Unled, a name the topology knows is as unmistakable as an address.
    ['redis-main?', q('prod', 'redis-main', tcp(3306))],
    ['staging instead', q('staging', 'db1', tcp(3306))],
    ['is it reachable from staging?', q('staging', 'db1', tcp(3306))],
    ['is 10.1.1.20 reachable?', q('prod', '10.1.1.20', tcp(3306))],
  ])('%s', (text, expected) => {
    expect(parseFollowUp(text, previous, names)).toEqual({ kind: 'question', question: expected });
  });

  it.each([
    ['try staging', 'staging'],
    ['same for staging', 'staging'],
    ['换成 staging 呢', 'staging'],
    ['what about demo?', 'demo'],
  ])('%s: a known cluster name changes the source, not the destination', (text, cluster) => {
    expect(parseFollowUp(text, previous, names)).toEqual({ kind: 'question', question: q(cluster, 'db1', tcp(3306)) });
  });

  it.each(['1', 'nvm', 'why?', 'thanks, that fixed it', 'to somewhere-else?'])(
    '%s is chat, not a follow-up',
    (text) => {
      expect(parseFollowUp(text, previous, names)).toBeNull();
    },
  );

  it('a name and a different address port are refused', () => {
    expect(() => parseFollowUp('what about redis-main:6379 6380', previous, names)).toThrow(QuestionError);
  });

  it('without the names, a bare name stays a destination (resolved, or refused, later)', () => {
    expect(parseFollowUp('try staging', previous)).toEqual({
      kind: 'question',
      question: q('prod', 'staging', tcp(3306)),
    });
  });

  it('a name that is both a cluster and a resource is asked back, not guessed', () => {
    const ambiguous: KnownNames = { clusters: ['both'], resources: ['both'] };
    expect(() => parseFollowUp('what about both', previous, ambiguous)).toThrow(/both a cluster and a resource/);
  });

  it.each([
    ['terraform please', 'terraform'],
    ['show api', 'api'],
    ['hcloud pls', 'hcloud'],
    ['show me the terraform', 'terraform'],
  ])('%s', (text, format) => {
    expect(parseFollowUp(text, previous, names)).toEqual({ kind: 'format', format });
  });
});

describe('parseQuestion: URLs', () => {
  it('reads every known scheme without a port as its default port, and never keeps the credentials', () => {
    for (const [scheme, port] of SCHEME_PORTS) {
      const question = parseQuestion(`can prod reach ${scheme}://user:hunter2@db1/x`);
      expect(question).toEqual(q('prod', 'db1', tcp(port)));
    }
  });

  it('never shows the password of a URL it cannot use in its error', () => {
    const error = catchQuestionError(() => parseQuestion('can prod reach unknown://admin:hunter2@db1/x'));
    expect(error.message).toContain('unknown://db1');
    expect(error.message).not.toContain('hunter2');
  });

  it('knows only its own schemes, not the names every object inherits', () => {
    for (const scheme of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const error = catchQuestionError(() => parseQuestion(`can prod reach ${scheme}://db1`));
      expect(error.message).toContain(`"${scheme.toLowerCase()}://db1" has no port`);
    }
  });
});
