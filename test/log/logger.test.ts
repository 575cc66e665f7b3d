import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boltLogger, createLogger, maskSecrets } from '../../src/log/logger.js';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('never writes tokens, the signing secret or file content, whether in fields, messages or errors', () => {
    const out = capture();
    const logger = createLogger({ level: 'debug', destination: out.stream, secrets: ['shhh-signing-secret'] });
    logger.info({ token: 'xoxb-111-222-aaa', headers: { authorization: 'Bearer xoxb-111-222-aaa' } }, 'hello');
    logger.info({ request: { appToken: 'xapp-1-A-2-b' } }, 'socket');
    logger.warn('signing with shhh-signing-secret and xoxb-999-888-zzz');
    logger.error({ err: new Error('bad token xapp-1-A-2-bbb') }, 'failed');
    logger.info({ file: { name: 'topo.yaml', content: 'version: 1\nsecret-topology' } }, 'file');
    logger.debug({ nested: { deeper: { url: 'https://x/?token=xoxb-1-2-3' } } }, 'deep');
    const text = out.text();
    for (const secret of [
      'xoxb-111-222-aaa',
      'xapp-1-A-2-b',
      'shhh-signing-secret',
      'xoxb-999',
      'secret-topology',
      'xoxb-1-2-3',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('topo.yaml');
    expect(text).toContain('[redacted]');
  });

  it('masks tokens in plain text', () => {
    expect(maskSecrets('a xoxb-12-34-ab b xapp-1-x c')).toBe('a xoxb-[redacted] b xapp-[redacted] c');
  });
});

describe('boltLogger', () => {
  it('passes Bolt log calls through the same redaction and honours setLevel', () => {
    const out = capture();
    const bolt = boltLogger(createLogger({ level: 'debug', destination: out.stream }));
    bolt.debug('http request', { token: 'xoxb-5-6-secret' });
    bolt.error(new Error('an error with xapp-9-9-9'));
    bolt.setLevel('warn' as never);
    bolt.info('dropped line');
    expect(out.text()).not.toContain('xoxb-5-6-secret');
    expect(out.text()).not.toContain('xapp-9-9-9');
    expect(out.text()).toContain('http request');
    expect(out.text()).not.toContain('dropped line');
    expect(bolt.getLevel()).toBe('warn');
  });
});
