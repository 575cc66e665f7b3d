// Every command given a file says the same thing when it cannot read it: the file and why, in the terminal's
// language, exit status 2. They said it four ways (check-plan and whatif without a reason, import terraform with
// Node's own "ENOENT: no such file or directory, open ...").
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './harness.js';

describe('a file a command cannot read', () => {
  it.each([
    [['validate', 'gone.yaml'], 'gone.yaml'],
    [['ask', 'prod -> db1 tcp/3306', '--topology', 'gone.yaml'], 'gone.yaml'],
    [['check-plan', 'gone.json', '--topology', 'data/sample.yaml'], 'gone.json'],
    [['whatif', '--change', 'gone.yaml', 'prod -> db1 tcp/3306', '--topology', 'data/sample.yaml'], 'gone.yaml'],
    [['import', 'terraform', 'gone.json'], 'gone.json'],
  ])('%j: "cannot read <file>: no such file", status 2, in either language', async (argv, file) => {
    const { dir, run } = await workspace();
    await mkdir(join(dir, 'data'));
    await copyFile(new URL('../../data/sample.yaml', import.meta.url), join(dir, 'data/sample.yaml'));
    const en = await run(...argv);
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe(`reachbot: cannot read ${file}: no such file`);
    const zh = await run('--lang', 'zh', ...argv);
    expect(zh.stderr.trim()).toBe(`reachbot：无法读取 ${file}：文件不存在`);
  });

  it('a directory is said to be one', async () => {
    const { dir, run } = await workspace();
    await mkdir(join(dir, 'plans'));
    const result = await run('check-plan', 'plans');
    expect(result.stderr.trim()).toBe('reachbot: cannot read plans: it is a directory');
  });
});
