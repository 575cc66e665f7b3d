// `npm start`: Slack over Socket Mode (SLACK_BOT_TOKEN + SLACK_APP_TOKEN), Slack over HTTP
// (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, with GET /health), or, with neither, a local chat shell on the
// sample topology (or the store's topologies) that answers exactly as Slack would.
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { userInfo } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { App } from '@slack/bolt';
import { huaweiCloudSync } from './commands/huaweicloud-sync.js';
import { createRegistry, type SubcommandRegistry } from './commands/registry.js';
import type { TopologyChangeListener } from './commands/topology.js';
import { type Config, ConfigError, loadConfig } from './config/env.js';
import { onTopologyReplaced } from './digest/alerts.js';
import type { Poster } from './digest/poster.js';
import { startDigestScheduler } from './digest/scheduler.js';
import { digestSubcommands, handleWatchButton } from './digest/subcommands.js';
import { createLogger, type Logger, maskSecrets } from './log/logger.js';
import { createSlackApp, type SlackAppOptions, startSlackApp } from './slack/app.js';
import { DeliveryLedger } from './slack/dedupe.js';
import { runShell } from './slack/shell.js';
import { StoreLockedError } from './store/errors.js';
import { type FileStore, openFileStore } from './store/file-store.js';
import { MemoryStore } from './store/memory-store.js';
import type { Store } from './store/store.js';
import { putTopology } from './store/topologies.js';
import { formatIssues } from './topology/errors.js';
import { parseTopology } from './topology/load.js';

/** The sample topology the shell uses when the store has none. */
export const SAMPLE_TOPOLOGY = fileURLToPath(new URL('../data/sample.yaml', import.meta.url));

export const CONNECT_HINT =
  'Local shell (no Slack credentials). To connect to Slack, create the app from manifest.yml and set SLACK_BOT_TOKEN + SLACK_APP_TOKEN (Socket Mode) or SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (HTTP); see docs/SLACK.md.';

export const SHELL_WELCOME =
  'reachbot shell: ask as you would in Slack, e.g. "can pod in prod reach 192.168.10.52?" or "prod -> redis-main"; "help" lists every command, Ctrl-D ends.';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** A running Slack app, to stop it (tests, signals). */
export interface RunningSlack {
  readonly app: App;
  readonly server?: Server;
  readonly store: FileStore;
  stop(): Promise<void>;
}

/** Exit status 2: the environment is misconfigured (the message says what to change). */
export const EXIT_CONFIG = 2;

/** Start what the environment asks for: the shell runs to EOF and returns its exit status; Slack keeps running. */
export async function main(env: Readonly<Record<string, string | undefined>>, io: Io): Promise<number | RunningSlack> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`reachbot: ${error.message}\n`);
      return EXIT_CONFIG;
    }
    throw error;
  }
  const { transport } = config;
  if (transport.kind === 'shell') return runLocalShell(config, env, io);
  return startSlack(config, transport, env);
}

async function startSlack(
  config: Config,
  transport: SlackAppOptions['transport'],
  env: Readonly<Record<string, string | undefined>>,
): Promise<RunningSlack> {
  const secrets = [transport.botToken, transport.kind === 'socket' ? transport.appToken : transport.signingSecret];
  const logger = createLogger({ level: config.logLevel, secrets });
  const store = await openFileStore(config.storePath);
  for (const warning of store.warnings) logger.warn({ store: store.path }, warning);
  // The digest poster and change alerts post through the app's client, which exists once the app does.
  let client: App['client'] | undefined;
  const poster: Poster = {
    postMessage: (message) => {
      if (!client) throw new Error('the Slack app is not started yet');
      return client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
    },
  };
  const onTopologyChange = changeAlerts(store, poster, logger);
  const registry = createRegistry(digestSubcommands, { sync: huaweiCloudSync(env), onChange: onTopologyChange });
  const deliveries = new DeliveryLedger(store, logger);
  const deps = {
    store,
    deliveries,
    logger,
    now: () => new Date(),
    admins: config.admins,
    registry,
    botToken: transport.botToken,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    watchButton: handleWatchButton,
    onTopologyChange,
  };
  const app = createSlackApp(
    {
      transport,
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      ...(env.SLACK_BOT_ID && env.SLACK_BOT_USER_ID
        ? { botId: env.SLACK_BOT_ID, botUserId: env.SLACK_BOT_USER_ID }
        : {}),
    },
    deps,
  );
  client = app.client;
  const server = await startSlackApp(app, transport);
  logger.info(
    {
      mode: transport.kind,
      store: store.path,
      admins: config.admins.size,
      ...(server ? { port: portOf(server) } : {}),
    },
    transport.kind === 'socket' ? 'reachbot connected to Slack (Socket Mode)' : 'reachbot listening for Slack (HTTP)',
  );
  const scheduler = startDigestScheduler({ store, poster, logger });
  void scheduler.runMissed().catch((error: unknown) => logger.error({ err: error }, 'missed-digest pass failed'));
  let stopped = false;
  return {
    app,
    ...(server ? { server } : {}),
    store,
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduler.stop();
      await scheduler.idle();
      await app.stop().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping the Slack app'));
      await deliveries.flush();
      await store.close();
    },
  };
}

