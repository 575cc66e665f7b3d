import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionError } from '../../src/question/errors.js';
import { parseFollowUp, parseFormatRequest, parseQuestion } from '../../src/question/parse.js';

const previous = parseQuestion('can prod reach db1:3306');
const udpPrevious = parseQuestion('prod 10.1.1.10 udp/53');

describe('parseFollowUp', () => {
  it.each([
    ['and port 6379?', { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 6379 }],
    ['and on 6379', { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 6379 }],
    ['what about udp/53', { cluster: 'prod', workload: null, destination: 'db1', protocol: 'udp', port: 53 }],
    [
      'what about from staging?',
      { cluster: 'staging', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 },
    ],
    [
      'and from payments/api?',
      { cluster: 'prod', workload: 'payments/api', destination: 'db1', protocol: 'tcp', port: 3306 },
    ],
    [
      'what about from payments/api in staging',
      { cluster: 'staging', workload: 'payments/api', destination: 'db1', protocol: 'tcp', port: 3306 },
    ],
    [
      'what about payments/api in staging?',
      { cluster: 'staging', workload: 'payments/api', destination: 'db1', protocol: 'tcp', port: 3306 },
    ],
    ['and in staging?', { cluster: 'staging', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 }],
    [
      'what about 10.1.1.20',
      { cluster: 'prod', workload: null, destination: '10.1.1.20', protocol: 'tcp', port: 3306 },
    ],
    ['what about db2', { cluster: 'prod', workload: null, destination: 'db2', protocol: 'tcp', port: 3306 }],
    [
      'and redis-main:6379?',
      { cluster: 'prod', workload: null, destination: 'redis-main', protocol: 'tcp', port: 6379 },
    ],
    [
      'how about [2407::1]:443',
      { cluster: 'prod', workload: null, destination: '2407::1', protocol: 'tcp', port: 443 },
    ],
    ['and ping?', { cluster: 'prod', workload: null, destination: 'db1', protocol: 'icmp' }],
    ['and udp?', { cluster: 'prod', workload: null, destination: 'db1', protocol: 'udp', port: 3306 }],
    ['10.1.1.30?', { cluster: 'prod', workload: null, destination: '10.1.1.30', protocol: 'tcp', port: 3306 }],
    ['那 6379 端口呢', { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 6379 }],
    ['那从 staging 呢？', { cluster: 'staging', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 }],
  ])('%s', (text, question) => {
    expect(parseFollowUp(text, previous)).toEqual({ kind: 'question', question });
  });

  it('a new port after a udp question stays udp', () => {
    expect(parseFollowUp('and port 54?', udpPrevious)).toEqual({
      kind: 'question',
      question: { cluster: 'prod', workload: null, destination: '10.1.1.10', protocol: 'udp', port: 54 },
    });
  });

  it('a full question replaces the thread question', () => {
    expect(parseFollowUp('can staging reach redis-main on 6379?', previous)).toEqual({
      kind: 'question',
      question: { cluster: 'staging', workload: null, destination: 'redis-main', protocol: 'tcp', port: 6379 },
    });
    expect(parseFollowUp('and can turbo ping 10.1.1.20?', previous)).toEqual({
      kind: 'question',
      question: { cluster: 'turbo', workload: null, destination: '10.1.1.20', protocol: 'icmp' },
    });
  });

  it.each([
    ['show it as terraform', 'terraform'],
    ['as koocli/hcloud', 'hcloud'],
    ['as api', 'api'],
    ['As API please', 'api'],
    ['show me the fix as hcloud', 'hcloud'],
    ['in words', 'text'],
    ['tf?', 'terraform'],
    ['用 terraform 格式', 'terraform'],
  ])('format: %s', (text, format) => {
    expect(parseFollowUp(text, previous)).toEqual({ kind: 'format', format });
  });

  it.each(['thanks!', 'hello there', 'ok', 'what about it', '🎉', 'and', '', 'what about db1 in staging'])(
    'not a follow-up: %j',
    (text) => {
      expect(parseFollowUp(text, previous)).toBeNull();
    },
  );

  it('throws QuestionError for a recognizable but invalid follow-up', () => {
    expect(() => parseFollowUp('and port 70000?', previous)).toThrow(QuestionError);
    expect(() => parseFollowUp('what about 10.1.1.300', previous)).toThrow(QuestionError);
    expect(() => parseFollowUp('and ping db1:22', previous)).toThrow(QuestionError);
  });
});

describe('parseFormatRequest', () => {
  it('does not mistake names that contain a format word for a format', () => {
    expect(parseFormatRequest('what about api-gateway')).toBeNull();
    expect(parseFormatRequest('as terraform and api')).toBeNull();
  });
});

describe('parseFollowUp: properties', () => {
  it('never throws anything but QuestionError, and a question it returns is complete', () => {
    const words = fc.constantFrom(
      'and',
      'what about',
      'from',
      'port',
      '6379',
      'udp/53',
      'ping',
      'as',
      'terraform',
      'in',
      'staging',
      'payments/api',
      '10.1.1.20',
      '[2407::1]:443',
      ':',
      '那',
      '呢',
      '?',
      'db2:70000',
    );
    const input = fc.oneof(
      fc.string(),
      fc.array(fc.oneof(words, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(input, (text) => {
        try {
          const result = parseFollowUp(text, previous);
          if (result?.kind === 'question') {
            expect(result.question.cluster.length).toBeGreaterThan(0);
            expect(result.question.destination.length).toBeGreaterThan(0);
            if (result.question.port !== undefined) expect(['tcp', 'udp']).toContain(result.question.protocol);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(QuestionError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
