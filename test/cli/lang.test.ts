// The terminal in Chinese: a Chinese question is answered in Chinese, --lang and the locale choose otherwise,
// the help and the "not understood" errors follow, and a language that is not one is refused.
import { describe, expect, it } from 'vitest';
import { untranslatedWords } from '../i18n/untranslated.js';
import { runIn, workspace } from './harness.js';

const SEED_ZH = 'prod 的容器能 ping 通 192.168.10.52 吗';
const SEED_EN = 'can pod in prod reach 192.168.10.52?';

async function runWith(env: Record<string, string>, ...argv: string[]) {
  const { dir, store } = await workspace();
  return runIn(dir, { REACHBOT_STORE: store, ...env }, argv);
}

/** The lines the terminal writes around the engine's texts: headline, headings, labels, the placeholder note. */
function terminalOwnedLines(stdout: string): string[] {
  const lines = stdout.split('\n');
  const owned = [
    lines[0] ?? '',
    ...lines.filter((l) => /^(目的端看到的源地址|排查路径|修复方法|前提假设|\s+KooCLI:|\s+粘贴前请)/.test(l)),
  ];
  return owned.filter((l) => l.trim() !== '');
}

describe('the terminal in Chinese', () => {
  it('answers a Chinese question in Chinese, with the same verdict and exit status as in English', async () => {
    const zh = await runWith({ LANG: 'C.UTF-8' }, 'ask', SEED_ZH, '--no-color');
    const en = await runWith({}, 'ask', SEED_EN, '--no-color');
    expect(zh.code).toBe(1);
    expect(en.code).toBe(1);
    expect(zh.stdout.split('\n')[0]).toBe(
      '✗ 无法访问  集群 prod 的容器能否通过 ping（ICMP echo） 访问 192.168.10.52 (db1)？',
    );
    for (const heading of ['目的端看到的源地址：172.16.0.0/16', '排查路径', '修复方法'])
      expect(zh.stdout).toContain(heading);
    expect(zh.stdout).toContain('安全组 sg-db1 的入方向规则未放通容器网段 172.16.0.0/16');
    expect(zh.stdout).toContain('在安全组 sg-db1 中添加入方向规则：策略 允许');
    expect(zh.stderr).toMatch(/^（存储中没有拓扑：根据示例拓扑 .*sample\.yaml 回答；/);
    const names = [
      'prod',
      'db1',
      'sg-db1',
      'prod-cce-node-7f3e',
      'rtb-vpc-demo',
      'rtb-demo',
      'vpc-demo',
      'subnet-nodes',
    ];
    for (const line of terminalOwnedLines(zh.stdout)) expect(untranslatedWords(line, names), line).toEqual([]);
    // The whole answer, not only the terminal's own words: every step, the fixes' words, the comments.
    expect(untranslatedWords(zh.stdout, names)).toEqual([]);
  });

  it('follows --lang over the question, and the locale when no --lang is given', async () => {
    expect((await runWith({}, 'ask', SEED_EN, '--lang', 'zh', '--no-color')).stdout).toMatch(/^✗ 无法访问/);
    expect((await runWith({}, '--lang=en', 'ask', SEED_ZH, '--no-color')).stdout).toMatch(/^✗ UNREACHABLE/);
    expect((await runWith({ LANG: 'zh_CN.UTF-8' }, 'ask', SEED_EN, '--no-color')).stdout).toMatch(/^✗ 无法访问/);
    // LC_ALL beats LANG.
    const both = await runWith({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'ask', SEED_ZH, '--no-color');
    expect(both.stdout).toMatch(/^✗ UNREACHABLE/);
  });

  it('refuses a language it does not speak, with exit status 2', async () => {
    const result = await runWith({}, 'ask', SEED_EN, '--lang', 'fr');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('reachbot: --lang must be en or zh (got "fr")\n');
    expect((await runWith({}, 'ask', SEED_EN, '--lang')).code).toBe(2);
  });

  it('prints its help in Chinese', async () => {
    const result = await runWith({}, '--lang', 'zh', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^用法： reachbot/);
    for (const words of ['选项：', '命令：', '显示命令的帮助', '示例：']) expect(result.stdout).toContain(words);
    const ask = await runWith({ LANG: 'zh_CN.UTF-8' }, 'ask', '--help');
    expect(ask.stdout).toContain('退出状态：0 可以访问，1 无法访问');
  });

  it('says what it did not understand in the language of the question, with the forms to try', async () => {
    const unknown = await runWith({}, 'ask', 'prod 的容器能访问 nowhere 吗');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('reachbot：未知的目的地址“nowhere”：不是 IP 地址，也没有叫这个名字的资源（已知：');
    const garbled = await runWith({}, 'ask', '能访问吗');
    expect(garbled.code).toBe(2);
    expect(garbled.stderr).toMatch(/^reachbot：没有理解这个问题：.*。\n {2}可以这样问："[^"]*[\u4e00-\u9fff]/);
    // The same mistake in English stays English.
    const english = await runWith({}, 'ask', 'can prod reach nowhere');
    expect(english.stderr).toContain('reachbot: unknown destination "nowhere"');
  });
});
