// The terminal in Chinese: a Chinese question is answered in Chinese, --lang and the locale choose otherwise,
// the help and the "not understood" errors follow, and a language that is not one is refused.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { untranslatedWords } from '../i18n/untranslated.js';
import { runIn, workspace } from './harness.js';

const BIN = join(import.meta.dirname, '../../bin/reachbot.js');

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
    // A host name no private zone holds: why, in Chinese too.
    const host = await runWith({}, 'ask', 'prod 的容器能访问 nothing.internal.example.com:3306 吗');
    expect(host.code).toBe(2);
    expect(host.stderr).toContain(
      '无法解析名称“nothing.internal.example.com”：VPC vpc-demo 关联的内网域名和云服务的域名中都没有 nothing.internal.example.com',
    );
    // The same mistake in English stays English.
    const english = await runWith({}, 'ask', 'can prod reach nowhere');
    expect(english.stderr).toContain('reachbot: unknown destination "nowhere"');
  });

  it("prints every command's help in Chinese: descriptions, options, examples and commander's own words", async () => {
    const program = buildProgram({ stdout: { write: () => 0 }, stderr: { write: () => 0 }, env: {}, cwd: '/' });
    const paths: string[][] = [];
    // Command names, argument names and option values are typed as they are in every language.
    const code = new Set(['help', 'command', 'text', 'markdown', 'json']);
    const walk = (command: Command, path: string[]) => {
      paths.push(path);
      code.add(command.name());
      for (const argument of command.registeredArguments) code.add(argument.name());
      for (const sub of command.commands) walk(sub, [...path, sub.name()]);
    };
    walk(program, []);
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const result = await runWith({}, '--lang', 'zh', ...path, '--help');
      expect(result.code, path.join(' ')).toBe(0);
      expect(untranslatedWords(result.stdout, code), path.join(' ')).toEqual([]);
      expect(result.stdout, path.join(' ')).not.toMatch(/\[options\]|default:|choices:|Examples?:/);
    }
    // English help is commander's, unchanged.
    const english = await runWith({}, 'topology', 'sync', '--help');
    expect(english.stdout).toMatch(/^Usage: reachbot topology sync \[options\] <name>/);
    expect(english.stdout).toContain('only save the schedule; do not sync now');
  });

  it('says what its commands did and refused in Chinese', async () => {
    const { dir, store } = await workspace();
    const run = (...argv: string[]) => runIn(dir, { REACHBOT_STORE: store, LANG: 'zh_CN.UTF-8' }, argv);
    const missing = await run('topology', 'remove', 'nosuch');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('reachbot：没有名为“nosuch”的拓扑：尚未保存任何拓扑\n');
    const unreadable = await run('validate', 'nowhere.yaml');
    expect(unreadable.stderr).toBe('reachbot：无法读取 nowhere.yaml：文件不存在\n');
    const noChange = await run('whatif', 'prod 的容器能访问 db1 吗');
    expect(noChange.code).toBe(2);
    expect(noChange.stderr).toBe('reachbot：请用 --change FILE 或 --what-if "…" 给出变更（二选一）\n');
    const badName = await run('import', 'terraform', 'state.json', '--name', 'bad name');
    expect(badName.code).toBe(2);
    expect(badName.stderr).toBe('“bad name”不是有效的拓扑名称：只能使用字母、数字、“.”、“_”和“-”，最多 64 个字符\n');
    for (const out of [missing.stderr, unreadable.stderr, noChange.stderr, badName.stderr])
      expect(untranslatedWords(out, ['nosuch', 'nowhere', 'reachbot', 'bad', 'name'])).toEqual([]);
    // The same refusals in English stay as they were.
    const english = await runIn(dir, { REACHBOT_STORE: store }, ['topology', 'remove', 'nosuch']);
    expect(english.stderr).toBe('reachbot: no topology named "nosuch": no topologies are stored\n');
  });

  it('as a real process, follows LANG, and LC_ALL over LANG', async () => {
    const { dir, store } = await workspace();
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [BIN, 'ask', SEED_EN, '--no-color'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: dir, NODE_ENV: 'production', REACHBOT_STORE: store, ...env },
        encoding: 'utf8',
        timeout: 120_000,
      });
    const zh = run({ LANG: 'zh_CN.UTF-8' });
    expect(zh.status).toBe(1);
    expect(zh.stdout.split('\n')[0]).toMatch(/^✗ 无法访问 {2}集群 prod 的容器/);
    expect(zh.stdout).toContain('目的端看到的源地址：172.16.0.0/16');
    const en = run({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' });
    expect(en.status).toBe(1);
    expect(en.stdout).toMatch(/^✗ UNREACHABLE/);
  });

  it("says commander's usage errors in Chinese, and leaves them as they were in English", async () => {
    const unknown = await runWith({}, '--lang', 'zh', 'asx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("错误：未知命令 'asx'\n（您是不是要用 ask？）\n");
    const missing = await runWith({ LANG: 'zh_CN.UTF-8' }, 'ask');
    expect(missing.stderr).toBe("错误：缺少必需的参数 'question'\n");
    const option = await runWith({}, '--lang', 'zh', 'ask', '--bogus', 'x');
    expect(option.stderr).toMatch(/^错误：未知选项 '--bogus'/);
    const english = await runWith({}, 'asx');
    expect(english.stderr).toBe("error: unknown command 'asx'\n(Did you mean ask?)\n");
  });
});
