// Digests, change alerts and the watch/digest replies in a channel set to Chinese (`digest lang zh`): written in
// Chinese with the real engine's Chinese fixes, while an English channel keeps today's English. The setting is
// stored in the real file store and survives a reopen.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Subcommand } from '../../src/commands/subcommand.js';
import { onTopologyReplaced } from '../../src/digest/alerts.js';
import { channelLang, setChannelLang } from '../../src/digest/channel-lang.js';
import { realEngine } from '../../src/digest/default-engine.js';
import { blocksToText } from '../../src/digest/message-budget.js';
import { runScheduledDigest } from '../../src/digest/run.js';
import { createDigestSubcommands } from '../../src/digest/subcommands.js';
import { type FileStore, openFileStore } from '../../src/store/file-store.js';
import { putTopology } from '../../src/store/topologies.js';
import { untranslatedWords } from '../i18n/untranslated.js';
import { context, recordingPoster, storeWith, topology, watch } from './helpers.js';

const NAMES = ['prod', 'db1', 'cache1', 'sg-db', 'sg-cache', 'vpc-prod', 'subnet-nodes', 'orders', 'mysql'];
const HAN = /[\u4e00-\u9fff]/;

/** The English words left in a Slack text once its emoji codes (:warning:) and mrkdwn entities (&gt;) are read. */
function english(text: string): string[] {
  const read = text
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
  return untranslatedWords(read, NAMES);
}
const noSleep = async () => {};
const engine = realEngine();
const [watchCmd, unwatchCmd, watchesCmd, digestCmd] = createDigestSubcommands(engine) as [
  Subcommand,
  Subcommand,
  Subcommand,
  Subcommand,
];

/** The watches of two channels on the same paths: C-zh (Chinese) and C-en (English, the default). */
function twoChannels() {
  return storeWith({
    watches: [
      watch('C-zh', 'db1', 3306, {
        id: 'w1',
        label: '订单 → mysql',
        last: { verdict: 'reachable', at: '2026-03-01T00:00:00.000Z' },
      }),
      watch('C-zh', 'db1', 22, { id: 'w2' }),
      watch('C-en', 'db1', 3306, {
        id: 'w3',
        label: 'orders → mysql',
        last: { verdict: 'reachable', at: '2026-03-01T00:00:00.000Z' },
      }),
      watch('C-en', 'db1', 22, { id: 'w4' }),
    ],
    schedules: {
      'C-zh': {
        channel: 'C-zh',
        cron: '0 9 * * 1-5',
        spec: 'weekdays 09:00',
        timezone: 'Asia/Shanghai',
        mode: 'always',
      },
      'C-en': {
        channel: 'C-en',
        cron: '0 9 * * 1-5',
        spec: 'weekdays 09:00',
        timezone: 'Asia/Shanghai',
        mode: 'always',
      },
    },
  });
}

