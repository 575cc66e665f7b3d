// The chat shell driven through in-process streams: the same words get the same answers as in Slack.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { converse } from '../../src/commands/converse.js';
import { createRegistry } from '../../src/commands/registry.js';
import { plainText, renderOutcome, runShell } from '../../src/slack/shell.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FIXED_NOW, seedTopology } from './helpers.js';

async function drive(lines: string[], store?: MemoryStore): Promise<{ out: string; store: MemoryStore }> {
  const used = store ?? new MemoryStore();
  if (!store) await seedTopology(used);
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk) => chunks.push(String(chunk)));
  await runShell({
    input: Readable.from(lines.map((line) => `${line}\n`)),
    output,
    store: used,
    registry: createRegistry(),
    user: 'local:tester',
    now: () => FIXED_NOW,
  });
  return { out: chunks.join(''), store: used };
}

describe('runShell', () => {
  it('answers a question with the terminal diagnosis and ends at EOF', async () => {
    const { out } = await drive(['can pod in prod reach 192.168.10.52?']);
    expect(out).toMatch(/^✗ UNREACHABLE {2}can pod in prod reach 192\.168\.10\.52 \(db1\) on tcp\/3306\?\n/);
    expect(out).toContain('✗ destination-sg   no rule of sg-db allows tcp/3306 from 172.16.0.0/16');
    expect(out).toContain('--security_group_rule.remote_ip_prefix=172.16.0.0/16');
    // One fix form by default, as in Slack: the words plus KooCLI.
    expect(out).not.toContain('huaweicloud_networking_secgroup_rule');
  });

  it('answers a Chinese question in Chinese, the terminal frame included, and its errors too', async () => {
    const { out } = await drive(['prod 的容器能访问 192.168.10.52:3306 吗', 'prd 的容器能访问 db1 吗']);
    expect(out).toContain('✗ 无法访问  集群 prod 的容器能否通过 TCP 3306 访问 192.168.10.52 (db1)？');
    expect(out).toContain('目的端看到的源地址：172.16.0.0/16');
    expect(out).toContain('⚠ 未知的集群“prd”');
    expect(out).toContain('  可以这样问：prod');
  });

  it('keeps the conversation, so follow-ups work as in a Slack thread', async () => {
    const { out } = await drive(['prod -> db1 tcp/3306', 'and port 6379?', 'what about from staging?']);
    expect(out).toContain('can pod in prod reach db1 (192.168.10.52) on tcp/6379?');
    expect(out).toContain('can pod in staging reach db1 (192.168.10.52) on tcp/6379?');
  });

  it('gives exactly the Slack reply for commands, as plain text', async () => {
    const store = new MemoryStore();
    await seedTopology(store);
    const context = { store, userId: 'U1', channelId: 'C1', isAdmin: false, now: () => FIXED_NOW };
    const slackReply = await converse('clusters', context, createRegistry());
    if (slackReply.kind !== 'reply') throw new Error('expected a reply');
    const { out } = await drive(['clusters'], store);
    expect(out).toBe(`${plainText(slackReply.reply.text)}\n`);
    expect(out).toBe(
      'Clusters (2)\n• prod: vpc-router, VPC vpc-prod (topology prod-net)\n• staging: overlay_l2, VPC vpc-prod (topology prod-net)\n',
    );
  });

  it('prints what was not understood with suggestions, and stops at `exit`', async () => {
    const { out } = await drive(['can pod in prd reach 192.168.10.52?', 'exit', 'clusters']);
    expect(out).toContain('⚠ unknown cluster "prd"');
    expect(out).toContain('  try: prod');
    expect(out).not.toContain('Clusters (2)');
  });

  it('lets the local operator import pasted topologies (audited as the local user)', async () => {
    const { store } = await drive(['topology remove prod-net']);
    expect(store.data.topologies).toEqual({});
    expect(store.data.audit.at(-1)).toMatchObject({
      user: 'local:tester',
      channel: 'shell',
      action: 'topology remove',
      outcome: 'ok',
    });
  });
});

describe('renderOutcome', () => {
  it('prints an attachment in full when the reply text does not already hold it', () => {
    const out = renderOutcome({
      kind: 'reply',
      subcommand: 'x',
      reply: { text: '*Diff* below', attachment: { filename: 'd.txt', content: 'line 1\nline 2\n' } },
      lang: 'en',
    });
    expect(out).toBe('Diff below\nline 1\nline 2\n');
  });

  it('prints a reverse answer once: its details begin with the summary, which is not printed twice', async () => {
    const { out } = await drive(['what can pods in prod reach?']);
    const header = out.split('\n')[0]!;
    expect(header).toMatch(/^What can pods in prod reach\?/);
    expect(out.split('\n').filter((line) => line === header)).toHaveLength(1);
    expect(out).toMatch(/db1: (un)?reachable/);
  });
});

describe('plainText', () => {
  it('drops inline-code ticks and Slack entities but keeps code fences', () => {
    expect(plainText('VPC `vpc-prod` -&gt; a &amp; b &lt;id&gt;')).toBe('VPC vpc-prod -> a & b <id>');
    expect(plainText('```\nhcloud VPC X\n```')).toBe('```\nhcloud VPC X\n```');
  });
});

describe('the shell, as the docs promise', () => {
  it('keeps cron specs intact (no bold markers eaten)', () => {
    expect(plainText('`30 8 * * 1-5` or *weekdays 09:00*')).toBe('30 8 * * 1-5 or weekdays 09:00');
  });

  it('imports a topology pasted after `topology import NAME`, up to an empty line', async () => {
    const yaml = [
      'version: 1',
      'vpcs:',
      '  - id: vpc-lab',
      '    cidr: 10.9.0.0/16',
      '    subnets:',
      '      - { id: subnet-lab, cidr: 10.9.1.0/24 }',
    ];
    const { out, store } = await drive(['topology import lab', ...yaml, '', 'topologies']);
    expect(out).toContain('Imported topology `lab`'.replaceAll('`', ''));
    expect(store.data.topologies.lab?.topology.vpcs?.[0]?.id).toBe('vpc-lab');
  });
});
