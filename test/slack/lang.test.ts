// Slack in Chinese, through Bolt's real HTTP receiver: a Chinese question gets a Chinese answer, a thread keeps
// its language, `/reach lang` switches (and is stored), App Home and help follow the user or the workspace.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeAnswerRef } from '../../src/slack/answer-ref.js';
import { openFileStore } from '../../src/store/file-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { untranslatedWords } from '../i18n/untranslated.js';
import {
  buttonValue,
  CHANNEL,
  postCommand,
  postEvent,
  recordSlack,
  seedTopology,
  startTestApp,
  type TestApp,
  USER,
} from './helpers.js';

const running: TestApp[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.stop();
});

async function app(store: Parameters<typeof startTestApp>[0]['store'], defaultLang?: 'zh' | 'en') {
  const started = await startTestApp({ store, ...(defaultLang ? { defaultLang } : {}) });
  running.push(started);
  return started;
}

async function seeded() {
  const store = new MemoryStore();
  await seedTopology(store);
  return store;
}

const THREAD = '1700000001.000100';
const NAMES = ['prod', 'db1', 'sg-db', 'prod-net', 'vpc-prod', 'subnet-nodes', 'subnet-db', 'rtb-prod', 'sg-nodes'];

function mention(text: string, ts: string, threadTs?: string) {
  return {
    type: 'app_mention',
    user: USER,
    text: `<@U0BOT> ${text}`,
    ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    channel: CHANNEL,
    event_ts: ts,
  };
}

interface Block {
  readonly type: string;
  readonly text?: { readonly text: string };
  readonly elements?: readonly { readonly text?: { readonly text: string } }[];
}

/** Every text a person reads in a message's blocks (not button values, action ids or block types). */
function readableText(blocks: readonly Block[]): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'value') walk(value);
    }
  };
  walk(blocks);
  // Mrkdwn escapes <, > and &: read them as the person does.
  const decode = (t: string) => t.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  return decode(decode(texts.join('\n')));
}

/** The texts Slack's own code writes around an answer: the header, the buttons, the "seen as" label. */
function slackOwnedTexts(blocks: readonly Block[]): string[] {
  const header = blocks.find((b) => b.type === 'header')?.text?.text ?? '';
  const buttons = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.text?.text ?? ''));
  const seen = blocks
    .map((b) => b.text?.text ?? '')
    .filter((t) => t.startsWith('*目的端看到的源地址*'))
    .map((t) => t.split('\n')[0] ?? '');
  return [header, ...buttons, ...seen];
}

