// Shared topology files: which files count, their import name, and the download (token only to Slack, size cap).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/registry.js';
import { createLogger } from '../../src/log/logger.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import {
  importName,
  importSharedFile,
  MAX_TOPOLOGY_BYTES,
  mayCarryToken,
  type SharedFile,
  topologyFiles,
} from '../../src/slack/file-import.js';
import { MemoryStore } from '../../src/store/memory-store.js';

describe('topologyFiles', () => {
  it('keeps YAML and JSON files and drops everything else, validating Slack’s file objects', () => {
    const files = topologyFiles([
      { id: 'F1', name: 'prod.yaml' },
      { id: 'F2', name: 'diagram.png', filetype: 'png' },
      { id: 'F3', name: 'export', filetype: 'json' },
      { name: 'no-id.yaml' },
      'garbage',
    ]);
    expect(files.map((file) => file.id)).toEqual(['F1', 'F3']);
    expect(topologyFiles(undefined)).toEqual([]);
  });
});

describe('importName', () => {
  it('takes the name from `topology import NAME`, else from the file name', () => {
    expect(importName('topology import prod-net', { id: 'F1', name: 'x.yaml' })).toBe('prod-net');
    expect(importName('import staging', { id: 'F1', name: 'x.yaml' })).toBe('staging');
    expect(importName('', { id: 'F1', name: 'CN North 4 (prod).yml' })).toBe('CN-North-4-prod-');
    expect(importName('', { id: 'F1' })).toBe('F1');
  });
});

describe('downloading shared files', () => {
  const TOKEN = 'xoxb-test-token-4d';

  /** Deps over a memory store with a recording fetch that serves `serve(url)`; logs collected. */
  function setup(serve: (url: string) => Response, slackApiUrl?: string) {
    const lines: string[] = [];
    const calls: { url: string; authorization: string | null }[] = [];
    const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, authorization: new Headers(init?.headers).get('authorization') });
      return serve(url);
    }) as typeof fetch;
    const deps: SlackDeps = {
      store: new MemoryStore(),
      logger: createLogger({
        level: 'debug',
        destination: new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      }),
      now: () => new Date('2026-03-01T00:00:00Z'),
      admins: new Set(['UADMIN']),
      registry: createRegistry(),
      botToken: TOKEN,
      fetch: fetchFn,
      ...(slackApiUrl ? { slackApiUrl } : {}),
    };
    const importFile = (file: SharedFile, words = '') =>
      importSharedFile(
        {
          file,
          words,
          userId: 'UADMIN',
          channelId: 'D1',
          client: {} as Parameters<typeof importSharedFile>[0]['client'],
        },
        deps,
      );
    return { deps, calls, logs: () => lines.join(''), importFile };
  }

  it('allows only Slack hosts over HTTPS, or the configured API host', () => {
    expect(mayCarryToken('https://files.slack.com/files-pri/T1-F1/download/a.yaml')).toBe(true);
    expect(mayCarryToken('https://acme.enterprise.slack.com/files/a')).toBe(true);
    expect(mayCarryToken('http://files.slack.com/a')).toBe(false);
    expect(mayCarryToken('https://files.slack.com.evil.example/a')).toBe(false);
    expect(mayCarryToken('https://evilslack.com/a')).toBe(false);
    expect(mayCarryToken('https://files.slack.com:8443/a')).toBe(false);
    expect(mayCarryToken('not a url')).toBe(false);
    expect(mayCarryToken('http://127.0.0.1:4100/files/a.yaml', 'http://127.0.0.1:4100/api/')).toBe(true);
    expect(mayCarryToken('http://127.0.0.1:4101/files/a.yaml', 'http://127.0.0.1:4100/api/')).toBe(false);
  });

  it('never sends the token to a download URL off Slack, and logs a warning', async () => {
    const { calls, logs, importFile } = setup(() => new Response('version: 1'));
    const reply = await importFile({
      id: 'F1',
      name: 'prod.yaml',
      url_private_download: 'https://evil.example/x.yaml',
    });
    expect(calls).toEqual([]);
    expect(reply.text).toMatch(/not on Slack's file host \(evil\.example\)/);
    expect(logs()).toContain('refused to send the bot token to a host that is not Slack');
    expect(logs()).not.toContain(TOKEN);
  });

  it('checks the host of every redirect before following it', async () => {
    const { calls, importFile } = setup(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/steal' } }),
    );
    const reply = await importFile({
      id: 'F2',
      name: 'prod.yaml',
      url_private_download: 'https://files.slack.com/f/2',
    });
    expect(calls.map((c) => c.url)).toEqual(['https://files.slack.com/f/2']);
    expect(reply.text).toMatch(/evil\.example/);
  });

  it('sends the token to Slack and stops reading a file over the cap with a clear message', async () => {
    const { calls, importFile } = setup(() => new Response('#'.repeat(MAX_TOPOLOGY_BYTES + 1)));
    const reply = await importFile({ id: 'F3', name: 'big.yaml', url_private_download: 'https://files.slack.com/f/3' });
    expect(calls).toEqual([{ url: 'https://files.slack.com/f/3', authorization: `Bearer ${TOKEN}` }]);
    expect(reply.text).toMatch(/files shared in Slack are limited to 2\.0 MB; import a larger topology with the CLI/);
  });

  it("logs the shared file's name under its own key, never over the logger's `name`", async () => {
    const { logs, importFile } = setup(() => new Response('version: 1\n'));
    await importFile({ id: 'F5', name: 'prod.yaml', url_private_download: 'https://files.slack.com/f/5' });
    const line = logs()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'importing a shared topology file');
    expect(line).toMatchObject({ name: 'reachbot', fileName: 'prod.yaml', file: 'F5' });
  });

  it('tells a non-admin who the admins are', async () => {
    const { deps } = setup(() => new Response('version: 1\n'));
    const reply = await importSharedFile(
      {
        file: { id: 'F6', name: 'prod.yaml', url_private_download: 'https://files.slack.com/f/6' },
        words: '',
        userId: 'UOTHER',
        channelId: 'D1',
        client: {} as Parameters<typeof importSharedFile>[0]['client'],
      },
      deps,
    );
    expect(reply.text).toContain('only reachbot admins may run it');
    expect(reply.text).toContain('<@UADMIN>');
  });

  it('refuses a file Slack says is over the cap without downloading it', async () => {
    const { calls, importFile } = setup(() => new Response(''));
    const reply = await importFile({
      id: 'F4',
      name: 'big.yaml',
      size: 50 * 1024 * 1024,
      url_private_download: 'https://files.slack.com/f/4',
    });
    expect(calls).toEqual([]);
    expect(reply.text).toMatch(/it is 50\.0 MB; files shared in Slack are limited to 2\.0 MB/);
  });

  it('answers a file shared with Chinese words in Chinese, why it was refused included', async () => {
    const { importFile } = setup(() => new Response(''));
    const big = {
      id: 'F5',
      name: 'big.yaml',
      size: 50 * 1024 * 1024,
      url_private_download: 'https://files.slack.com/f/5',
    };
    const reply = await importFile(big, '导入 prod');
    expect(reply.text).toBe(
      ':x: 无法下载 `big.yaml`：文件大小为 50.0 MB；在 Slack 中分享的文件不能超过 2.0 MB，更大的拓扑请用命令行导入（`reachbot topology import`）',
    );
    const offSlack = await importFile(
      { id: 'F6', name: 'a.yaml', url_private_download: 'https://evil.example/a' },
      '导入',
    );
    expect(offSlack.text).toContain('它的下载地址不在 Slack 的文件服务器上（evil.example），因此没有下载');
  });
});
