// Sync texts in Chinese: the failure and recovery posts reach a channel set to Chinese (`digest lang zh`) in
// Chinese while an English channel keeps the English post; freshness lines and sync health word their durations
// and times for the locale. Real importer against the loopback double, real file store, real Slack client (nock).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/commands/converse.js';
import { setChannelLang } from '../../src/digest/channel-lang.js';
import { i18n } from '../../src/i18n/i18n.js';
import { parseQuestion } from '../../src/question/parse.js';
import type { StoredTopology, SyncSchedule } from '../../src/store/data.js';
import { freshnessOf } from '../../src/sync/freshness.js';
import { syncHealthLine } from '../../src/sync/health.js';
import { failureMessage, recoveryMessage } from '../../src/sync/health-alerts.js';
import { ago, formatInterval } from '../../src/sync/interval.js';
import { untranslatedWords } from '../i18n/untranslated.js';
import { appWatch, MINUTE, podsTo8080, type Rig, recordSlackPosts, rig, START } from './helpers.js';
import { type HuaweiDouble, REGION, startHuaweiDouble } from './huawei-double.js';

const SOURCE = { kind: 'huaweicloud', region: REGION } as const;
const ZH = i18n('zh');
const NAMES = ['prod', 'orders', 'app', 'cn-north-4'];
const HAN = /[\u4e00-\u9fff]/;

let double: HuaweiDouble;
let bot: Rig;

beforeEach(async () => {
  double = await startHuaweiDouble();
  double.network.securityGroupRules.push(podsTo8080());
  bot = await rig(double);
});

afterEach(async () => {
  await bot.close();
  await double.close();
});

const at = (minutes: number) => {
  bot.clock.now = new Date(START.getTime() + minutes * MINUTE);
};

describe('sync notices in the channel language', () => {
  it('posts the failure and the recovery in Chinese to a Chinese channel and in English to an English one', async () => {
    const posted = recordSlackPosts();
    await bot.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await bot.store.update((data) => {
      data.watches.push(appWatch('C-zh'), { ...appWatch('C-en'), id: 'w-app-en' });
    });
    await setChannelLang(bot.store, 'C-zh', 'zh');
    await bot.scheduler.runDue();

    double.expiredKey = true;
    at(10);
    await bot.scheduler.runDue();
    at(20);
    await bot.scheduler.runDue();
    expect(posted.map((p) => p.channel).sort()).toEqual(['C-en', 'C-zh']);
    const zh = posted.find((p) => p.channel === 'C-zh');
    const en = posted.find((p) => p.channel === 'C-en');
    expect(en?.text).toContain('Sync of topology prod from Huawei Cloud cn-north-4 has failed 2 times in a row');
    expect(en?.text).toContain('expired or refused key');
    expect(zh?.text).toContain('拓扑 prod 从 华为云 cn-north-4 同步已连续失败 2 次');
    expect(zh?.text).toContain('访问密钥已过期或被拒绝');
    const zhBlocks = JSON.parse(zh?.blocks ?? '[]') as { text: { text: string } }[];
    const blockText = zhBlocks.map((b) => b.text.text).join('\n');
    expect(blockText).toContain('同步失败');
    // The cloud's own error message is quoted as code; everything around it is Chinese.
    expect(untranslatedWords(zh?.text ?? '', NAMES)).toEqual([]);
    expect(untranslatedWords(blockText.replace(/:warning:/g, ''), NAMES)).toEqual([]);

    double.expiredKey = false;
    at(40);
    await bot.scheduler.runDue();
    expect(posted).toHaveLength(4);
    const recovered = posted.slice(2);
    expect(recovered.find((p) => p.channel === 'C-en')?.text).toContain('works again');
    const zhRecovery = recovered.find((p) => p.channel === 'C-zh');
    expect(zhRecovery?.text).toBe('拓扑 prod 从 华为云 cn-north-4 的同步已恢复；回答将使用当前网络。');
    const recoveryBlocks = JSON.parse(zhRecovery?.blocks ?? '[]') as { text: { text: string } }[];
    const recoveryText = recoveryBlocks.map((b) => b.text.text).join('\n');
    expect(recoveryText).toContain('同步已恢复');
    expect(untranslatedWords(recoveryText.replace(/:white_check_mark:/g, ''), NAMES)).toEqual([]);
  });
});

describe('freshness of a Slack answer', () => {
  it('is worded in the language of the answer', async () => {
    await bot.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await bot.scheduler.runDue();
    at(3);
    const question = parseQuestion('prod -> 192.168.10.52 tcp/8080');
    const zh = answerQuestion(bot.store, question, undefined, undefined, bot.clock.now, 'zh');
    expect(zh.freshness?.summary).toBe('拓扑 prod，华为云 cn-north-4，3分钟前同步');
    const en = answerQuestion(bot.store, question, undefined, undefined, bot.clock.now);
    expect(en.freshness?.summary).toBe('topology prod, Huawei Cloud cn-north-4, synced 3 min ago');
  });
});

