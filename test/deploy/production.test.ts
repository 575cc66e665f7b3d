// The container image without a container engine: the Dockerfile's own commands, read from the Dockerfile,
// run in a temporary copy. The build stage's `npm run build` runs over this checkout's node_modules (linked:
// the build stage's dev install is `npm ci` of the same lock file); the runtime stage's production install is laid
// out as `npm ci --omit=dev` would, from the lock file (the lock's non-dev packages only, production-install.ts),
// then the start command starts the bot on dist/ with tsx hidden, to prove the runtime never needs it. Against a
// local Socket Mode Slack it must: answer, report ready and count the answer in /metrics, make a second start on the
// same store wait with a clear line, and on SIGTERM during an answer deliver it and exit 0, releasing the store.
// A bad variable exits 2 in one line.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';
import { type FakeSlack, fakeSlack, slashCommand } from '../ops/fake-slack.js';
import { seedTopology } from '../slack/helpers.js';
import { linkProductionInstall } from './production-install.js';

/** Poll generously: the machine may be loaded (the condition is awaited, never timed). */
const eventually = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 30_000, interval: 50 });

const ROOT = new URL('../../', import.meta.url).pathname;

interface Stage {
  readonly runs: string[];
  readonly copies: string[];
  readonly env: Record<string, string>;
  cmd?: string[];
}

/** The stages of the Dockerfile: their RUN commands, COPY sources and CMD. */
function readDockerfile(text: string): Record<string, Stage> {
  const stages: Record<string, Stage> = {};
  let current: Stage | undefined;
  const lines = text.replace(/\\\n\s*/g, ' ').split('\n');
  for (const line of lines) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(line);
    if (from?.[1]) {
      current = { runs: [], copies: [], env: {} };
      stages[from[1]] = current;
    } else if (current && /^RUN\s/.test(line)) current.runs.push(line.slice(4).trim());
    else if (current && /^COPY\s/.test(line)) current.copies.push(line.slice(5).trim());
    else if (current && /^ENV\s/.test(line)) {
      for (const pair of line.slice(4).trim().split(/\s+/)) {
        const [key = '', ...value] = pair.split('=');
        current.env[key] = value.join('=');
      }
    } else if (current && /^CMD\s/.test(line)) current.cmd = JSON.parse(line.slice(4)) as string[];
  }
  return stages;
}