describe('a digest in the channel language', () => {
  it('is in Chinese for a channel set to zh (fixes included) and unchanged in English for the others', async () => {
    const store = twoChannels();
    const set = await digestCmd.run('lang zh', context(store, 'C-zh'));
    expect(set.text).toBe('本频道的摘要、变更告警和同步通知将使用中文。');
    const poster = recordingPoster();
    const now = new Date('2026-03-09T01:00:00Z');
    for (const channel of ['C-zh', 'C-en'])
      expect(await runScheduledDigest({ store, poster, engine, now: () => now, sleep: noSleep }, channel, now)).toBe(
        'sent',
      );

    const zh = poster.sent.find((m) => m.channel === 'C-zh');
    const en = poster.sent.find((m) => m.channel === 'C-en');
    const zhText = blocksToText(zh?.blocks ?? []);
    expect(zhText).toContain('连通性摘要：监控 2 条路径');
    expect(zhText).toContain('新出现的问题（2）');
    expect(zhText).toContain('可以访问 → *无法访问*');
    // The fix comes from the engine in Chinese, in the console's words.
    expect(zhText).toMatch(/修复：.*安全组 sg-db.*入方向规则/);
    expect(zhText).toContain('基于当前拓扑检查于 3月9日周一 09:00（Asia/Shanghai）');
    expect(english(zhText)).toEqual([]);
    expect(english(zh?.text ?? '')).toEqual([]);

    const enText = blocksToText(en?.blocks ?? []);
    expect(HAN.test(enText)).toBe(false);
    expect(enText).toContain('Reachability digest: 2 watched paths');
    expect(enText).toContain('*orders → mysql* (w3): reachable → *unreachable*');
    expect(enText).toContain('Fix: ');
    expect(enText).toContain(
      'Checked Mon 9 Mar, 09:00 (Asia/Shanghai) against the current topologies · schedule: weekdays 09:00',
    );
    expect(en?.text.startsWith('Reachability digest: 0 reachable, 2 unreachable, 0 uncertain. Newly broken:')).toBe(
      true,
    );
  });

  it('says an unchanged digest, an unknown topology and the counts in Chinese', async () => {
    const store = storeWith({
      watches: [
        watch('C-zh', 'db1', 22, { id: 'w1', last: { verdict: 'unreachable', at: '2026-03-01T00:00:00.000Z' } }),
        watch('C-zh', 'db1', 3306, { id: 'w2', topology: 'gone' }),
      ],
    });
    await digestCmd.run('lang zh', context(store, 'C-zh'));
    const preview = await digestCmd.run('now', context(store, 'C-zh'));
    expect(preview.text).toContain('自上次摘要以来没有变化。');
    expect(preview.text).toContain('仍有问题（1）');
    expect(preview.text).toContain('无法检查（1）');
    expect(preview.text).toContain('拓扑“gone”已不存在');
    expect(preview.text).toContain('预览，未发送任何消息');
    expect(english(preview.text.replace(/gone/g, 'prod'))).toEqual([]);
  });
});

describe('a change alert in the channel language', () => {
  it('tells a Chinese channel in Chinese and an English channel in English', async () => {
    const store = twoChannels();
    await digestCmd.run('lang zh', context(store, 'C-zh'));
    const before = topology({ db: ['3306'] });
    const after = topology({});
    await putTopology(store, { name: 'prod', topology: after, importedBy: 'U9' });
    const poster = recordingPoster();
    const alerts = await onTopologyReplaced(store, 'prod', before, after, poster, {
      engine,
      changedBy: 'U9',
      sleep: noSleep,
    });
    expect(alerts.map((a) => a.channel).sort()).toEqual(['C-en', 'C-zh']);
    const zh = alerts.find((a) => a.channel === 'C-zh');
    const zhText = blocksToText(zh?.blocks ?? []);
    expect(zhText).toContain('*拓扑 `prod` 已变更（变更人 <@U9>）：1 条监控路径出现问题。*');
    expect(zhText).toMatch(/订单 → mysql\* \(w1\): 可以访问 → \*无法访问\*\n\s+修复：/);
    expect(zhText).toContain('*变更内容*');
    // The diff too, in the channel's language: the removed rule as the console says it.
    expect(zhText).toMatch(/~ 安全组 sg-db\n\s+rules: -入方向 允许 tcp\/3306/);
    expect(zh?.text).toBe('拓扑 prod 已变更：1 条监控路径出现问题。出现问题：订单 → mysql。');
    expect(english(zhText)).toEqual([]);
    const en = alerts.find((a) => a.channel === 'C-en');
    expect(en?.text).toBe('Topology prod changed: 1 watched path broke. Broke: orders → mysql.');
    expect(blocksToText(en?.blocks ?? [])).toContain('*Change*');
    expect(blocksToText(en?.blocks ?? [])).toMatch(/~ security group sg-db\n\s+rules: -ingress allow tcp\/3306/);
  });
});