/** Change alerts for watched paths when a topology is imported, replaced or removed. */
function changeAlerts(store: Store, poster: Poster, logger: Logger): TopologyChangeListener {
  return async (change) => {
    try {
      await onTopologyReplaced(store, change.name, change.before, change.after, poster, {
        logger,
        changedBy: change.by,
        ...(change.description ? { changeDescription: change.description } : {}),
      });
    } catch (error) {
      logger.error({ err: error, topology: change.name }, 'change alerts failed');
    }
  };
}

async function runLocalShell(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
): Promise<number> {
  io.stderr.write(`${CONNECT_HINT}\n`);
  const { store, close } = await shellStore(config, io);
  try {
    const registry: SubcommandRegistry = createRegistry(digestSubcommands, { sync: huaweiCloudSync(env) });
    const interactive = Boolean((io.stdin as { isTTY?: boolean }).isTTY);
    io.stderr.write(`${SHELL_WELCOME}\n`);
    await runShell({
      input: io.stdin,
      output: io.stdout,
      store,
      registry,
      user: localUser(),
      interactive,
      greeting: ['clusters'],
      greetingOutput: io.stderr,
    });
    return 0;
  } finally {
    await close();
  }
}

/** The file store when it has topologies (read-only if a bot holds it), else the sample in memory. */
async function shellStore(config: Config, io: Io): Promise<{ store: Store; close: () => Promise<void> }> {
  let file: FileStore | undefined;
  try {
    file = await openFileStore(config.storePath, { writer: false });
  } catch (error) {
    io.stderr.write(
      `(store ${config.storePath} not readable: ${error instanceof Error ? error.message : String(error)})\n`,
    );
  }
  if (file && Object.keys(file.data.topologies).length > 0) {
    const reader = file;
    try {
      const writer = await openFileStore(config.storePath);
      await reader.close();
      io.stderr.write(`Using the topologies in ${writer.path}.\n`);
      return { store: writer, close: () => writer.close() };
    } catch (error) {
      if (!(error instanceof StoreLockedError)) {
        await reader.close();
        throw error;
      }
      // A bot holds the lock: keep the reader already open rather than reading the file again.
      io.stderr.write(`Using the topologies in ${reader.path} read-only (${error.message}).\n`);
      return { store: reader, close: () => reader.close() };
    }
  }
  await file?.close();
  return { store: await sampleStore(), close: async () => {} };
}

/** A memory store holding data/sample.yaml as topology "sample". */
export async function sampleStore(path = SAMPLE_TOPOLOGY): Promise<MemoryStore> {
  const parsed = parseTopology(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(`the sample topology is invalid:\n${formatIssues(parsed.issues, path)}`);
  const store = new MemoryStore();
  await putTopology(store, {
    name: 'sample',
    topology: parsed.topology,
    source: 'data/sample.yaml',
    makeDefault: true,
  });
  return store;
}

function localUser(): string {
  try {
    return `local:${userInfo().username}`;
  } catch {
    return 'local';
  }
}

function portOf(server: Server): number | undefined {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : undefined;
}

/** Wire `main` to the process: exit status, signals, and fatal start-up errors. */
async function runProcess(): Promise<void> {
  const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  try {
    const result = await main(process.env, io);
    if (typeof result === 'number') {
      process.exitCode = result;
      return;
    }
    const stop = () => {
      void result.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    io.stderr.write(
      `reachbot: could not start: ${maskSecrets(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runProcess();
}
