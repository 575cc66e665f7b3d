// Every command given a file says the same thing when it cannot read it, or write the one it was asked to: the file
// and why, in the terminal's language, exit status 2. They said it four ways (check-plan and whatif without a reason,
// import terraform with Node's own "ENOENT: no such file or directory, open ..."), and an --out into a missing
// directory was "an internal error" (status 4).
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

  it('an --out into a missing directory is "cannot write <file>: no such directory", status 2', async () => {
    const { run } = await workspace();
    const sample = new URL('../../data/sample.yaml', import.meta.url).pathname;
    expect((await run('topology', 'import', sample, '--name', 'prod')).code).toBe(0);
    const exported = await run('topology', 'export', 'prod', '--out', 'gone/prod.yaml');
    expect(exported.code).toBe(2);
    expect(exported.stderr.trim()).toBe('reachbot: cannot write gone/prod.yaml: no such directory');
    const zh = await run('--lang', 'zh', 'topology', 'export', 'prod', '--out', 'gone/prod.yaml');
    expect(zh.stderr.trim()).toBe('reachbot：无法写入 gone/prod.yaml：目录不存在');
  });

  it('a kubeconfig that is not there is said so', async () => {
    const { run } = await workspace();
    const sample = new URL('../../data/sample.yaml', import.meta.url).pathname;
    await run('topology', 'import', sample, '--name', 'prod', '--default');
    const result = await run('import', 'kubernetes', '--cluster', 'prod', '--kubeconfig', 'gone');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read the kubeconfig .*gone: no such file/);
    const zh = await run('--lang', 'zh', 'import', 'kubernetes', '--cluster', 'prod', '--kubeconfig', 'gone');
    expect(zh.stderr).toMatch(/无法读取 kubeconfig 文件 .*gone：文件不存在/);
  });
});