let dir = '';
let app = '';
let build: Stage;
let runtime: Stage;
let slack: FakeSlack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  const stages = readDockerfile(await readFile(join(ROOT, 'Dockerfile'), 'utf8'));
  build = stages.build as Stage;
  runtime = stages.runtime as Stage;
  dir = await mkdtemp(join(tmpdir(), 'reachbot-image-'));
  const src = join(dir, 'src');
  app = join(dir, 'app');
  await mkdir(src);
  await mkdir(app);
  // Build stage.
  for (const file of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'scripts/bundle.mjs',
    'data/sample.yaml',
    'src',
  ]) {
    await cp(join(ROOT, file), join(src, file), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  // What `npm run build` reads besides the sources: the bundler's script, copied by the build stage.
  expect(build.copies).toContain('scripts/bundle.mjs ./scripts/');
  expect(build.copies).toContain('data/sample.yaml ./data/');
  expect(build.runs).toContain('npm run build');
  execSync('npm run build', { cwd: src, stdio: 'pipe' });
  // Runtime stage: the production install exactly as the Dockerfile runs it.
  for (const file of ['package.json', 'package-lock.json', 'bin', 'manifest.yml']) {
    await cp(join(ROOT, file), join(app, file), { recursive: true });
  }
  const install = runtime.runs.find((run) => run.startsWith('npm ci'));
  expect(install).toBe('npm ci --omit=dev --ignore-scripts --no-audit --no-fund');
  // What that install lays out, from the lock file: its packages that are not dev-only (production-install.ts).
  expect(await linkProductionInstall(ROOT, app)).toContain('node_modules/@slack/bolt');
  await cp(join(src, 'dist'), join(app, 'dist'), { recursive: true });
  await cp(join(ROOT, 'data/sample.yaml'), join(app, 'data/sample.yaml'));
  // Hide tsx (a dependency of the CLI's source fallback): the bot on dist/ must not need it.
  await rename(join(app, 'node_modules/tsx'), join(app, 'node_modules/.tsx-hidden'));
  slack = await fakeSlack();
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await slack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Bot {
  readonly child: ChildProcess;
  readonly lines: Record<string, unknown>[];
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function startBot(env: Record<string, string>): Bot {
  const [command = 'node', ...args] = runtime.cmd ?? [];
  const child = spawn(command === 'node' ? process.execPath : command, args, {
    cwd: app,
    // The image's ENV, then what a deployment sets (the test's store and a free metrics port).
    env: { PATH: process.env.PATH ?? '', HOME: app, ...runtime.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    buffer += String(chunk);
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

const HIDDEN = '.hidden-modules';

/** Move everything under the image's dist/ but the bundle aside (restoreHiddenModules puts it back, pass or fail). */
async function hideModulesOutsideBundle(): Promise<void> {
  const dist = join(app, 'dist');
  await mkdir(join(app, HIDDEN));
  for (const entry of await readdir(dist)) {
    if (entry !== 'bundle' && entry !== '.build-stamp') await rename(join(dist, entry), join(app, HIDDEN, entry));
  }
}

async function restoreHiddenModules(): Promise<void> {
  for (const entry of await readdir(join(app, HIDDEN)))
    await rename(join(app, HIDDEN, entry), join(app, 'dist', entry));
  await rm(join(app, HIDDEN), { recursive: true });
}

const logged = (bot: Bot, pattern: RegExp) => bot.lines.find((line) => pattern.test(String(line.msg)));

describe('the production image, run as its Dockerfile says', () => {
  it('uses the start command on dist/ and the production dependencies only', async () => {
    expect(runtime.cmd).toEqual(['node', 'dist/bundle/main.js']);
    expect(runtime.copies).toContain('--from=build /src/dist ./dist');
    await expect(stat(join(app, 'node_modules/typescript'))).rejects.toThrow(/ENOENT/);
    await expect(stat(join(app, 'node_modules/vitest'))).rejects.toThrow(/ENOENT/);
    await expect(stat(join(app, 'node_modules/prom-client'))).resolves.toBeDefined();
  });

  it('runs the reachbot CLI from dist/ (no src/ in the image), e.g. to export a topology for a backup', async () => {
    const store = join(dir, 'cli', 'reachbot.json');
    const seeded = await openFileStore(store);
    await seedTopology(seeded);
    await seeded.close();
    const cliEnv = { PATH: process.env.PATH ?? '', HOME: app, REACHBOT_STORE: store };
    const listed = execSync('node bin/reachbot.js topology list', { cwd: app, env: cliEnv, encoding: 'utf8' });
    expect(listed).toContain('prod-net');
    // With the code cache the build made, which this Node accepts.
    const outcome = execSync(
      `node --input-type=module -e "const { loadWithCodeCache } = await import('./dist/runtime/code-cache.js'); console.log(loadWithCodeCache(process.cwd() + '/dist/bundle/cli.cjs').outcome)"`,
      { cwd: app, env: cliEnv, encoding: 'utf8' },
    );
    expect(outcome.trim()).toBe('accepted');
    // The command runs the bundle the build made, on its own: not the ~300 modules under dist/cli and beyond.
    await rename(join(app, 'dist/cli'), join(app, 'dist/.cli-hidden'));
    try {
      expect(execSync('node bin/reachbot.js topology list', { cwd: app, env: cliEnv, encoding: 'utf8' })).toBe(listed);
    } finally {
      await rename(join(app, 'dist/.cli-hidden'), join(app, 'dist/cli'));
    }
  });

  it('starts, answers, is ready, counts; a second start waits for the lock; SIGTERM mid-answer delivers and exits 0', async () => {
    const store = join(dir, 'volume', 'reachbot.json');
    const seeded = await openFileStore(store);
    await seedTopology(seeded);
    // A watched path in a channel with a daily digest (its last slot sent): checked ahead of that digest at start.
    await seeded.update((data) => {
      data.watches.push({
        id: 'w1',
        channel: 'C1',
        topology: 'prod-net',
        question: { cluster: 'prod', workload: null, destination: '192.168.10.52', protocol: 'tcp', port: 3306 },
        createdBy: 'U1',
        createdAt: new Date().toISOString(),
      });
      data.schedules.C1 = {
        channel: 'C1',
        cron: '0 9 * * *',
        spec: 'daily 09:00',
        timezone: 'UTC',
        mode: 'always',
        lastRunAt: new Date().toISOString(),
      };
    });
    await seeded.close();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-1-2-imagetest',
      SLACK_APP_TOKEN: 'xapp-1-A1-2-imagetest',
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_ID: 'B0BOT',
      SLACK_BOT_USER_ID: 'U0BOT',
      REACHBOT_STORE: store,
      METRICS_PORT: '0',
      LISTEN_HOST: '127.0.0.1',
      REACHBOT_DRAIN_SECONDS: '60',
    };
    // The bot runs its bundle on its own: every other compiled module is out of reach while it starts and answers.
    await hideModulesOutsideBundle();
    onTestFinished(restoreHiddenModules);
    const bot = startBot(env);
    await eventually(() => logged(bot, /connected to Slack/)).toBeDefined();
    expect(logged(bot, /no admins configured \(REACHBOT_ADMINS is empty\)/)).toMatchObject({ level: 40 });
    await eventually(() => logged(bot, /^watched paths checked ahead of digests$/)).toMatchObject({ paths: 1 });
    const port = Number(logged(bot, /operations endpoints listening/)?.port);
    const readyz = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(readyz.status).toBe(200);

    slack.send(slashCommand(slack, 'img-1', 'prod 192.168.10.52 tcp/3306'));
    await eventually(() => slack.calls.find((c) => c.method === '/commands/T1/img-1')).toBeDefined();
    expect(String(slack.calls.find((c) => c.method === '/commands/T1/img-1')?.body.text)).toMatch(/^UNREACHABLE/);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('reachbot_answers_total{surface="slash_command",verdict="unreachable"} 1');

    // A second bot on the same volume (a rollout that overlaps) waits, saying why, rather than crash-looping.
    const second = startBot(env);
    await eventually(() =>
      logged(second, /^waiting for the store lock: .* held by pid \d+ .*; retrying in 5 s$/),
    ).toBeDefined();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // SIGTERM while an answer is on its way: the answer still arrives, then the bot exits 0 and frees the store.
    const release = slack.hold('/commands/T1/img-2');
    slack.send(slashCommand(slack, 'img-2', 'prod 192.168.10.52 tcp/3306'));
    const deliver = await release;
    bot.child.kill('SIGTERM');
    await eventually(() => logged(bot, /^stopping: no new work taken$/)).toMatchObject({ inFlight: 1 });
    let exitedEarly = false;
    void bot.exited.then(() => {
      exitedEarly = true;
    });
    // Give the process every chance to exit too early; the held answer must keep it alive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(exitedEarly).toBe(false);
    deliver();
    expect(await bot.exited).toBe(0);
    expect(logged(bot, /^stopped$/)).toBeDefined();
    expect(logged(bot, /still in flight/)).toBeUndefined();
    await expect(stat(`${store}.lock`)).rejects.toThrow(/ENOENT/);
  }, 60_000);

  it('exits 2 without Slack credentials rather than starting the local shell', async () => {
    expect(runtime.env).toMatchObject({ NODE_ENV: 'production', REACHBOT_REQUIRE_SLACK: 'true' });
    const bot = startBot({});
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toMatch(
      /^reachbot: SLACK_BOT_TOKEN is not set, and REACHBOT_REQUIRE_SLACK says this is a Slack deployment/,
    );
  });

  it('exits 2 with one line naming a bad variable', async () => {
    const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-x', SLACK_APP_TOKEN: 'xapp-1-A-2-x', METRICS_PORT: 'ninety' });
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toBe('reachbot: METRICS_PORT is invalid (must be a port number, got "ninety")\n');
  });
});