describe('sync words for the locale', () => {
  const now = new Date('2026-01-05T12:00:00.000Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * MINUTE);
  const stored: StoredTopology = {
    name: 'prod',
    topology: { version: 1 } as StoredTopology['topology'],
    importedAt: minutesAgo(300).toISOString(),
  };
  const schedule: SyncSchedule = {
    topology: 'prod',
    source: SOURCE,
    intervalMs: 90 * MINUTE,
    nextRunAt: new Date(now.getTime() + 7 * MINUTE).toISOString(),
    lastSuccessAt: minutesAgo(3).toISOString(),
    failures: 0,
  };

  it('formats durations with the locale: 3 min ago / 3分钟前, 1h 30m / 1小时30分钟', () => {
    expect(ago(minutesAgo(3), now)).toBe('3 min ago');
    expect(ago(minutesAgo(3), now, ZH)).toBe('3分钟前');
    expect(ago(minutesAgo(0.5), now, ZH)).toBe('刚刚');
    expect(ago(minutesAgo(60 * 50), now, ZH)).toBe('2天前');
    expect(formatInterval(90 * MINUTE)).toBe('1h 30m');
    expect(formatInterval(90 * MINUTE, ZH)).toBe('1小时30分钟');
  });

  it('gives the freshness line and its warnings of an answer in Chinese', () => {
    expect(freshnessOf(stored, schedule, now).summary).toBe(
      'topology prod, Huawei Cloud cn-north-4, synced 3 min ago, last changed 5 h ago',
    );
    const fresh = freshnessOf(stored, schedule, now, ZH);
    expect(fresh.summary).toBe('拓扑 prod，华为云 cn-north-4，3分钟前同步，最近一次变化在5小时前');
    expect(fresh.stale).toBe(false);

    const failing = freshnessOf(
      stored,
      {
        ...schedule,
        failures: 1,
        lastFailure: { at: minutesAgo(2).toISOString(), kind: 'forbidden', message: 'IAM says no' },
      },
      now,
      ZH,
    );
    expect(failing.warning).toBe(
      '拓扑 prod 最近一次从 华为云 cn-north-4 同步失败（2分钟前，缺少权限：`IAM says no`）。本回答使用的是3分钟前同步的拓扑。',
    );
    // Machine fields stay the same in every language.
    expect(failing.lastFailure?.kind).toBe('forbidden');

    const overdue = freshnessOf(stored, { ...schedule, lastSuccessAt: minutesAgo(60 * 5).toISOString() }, now, ZH);
    expect(overdue.warning).toBe(
      '拓扑 prod 最近一次同步在5小时前，已超过 3 个同步周期（1小时30分钟）；网络可能已发生变化。',
    );
    for (const text of [fresh.summary, failing.warning, overdue.warning])
      expect(untranslatedWords(text ?? '', NAMES)).toEqual([]);
  });

  it('gives the sync health line (topology list, App Home) in Chinese', () => {
    const line = syncHealthLine(
      {
        ...schedule,
        failures: 2,
        lastFailure: { at: minutesAgo(1).toISOString(), kind: 'throttled', message: 'APIGW.0308' },
        kubernetes: [{ cluster: 'prod', context: 'ctx-prod' }],
      },
      now,
      ZH,
    );
    expect(line).toBe(
      '从 huaweicloud:cn-north-4 同步，周期 1小时30分钟 · 最近成功：3分钟前 · 连续失败 2 次（1分钟前）：请求被限流（`APIGW.0308`） · 读取 prod（上下文 ctx-prod）的 Kubernetes 侧 · 下次运行：7分钟后',
    );
    expect(untranslatedWords(line, NAMES)).toEqual([]);
  });

  it('renders the failure and recovery messages with no English left (a never-synced topology too)', () => {
    const never: SyncSchedule = {
      ...schedule,
      failures: 3,
      lastFailure: { at: now.toISOString(), kind: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    const { lastSuccessAt: _, ...withoutSuccess } = never;
    for (const s of [never, withoutSuccess]) {
      const failure = failureMessage(s, ZH);
      expect(HAN.test(failure.text)).toBe(true);
      expect(untranslatedWords(failure.text, NAMES)).toEqual([]);
    }
    expect(failureMessage(never, ZH).text).toContain('回答使用 2026-01-05 11:57 UTC 同步的版本');
    expect(untranslatedWords(recoveryMessage(never, ZH).text, NAMES)).toEqual([]);
    // English unchanged.
    expect(recoveryMessage(never).text).toBe(
      'Sync of topology prod from Huawei Cloud cn-north-4 works again; answers use the current network.',
    );
  });

  it("says reachbot's own reason for a failed sync in the reader's language, and keeps it across a restart", async () => {
    await bot.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await bot.scheduler.runDue();
    double.expiredKey = true;
    at(10);
    await bot.scheduler.runDue();
    await bot.restart();
    const schedule = bot.store.data.syncs.prod!;
    // The English message stays what logs and the audit read; the Chinese one is stored beside it.
    expect(schedule.lastFailure?.message).toMatch(/^Huawei Cloud refused the credentials \(APIGW\.0301/);
    expect(schedule.lastFailure?.text?.zh).toMatch(/^华为云拒绝了访问凭证（`APIGW\.0301/);
    const zhLine = syncHealthLine(schedule, bot.clock.now, ZH);
    expect(zhLine).toContain('访问密钥已过期或被拒绝（华为云拒绝了访问凭证（`APIGW.0301');
    expect(syncHealthLine(schedule, bot.clock.now)).toContain('(Huawei Cloud refused the credentials (APIGW.0301');
    const freshness = freshnessOf(bot.store.data.topologies.prod!, schedule, bot.clock.now, ZH);
    expect(freshness.warning).toContain('华为云拒绝了访问凭证');
    expect(
      untranslatedWords((freshness.warning ?? '').replace(/`[^`]*`/g, ''), [
        ...NAMES,
        'HUAWEICLOUD_SDK_AK',
        'HUAWEICLOUD_SDK_SK',
      ]),
    ).toEqual([]);
  });
});