describe('watch and digest replies in the channel language', () => {
  it('answers watch, watches, unwatch and digest in Chinese once the channel is set to zh', async () => {
    const store = storeWith({});
    const ctx = context(store, 'C-zh');
    await digestCmd.run('lang zh', ctx);
    const watched = await watchCmd.run('prod db1:3306', ctx);
    expect(watched.text.split('\n')[1]).toMatch(/^当前：\*无法访问\*。修复：.*安全组 sg-db/);
    const scheduled = await digestCmd.run('weekdays 09:00 Asia/Shanghai on-change', ctx);
    expect(scheduled.text).toMatch(
      /^摘要：`weekdays 09:00`（Asia\/Shanghai），仅在有变化时发送；下一次 .+（Asia\/Shanghai）。 监控 1 条路径。$/,
    );
    const list = await watchesCmd.run('', ctx);
    expect(list.text).toContain('本频道的监控（1）');
    const missing = await unwatchCmd.run('w9', ctx);
    expect(missing.text).toContain('本频道没有监控“w9”');
    const stopped = await unwatchCmd.run('w1', ctx);
    expect(stopped.text).toBe('已停止监控 *prod → db1 tcp/3306* (w1)。');
    const off = await digestCmd.run('off', ctx);
    expect(off.text).toBe('摘要已停止（原计划为 `weekdays 09:00`，Asia/Shanghai）。监控保留。');
    for (const reply of [watched, scheduled, list, missing, stopped, off]) expect(english(reply.text)).toEqual([]);
  });

  it('shows a schedule set at an offset as the offset, in both languages', async () => {
    const store = storeWith({});
    const scheduled = await digestCmd.run('weekdays 09:00 UTC+8', context(store, 'C-en'));
    expect(scheduled.text).toMatch(/^Digest: weekdays 09:00 \(UTC\+8\), always; next .+ \(UTC\+8\)\./);
    expect(store.data.schedules['C-en']?.timezone).toBe('Etc/GMT-8');
    await digestCmd.run('lang zh', context(store, 'C-en'));
    const off = await digestCmd.run('off', context(store, 'C-en'));
    expect(off.text).toBe('摘要已停止（原计划为 `weekdays 09:00`，UTC+8）。监控保留。');
  });

  it('refuses an unknown language and stores nothing', async () => {
    const store = storeWith({});
    const reply = await digestCmd.run('lang fr', context(store, 'C1'));
    expect(reply.text).toBe('"fr" is not a language here: `digest lang zh`, `digest lang en` or `digest lang auto`.');
    expect(store.data.channelLangs ?? {}).toEqual({});
  });
});

describe('the channel language in the store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reachbot-lang-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('`digest … lang zh` is stored with the schedule and survives a reopen; `lang auto` returns to the default', async () => {
    const path = join(dir, 'reachbot.json');
    let store: FileStore = await openFileStore(path);
    const reply = await digestCmd.run('weekdays 09:00 Asia/Shanghai lang zh', context(store, 'C-zh'));
    expect(reply.text.split('\n').at(-1)).toBe('本频道的摘要、变更告警和同步通知将使用中文。');
    await store.close();

    store = await openFileStore(path);
    expect(store.data.channelLangs).toEqual({ 'C-zh': 'zh' });
    expect(store.data.schedules['C-zh']?.spec).toBe('weekdays 09:00');
    expect(channelLang(store.data, 'C-zh')).toBe('zh');
    expect(channelLang(store.data, 'C-other', 'zh')).toBe('zh');
    expect(channelLang(store.data, 'C-other')).toBe('en');
    const back = await digestCmd.run('lang auto', context(store, 'C-zh'));
    expect(back.text).toBe(
      "This channel's digests, change alerts and sync notices follow the workspace default (English).",
    );
    await store.close();
    store = await openFileStore(path);
    expect(store.data.channelLangs).toEqual({});
    await store.close();
  });

  it('opens a file written before the section existed, every channel in the default language', async () => {
    const path = join(dir, 'reachbot.json');
    const store = await openFileStore(path);
    await setChannelLang(store, 'C1', 'auto');
    await store.close();
    const document = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    delete document.channelLangs;
    await writeFile(path, JSON.stringify(document));
    const reopened = await openFileStore(path);
    expect(reopened.data.channelLangs).toEqual({});
    await reopened.close();
  });

  it('refuses a stored language that is not one: the file is set aside whole, nothing is lost', async () => {
    const path = join(dir, 'reachbot.json');
    const store = await openFileStore(path);
    await setChannelLang(store, 'C1', 'auto');
    await store.close();
    const document = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    document.channelLangs = { C1: 'fr' };
    await writeFile(path, JSON.stringify(document));
    const reopened = await openFileStore(path);
    expect(reopened.warnings.join('\n')).toMatch(/channelLangs\.C1/);
    const aside = (await readdir(dir)).find((name) => name.includes('.corrupt-'));
    expect(JSON.parse(await readFile(join(dir, aside ?? 'missing'), 'utf8')).channelLangs).toEqual({ C1: 'fr' });
    await reopened.close();
  });
});
