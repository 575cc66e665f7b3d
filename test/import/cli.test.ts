import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/import.js';
import { parseTopology } from '../../src/topology/load.js';
import { ENV, mountSeed, PROJECT } from './huaweicloud/replay.js';

const fixture = new URL('../fixtures/import/terraform/prod.tfstate.json', import.meta.url).pathname;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reachbot-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('reachbot').exitOverride().configureOutput({
    writeOut: (s) => out.push(s),
    writeErr: (s) => err.push(s),
  });
  register(
    program,
    {
      stdout: (s: string) => out.push(s),
      stderr: { write: (s: string) => err.push(s) },
      env: { REACHBOT_STORE: join(dir, 'store.json'), ...env },
      cwd: dir,
    },
    { sleep: async () => {}, pageSize: 2 },
  );
  let exitCode = 0;
  try {
    await program.parseAsync(['node', 'reachbot', ...args]);
  } catch (error) {
    exitCode = (error as { exitCode?: number }).exitCode ?? 99;
  }
  return { out: out.join(''), err: err.join(''), exitCode };
}

describe('reachbot import', () => {
  it('terraform: prints a valid topology YAML and the warnings on stderr', async () => {
    const { out, err, exitCode } = await cli(['import', 'terraform', fixture]);
    expect(exitCode).toBe(0);
    const parsed = parseTopology(out);
    expect(parsed.ok && parsed.topology.clusters?.[0]?.name).toBe('prod');
    expect(err).toContain('warning: huaweicloud_elb_loadbalancer (1): not mapped');
  });

  it('terraform --out writes the file', async () => {
    const { exitCode } = await cli(['import', 'terraform', fixture, '--out', 'prod.yaml']);
    expect(exitCode).toBe(0);
    expect(parseTopology(await readFile(join(dir, 'prod.yaml'), 'utf8')).ok).toBe(true);
  });

  it('--name stores; replacing shows the difference and needs --yes', async () => {
    expect((await cli(['import', 'terraform', fixture, '--name', 'prod'])).out).toContain('stored topology "prod"');
    expect((await cli(['import', 'terraform', fixture, '--name', 'prod'])).out).toContain('unchanged');

    mountSeed();
    const refused = await cli(
      ['import', 'huaweicloud', '--region', 'cn-north-4', '--project-id', PROJECT, '--name', 'prod'],
      {
        ...ENV,
      },
    );
    expect(refused.exitCode).toBe(4);
    expect(refused.out).toContain('changes to topology "prod"');
    expect(refused.out).toContain('- VPC f583c072-1a2b-4c3d-8e4f-5a6b7c8d9e0f');
    expect(refused.err).toContain('--yes');
    expect(refused.err).not.toContain('warning: skipped VPCs');
  });

  it('huaweicloud: a refused credential is a clear error with exit status 2', async () => {
    const { exitCode, err } = await cli(['import', 'huaweicloud', '--region', 'cn-north-4'], {});
    expect(exitCode).toBe(2);
    expect(err).toContain('HUAWEICLOUD_SDK_AK');
  });
});
