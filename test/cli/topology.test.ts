import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';
import { parseTopology } from '../../src/topology/load.js';
import { workspace } from './harness.js';

const SAMPLE = join(import.meta.dirname, '../../data/sample.yaml');

describe('reachbot topology', () => {
  it('import names a topology by its name: field, and list marks the default', async () => {
    const { run } = await workspace();
    const imported = await run('topology', 'import', SAMPLE);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /^stored topology "sample" from .*sample\.yaml \(5 clusters, 5 resources, 2 VPCs\); it is the default\n$/,
    );
    const list = await run('topology', 'list');
    expect(list.stdout).toMatch(
      /^\* sample {2}5 clusters, 5 resources, 2 VPCs \(prod, demo, batch, staging, turbo\); imported .* from sample\.yaml\n$/,
    );
  });

  it('import --name --default, replacing and switching the default', async () => {
    const { run } = await workspace();
    await run('topology', 'import', SAMPLE, '--name', 'one');
    await run('topology', 'import', SAMPLE, '--name', 'two');
    expect((await run('topology', 'list')).stdout).not.toMatch(/^\*/m);
    const again = await run('topology', 'import', SAMPLE, '--name', 'two', '--default');
    expect(again.stdout).toMatch(/^replaced topology "two".*it is the default/);
    expect((await run('topology', 'list')).stdout).toMatch(/^\* two/m);
    expect((await run('topology', 'default', 'one')).code).toBe(0);
    expect((await run('topology', 'list')).stdout).toMatch(/^\* one/m);
  });

  it("names of Object's own members are names like any other: list, show, ask and remove", async () => {
    const { run } = await workspace();
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    for (const name of names) expect((await run('topology', 'import', SAMPLE, '--name', name)).code).toBe(0);
    expect((await run('topology', 'default', 'valueOf')).code).toBe(0);
    const list = await run('topology', 'list');
    expect(list.code).toBe(0);
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(0, 16).trim()),
    ).toEqual(['constructor', 'hasOwnProperty', 'toString', '* valueOf']);
    expect((await run('topology', 'show', 'constructor')).stdout).toMatch(/^constructor: 5 clusters/);
    expect((await run('ask', 'can toString:prod reach db1 on 3306?')).stdout).toContain('topology toString');
    expect((await run('topology', 'remove', 'constructor')).code).toBe(0);
    expect((await run('topology', 'show', 'constructor')).code).toBe(2);
  });

  it('import refuses a malformed topology with located errors and stores nothing', async () => {
    const { run, dir, store } = await workspace();
    await writeFile(
      join(dir, 'bad.yaml'),
      'version: 1\nclusters:\n  - name: x\n    vpc: v\n    networkModel: vpc-router\n    nodeSubnets: [s]\n    containerCidrs: [10.0.0.0/8]\n    colour: blue\n',
    );
    const result = await run('topology', 'import', 'bad.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:3: clusters\[0\]: unknown key "colour"/);
    await expect(readFile(store, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('import refuses a name that cannot be stored', async () => {
    const { run } = await workspace();
    const result = await run('topology', 'import', SAMPLE, '--name', 'a:b');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"a:b" is not a valid topology name/);
  });

  it('show describes clusters and resources', async () => {
    const { run } = await workspace();
    await run('topology', 'import', SAMPLE);
    const shown = await run('topology', 'show', 'SAMPLE');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^ {2}prod {2}vpc-router in vpc-demo, nodes in subnet-nodes, pods 172\.16\.0\.0\/16/m);
    expect(shown.stdout).toMatch(
      /^ {2}redis-main {2}dcs 192\.168\.50\.10 in subnet-data \(vpc-demo\) ports tcp\/6379/m,
    );
    expect(shown.stdout).toMatch(/peering-demo \(pcx-demo\) {2}vpc-demo <-> vpc-demo2/);
  });

  it('export round-trips to an equal topology, to stdout or a file', async () => {
    const { run, dir } = await workspace();
    await run('topology', 'import', SAMPLE);
    const printed = await run('topology', 'export', 'sample');
    const original = parseTopology(await readFile(SAMPLE, 'utf8'));
    const exported = parseTopology(printed.stdout);
    expect(exported.ok && original.ok && exported.topology).toEqual(original.ok && original.topology);
    const written = await run('topology', 'export', 'sample', '--out', 'out.yaml');
    expect(written.stderr).toBe('wrote out.yaml\n');
    expect(await readFile(join(dir, 'out.yaml'), 'utf8')).toBe(printed.stdout);
  });

  it('remove deletes it; an unknown name gets the closest suggestion', async () => {
    const { run } = await workspace();
    await run('topology', 'import', SAMPLE, '--name', 'production');
    const missing = await run('topology', 'remove', 'prodution');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('reachbot: no topology named "prodution"\n  did you mean: production\n');
    expect((await run('topology', 'remove', 'production')).stdout).toBe('removed topology "production"\n');
    expect((await run('topology', 'list')).stdout).toMatch(/^no topologies stored/);
  });

  it('a write while another writer holds the store fails clearly (exit 4), reads still work', async () => {
    const { run, store } = await workspace();
    await run('topology', 'import', SAMPLE);
    const bot = await openFileStore(store);
    try {
      const result = await run('topology', 'remove', 'sample');
      expect(result.code).toBe(4);
      expect(result.stderr).toBe(
        `reachbot: the store ${store} is held by pid ${process.pid} (reachbot bot?); stop it or use Slack\n`,
      );
      expect((await run('topology', 'list')).code).toBe(0);
      expect((await run('ask', 'can prod reach orders-db')).code).toBe(0);
    } finally {
      await bot.close();
    }
  });

  it('reports a corrupt store file moved aside', async () => {
    const { run, store } = await workspace();
    await run('topology', 'import', SAMPLE);
    await writeFile(store, '{ nope');
    const result = await run('topology', 'import', SAMPLE);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: the store .* was not usable \(not JSON.*moved it aside to .*corrupt-/);
  });
});

describe('reachbot validate', () => {
  it('a valid file: exit 0 and a summary', async () => {
    const { run } = await workspace();
    const result = await run('validate', SAMPLE);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sample\.yaml: valid \(5 clusters, 5 resources, 2 VPCs\)/);
  });

  it('every problem located as file:line: path: message, exit 2', async () => {
    const { run, dir } = await workspace();
    await writeFile(
      join(dir, 'bad.yaml'),
      [
        'version: 1',
        'vpcs:',
        '  - id: v',
        '    cidr: 10.0.0.0/16',
        'clusters:',
        '  - name: x',
        '    vpc: w',
        '    networkModel: vpc-router',
        '    nodeSubnets: [s]',
        '    containerCidrs: [172.16.0.0/16]',
        '',
      ].join('\n'),
    );
    const result = await run('validate', 'bad.yaml');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('bad.yaml:7: clusters[0].vpc: unknown VPC "w" (known: v)');
    expect(result.stderr).toContain('bad.yaml:9: clusters[0].nodeSubnets[0]: unknown subnet of w "s"');
  });

  it('a YAML syntax error has its line', async () => {
    const { run, dir } = await workspace();
    await writeFile(join(dir, 'broken.yaml'), 'version: 1\nclusters:\n  - { name: x, vpc: v: w }\n');
    const result = await run('validate', 'broken.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^broken\.yaml:3: /);
  });

  it('a missing file: exit 2', async () => {
    const { run } = await workspace();
    expect((await run('validate', 'missing.yaml')).code).toBe(2);
  });
});

describe('reachbot (usage)', () => {
  it('--help everywhere, with examples, exit 0', async () => {
    const { run } = await workspace();
    for (const argv of [
      ['--help'],
      ['ask', '--help'],
      ['validate', '--help'],
      ['topology', '--help'],
      ['topology', 'import', '--help'],
    ]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stdout, argv.join(' ')).toMatch(/Usage: reachbot/);
      expect(result.stdout, argv.join(' ')).toMatch(/Example/);
    }
  });

  it('an unknown command or option: exit 2 with a suggestion', async () => {
    const { run } = await workspace();
    const unknown = await run('aks', 'can prod reach db1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'aks'.*\n.*Did you mean ask\?/);
    const option = await run('ask', 'x', '--jsn');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/--json/);
  });

  it('no command prints the help on stderr, exit 2', async () => {
    const { run } = await workspace();
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: reachbot/);
  });
});

describe('topology import over a different stored topology', () => {
  it('prints the difference and replaces only with --yes', async () => {
    const { run, dir } = await workspace();
    await run('topology', 'import', SAMPLE, '--name', 'lab');
    const changed = (await readFile(SAMPLE, 'utf8')).replace(/^ {2}- name: db1$/m, '  - name: db9');
    await writeFile(join(dir, 'changed.yaml'), changed);
    const refused = await run('topology', 'import', join(dir, 'changed.yaml'), '--name', 'lab');
    expect(refused.code).toBe(4);
    expect(refused.stdout).toContain('changes to topology "lab"');
    expect(refused.stdout).toMatch(/db1/);
    expect(refused.stderr).toContain('--yes');
    expect((await run('topology', 'show', 'lab')).stdout).toContain('db1');
    const accepted = await run('topology', 'import', join(dir, 'changed.yaml'), '--name', 'lab', '--yes');
    expect(accepted.code).toBe(0);
    expect((await run('topology', 'show', 'lab')).stdout).toContain('db9');
  });
});
