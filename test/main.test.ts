// `npm start` (src/main.ts): transport choice, misconfiguration -> exit 2, and the local shell both
// in-process and as a real process fed on stdin.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CONNECT_HINT, EXIT_CONFIG, main, sampleStore } from '../src/main.js';
import { openFileStore } from '../src/store/file-store.js';
import { seedTopology } from './slack/helpers.js';

function io(input: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  return { io: { stdin: Readable.from(input), stdout, stderr }, out: () => out.join(''), err: () => err.join('') };
}

async function storeWithFixture(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'reachbot-main-')), 'store.json');
  const store = await openFileStore(path);
  await seedTopology(store);
  await store.close();
  return path;
}

describe('main', () => {
  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-x' }, 'no way to receive events'],
    [{ SLACK_APP_TOKEN: 'xapp-1-A-2-x' }, 'without SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xapp-1-A-2-x', SLACK_APP_TOKEN: 'xapp-1-A-2-y' }, 'SLACK_BOT_TOKEN holds an app-level token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-x', SLACK_APP_TOKEN: 'xoxb-1-2-y' }, 'SLACK_APP_TOKEN holds a bot token'],
  ])('exits 2 with a clear message on misconfiguration %j', async (env, message) => {
    const run = io([]);
    expect(await main(env, run.io)).toBe(EXIT_CONFIG);
    expect(run.err()).toContain(message);
    expect(run.err()).not.toMatch(/xoxb-1-2-[xy]|xapp-1-A-2-[xy]/);
  });

  it('with no Slack credentials runs the shell on the store, prints how to connect, and exits 0 at EOF', async () => {
    const path = await storeWithFixture();
    const run = io(['can pod in prod reach 192.168.10.52?\n']);
    expect(await main({ REACHBOT_STORE: path }, run.io)).toBe(0);
    expect(run.err()).toContain(CONNECT_HINT);
    expect(run.out()).toMatch(/^✗ UNREACHABLE {2}can pod in prod reach 192\.168\.10\.52 \(db1\) on tcp\/3306\?/);
  });

  it('loads a sample topology file into memory as the default topology "sample"', async () => {
    const store = await sampleStore(new URL('./slack/fixtures/prod.yaml', import.meta.url).pathname);
    expect(store.data.defaultTopology).toBe('sample');
    expect(store.data.topologies.sample?.topology.clusters?.map((c) => c.name)).toEqual(['prod', 'staging']);
  });

  it('as a real process: `echo question | npm start` prints the answer and exits 0; a bad token exits 2', async () => {
    const path = await storeWithFixture();
    const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REACHBOT_STORE: path };
    const run = (env: Record<string, string>, input: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
        // What `npm start` runs: the bundle when the build is fresh, else src/main.ts through tsx.
        const child = spawn(process.execPath, ['bin/start.js'], {
          env,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk) => {
          out += String(chunk);
        });
        child.stderr.on('data', (chunk) => {
          err += String(chunk);
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, out, err }));
        child.stdin.end(input);
      });
    const ok = await run(baseEnv, 'can pod in prod reach 192.168.10.52?\n');
    expect(ok.err).toContain('To connect to Slack');
    expect(ok.out).toContain('UNREACHABLE  can pod in prod reach 192.168.10.52 (db1) on tcp/3306?');
    expect(ok.code).toBe(0);
    const bad = await run({ ...baseEnv, SLACK_BOT_TOKEN: 'xapp-1-A1-2-oops' }, '');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('SLACK_BOT_TOKEN holds an app-level token');
  }, 60_000);
});
