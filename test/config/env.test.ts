import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseAdmins } from '../../src/config/env.js';

const BOT = 'xoxb-1-2-abc';
const APP = 'xapp-1-A1-2-def';

describe('loadConfig', () => {
  it('serves the operations endpoints on METRICS_PORT (9090 by default), never on the Slack port', () => {
    expect(loadConfig({}).metricsPort).toBe(9090);
    expect(loadConfig({ METRICS_PORT: '9100' }).metricsPort).toBe(9100);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: '9090' })).toThrow(
      'METRICS_PORT (9090) must differ from PORT',
    );
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(
      new ConfigError('METRICS_PORT is invalid (must be at most 65535, got "70000")'),
    );
  });

  it('listens on every interface unless LISTEN_HOST names one address (tests and sidecars use 127.0.0.1)', () => {
    expect(loadConfig({}).listenHost).toBeUndefined();
    expect(loadConfig({ LISTEN_HOST: '127.0.0.1' }).listenHost).toBe('127.0.0.1');
    expect(loadConfig({ LISTEN_HOST: '::1' }).listenHost).toBe('::1');
    expect(() => loadConfig({ LISTEN_HOST: 'localhost:80' })).toThrow(
      new ConfigError('LISTEN_HOST is invalid (must be an IP address, got "localhost:80")'),
    );
  });

  it('refuses to start the local shell where Slack is required (a container)', () => {
    expect(() => loadConfig({ REACHBOT_REQUIRE_SLACK: 'true' })).toThrow(
      /^SLACK_BOT_TOKEN is not set, and REACHBOT_REQUIRE_SLACK/,
    );
    expect(
      loadConfig({ REACHBOT_REQUIRE_SLACK: 'true', SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).transport.kind,
    ).toBe('socket');
    expect(loadConfig({ REACHBOT_REQUIRE_SLACK: 'false' }).transport.kind).toBe('shell');
  });

  it('chooses Socket Mode with a bot token and an app token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).transport).toEqual({
      kind: 'socket',
      botToken: BOT,
      appToken: APP,
    });
  });

  it('chooses HTTP with a bot token and a signing secret, on PORT or 3000', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's3cret' }).transport).toEqual({
      kind: 'http',
      botToken: BOT,
      signingSecret: 's3cret',
      port: 3000,
    });
    const withPort = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's3cret', PORT: '8080' });
    expect(withPort.transport).toMatchObject({ kind: 'http', port: 8080 });
  });

  it('falls back to the local shell with no Slack credentials, treating empty variables as unset', () => {
    expect(loadConfig({}).transport).toEqual({ kind: 'shell' });
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ' }).transport).toEqual({ kind: 'shell' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT }, /neither SLACK_APP_TOKEN|no way to receive events/],
    [{ SLACK_APP_TOKEN: APP }, /without SLACK_BOT_TOKEN/],
    [{ SLACK_SIGNING_SECRET: 'x' }, /without SLACK_BOT_TOKEN/],
    [{ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: APP }, /SLACK_BOT_TOKEN holds an app-level token/],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }, /SLACK_APP_TOKEN holds a bot token/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 'x' }, /must be a bot token/],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'x', PORT: 'eighty' }, /PORT/],
    [{ SLACK_API_URL: 'not a url' }, /SLACK_API_URL/],
    [{ REACHBOT_ADMINS: 'alice' }, /REACHBOT_ADMINS/],
  ])('rejects a misconfiguration with a clear message: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('normalises SLACK_API_URL to end in a slash, for WebClient method URLs', () => {
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9/api' }).slackApiUrl).toBe('http://127.0.0.1:9/api/');
  });

  it('reads the store path and admins', () => {
    const config = loadConfig({ REACHBOT_STORE: '/tmp/x.json', REACHBOT_ADMINS: 'U1ABC, W2DEF' });
    expect(config.storePath).toBe('/tmp/x.json');
    expect([...config.admins]).toEqual(['U1ABC', 'W2DEF']);
    expect(loadConfig({}).storePath).toBe('data/reachbot.json');
  });
});

describe('parseAdmins', () => {
  it('accepts commas and spaces and ignores empties', () => {
    expect([...parseAdmins(' U1AA,,U2BB  U3CC ')]).toEqual(['U1AA', 'U2BB', 'U3CC']);
    expect(parseAdmins(undefined).size).toBe(0);
  });
});