describe('Slack in Chinese', () => {
  it('answers a Chinese mention in Chinese, keeps the thread in Chinese, and switches with /reach lang en', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachbot-slack-lang-'));
    const path = join(dir, 'store.json');
    const slack = recordSlack();
    const store = await openFileStore(path);
    await seedTopology(store);
    const bot = await app(store);
    const posts = () => slack.api.filter((c) => c.method === 'chat.postMessage');

    await postEvent(bot, mention('prod 的容器能访问 192.168.10.52:3306 吗', THREAD));
    await expect.poll(() => posts().length).toBe(1);
    const first = posts()[0]?.body;
    expect(first?.text).toMatch(/^无法访问：集群 prod 的容器能否通过 TCP 3306 访问 192\.168\.10\.52 \(db1\)？/);
    expect(first?.text).toContain('安全组 sg-db 的入方向规则未放通容器网段 172.16.0.0/16');
    const blocks = first?.blocks as Block[];
    const owned = slackOwnedTexts(blocks);
    expect(owned).toContain('重新检查');
    expect(owned).toContain('关注这条路径');
    for (const text of owned) expect(untranslatedWords(text, NAMES), text).toEqual([]);
    // The whole message: every block's text (steps, fixes, notes) and the plain fallback.
    expect(untranslatedWords(readableText(blocks), [...NAMES, 'fixture'])).toEqual([]);
    expect(untranslatedWords(String(first?.text).replace(/&gt;/g, '>').replace(/&lt;/g, '<'), NAMES)).toEqual([]);
    // The buttons answer in the language of the answer.
    expect(decodeAnswerRef(buttonValue(blocks, 'recheck'))?.lang).toBe('zh');
    expect(store.data.threads[`${CHANNEL}:${THREAD}`]?.lang).toBe('zh');

    // An English follow-up in the Chinese thread stays Chinese.
    await postEvent(bot, mention('and port 6379?', '1700000050.000200', THREAD));
    await expect.poll(() => posts().length).toBe(2);
    expect(posts()[1]?.body.text).toMatch(/^无法访问：集群 prod 的容器能否通过 TCP 6379 访问/);

    // The person switches: later answers, in this thread too, are English.
    await postCommand(bot, 'lang en');
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.text).toBe('Done: I answer you in English, whatever the language of the question.');
    await postEvent(bot, mention('那 3306 呢', '1700000060.000300', THREAD));
    await expect.poll(() => posts().length).toBe(3);
    expect(posts()[2]?.body.text).toMatch(
      /^UNREACHABLE: can pod in prod reach 192\.168\.10\.52 \(db1\) on tcp\/3306\?/,
    );
    await running.pop()?.stop();
    await store.close();

    // Stored: a new process over the same file remembers the preference.
    const reopened = await openFileStore(path);
    expect(reopened.data.languages[USER]).toBe('en');
    await reopened.close();
  });

  it('refuses a language it does not speak, and answers /reach lang alone with the current setting', async () => {
    const slack = recordSlack();
    const bot = await app(await seeded());
    await postCommand(bot, 'lang fr');
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.text).toBe(
      '"fr" is not a language I answer in: use `lang zh`, `lang en` or `lang auto`.',
    );
    await postCommand(bot, 'lang');
    await expect.poll(() => slack.responses.length).toBe(2);
    expect(slack.responses[1]?.body.text).toContain('Your language: auto');
  });

  it('says what it did not understand in Chinese, with the forms to try', async () => {
    const slack = recordSlack();
    const bot = await app(await seeded());
    await postCommand(bot, 'prd 的容器能访问 192.168.10.52 吗');
    await expect.poll(() => slack.responses.length).toBe(1);
    const error = slack.responses[0]?.body;
    expect(error?.text).toContain('未知的集群“prd”（已知：prod');
    expect(JSON.stringify(error?.blocks)).toContain('可以这样问');
  });

  it('writes help and App Home in the workspace default, and App Home in the user language over it', async () => {
    const slack = recordSlack();
    const store = await seeded();
    const bot = await app(store, 'zh');
    await postCommand(bot, 'help');
    await expect.poll(() => slack.responses.length).toBe(1);
    const help = String(slack.responses[0]?.body.text);
    expect(help).toMatch(/^\*询问容器能否访问某个地址\*/);
    expect(help).toContain('• `lang zh|en|auto`：设置回答的语言');
    expect(help.indexOf('prod 的容器能访问 192.168.10.52:3306 吗')).toBeLessThan(help.indexOf('can pod in prod'));

    await postEvent(bot, { type: 'app_home_opened', user: USER, channel: 'D0HOME', tab: 'home', event_ts: '7.1' });
    await expect.poll(() => slack.api.length).toBe(1);
    const home = JSON.stringify(slack.api[0]?.body.view);
    expect(home).toContain('reachbot：这个容器能访问那个地址吗？');
    expect(home).toContain('拓扑（1）');

    await store.update((data) => {
      data.languages[USER] = 'en';
    });
    await postEvent(bot, { type: 'app_home_opened', user: USER, channel: 'D0HOME', tab: 'home', event_ts: '7.2' });
    await expect.poll(() => slack.api.length).toBe(2);
    expect(JSON.stringify(slack.api[1]?.body.view)).toContain('Topologies (1)');
  });

  it('answers the subcommands in the asker language: clusters, topology show, and the admin refusal', async () => {
    const slack = recordSlack();
    const store = await seeded();
    await store.update((data) => {
      data.languages[USER] = 'zh';
    });
    const bot = await app(store);
    await postCommand(bot, 'clusters');
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.text).toMatch(
      /^\*集群（2）\*\n• \*prod\*：`vpc-router`，VPC `vpc-prod`（拓扑 `prod-net`）/,
    );
    await postCommand(bot, 'topology show prod-net');
    await expect.poll(() => slack.responses.length).toBe(2);
    const show = String(slack.responses[1]?.body.text);
    expect(show).toMatch(/^\*拓扑 prod-net\*：导入于/);
    expect(untranslatedWords(show, [...NAMES, 'fixture', 'staging', 'vpc-router', 'overlay_l2'])).toEqual([]);
    await postCommand(bot, 'topology remove prod-net');
    await expect.poll(() => slack.responses.length).toBe(3);
    expect(slack.responses[2]?.body.text).toMatch(/只有 reachbot 管理员可以执行。请联系管理员/);
    expect(store.data.topologies['prod-net']).toBeDefined();
  });

  it('answers an English question in English when no one chose a language', async () => {
    const slack = recordSlack();
    const bot = await app(await seeded());
    await postCommand(bot, 'can pod in prod reach 192.168.10.52:3306?');
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.text).toMatch(/^UNREACHABLE/);
  });
});
