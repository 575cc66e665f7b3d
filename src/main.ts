// `npm start` (in production `node dist/bundle/main.js`, this module as `npm run build` bundles it): Slack over
// Socket Mode (SLACK_BOT_TOKEN + SLACK_APP_TOKEN), Slack over HTTP (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET), or, with
// neither, a local chat shell on the sample topology (or the store's topologies) that answers exactly as Slack
// would. With Slack, /metrics, /healthz and /readyz are served on METRICS_PORT from the first moment, and SIGTERM
// drains (docs/OPERATIONS.md).

import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { userInfo } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { App } from '@slack/bolt';
import { SAMPLE_TOPOLOGY_PATH } from './cli/paths.js';
import { huaweiCloudSync } from './commands/huaweicloud-sync.js';
import { createRegistry, type SubcommandRegistry } from './commands/registry.js';
import type { TopologyChangeListener } from './commands/topology.js';
import { type Config, ConfigError, loadConfig } from './config/env.js';
import { onTopologyReplaced } from './digest/alerts.js';
import type { Poster } from './digest/poster.js';
import { startDigestScheduler } from './digest/scheduler.js';
import { createDigestSubcommands, handleWatchButton } from './digest/subcommands.js';
import type { Lang } from './i18n/lang.js';
import { createLogger, type Logger, maskSecrets } from './log/logger.js';
import { InFlight } from './ops/in-flight.js';
import { measuredSync } from './ops/measured-sync.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { Readiness } from './ops/readiness.js';
import { handleOps, OPS_PATHS, startOpsServer } from './ops/server.js';
import { instrumentedSlackFetch, SlackCallHealth } from './ops/slack-calls.js';
import { createSlackApp, type SlackAppOptions, startSlackApp } from './slack/app.js';
import { DeliveryLedger } from './slack/dedupe.js';
import { runShell } from './slack/shell.js';
import { StoreLockedError } from './store/errors.js';
import { type FileStore, type OpenOptions, openFileStore } from './store/file-store.js';
import type { LockOptions } from './store/lock.js';
import { MemoryStore } from './store/memory-store.js';
import type { Store } from './store/store.js';
import { compiledFor, listTopologies, putTopology } from './store/topologies.js';
import { scheduledSyncCommand } from './sync/commands.js';
import { kubernetesReader } from './sync/kubernetes.js';
import { sourceReader } from './sync/read-source.js';
import { startSyncScheduler } from './sync/scheduler.js';
import { formatIssues } from './topology/errors.js';
import { parseTopology } from './topology/load.js';

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
  /** The operations server (/metrics, /healthz, /readyz). */
  readonly ops: Server;
  readonly store: FileStore;
  readonly metrics: Metrics;
  /** Settles with a reason if another writer takes the store over: the process must stop then. */
  readonly leaseLost: Promise<string>;
  /** Stop taking work, finish answers in flight (up to REACHBOT_DRAIN_SECONDS), flush, close. */
  stop(): Promise<void>;
}

/** Knobs for tests; production uses the defaults. */
export interface StartOptions {
  /** How long to wait between attempts while another process holds the store lock. */
  readonly lockRetryMs?: number;
  readonly lock?: LockOptions;
  /** Told once the operations server listens (before the store opens), e.g. to probe /readyz meanwhile. */
  readonly onOpsListening?: (server: Server) => void;
}

/** How long start-up waits before trying a held store lock again. */
export const LOCK_RETRY_MS = 5_000;

/** Exit status 2: the environment is misconfigured (the message says what to change). */
export const EXIT_CONFIG = 2;

/** Start what the environment asks for: the shell runs to EOF and returns its exit status; Slack keeps running. */
export async function main(
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
  options: StartOptions = {},
): Promise<number | RunningSlack> {
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
  return startSlack(config, transport, env, options);
}

async function startSlack(
  config: Config,
  transport: SlackAppOptions['transport'],
  env: Readonly<Record<string, string | undefined>>,
  options: StartOptions,
): Promise<RunningSlack> {
  const secrets = [transport.botToken, transport.kind === 'socket' ? transport.appToken : transport.signingSecret];
  const logger = createLogger({ level: config.logLevel, secrets });
  const metrics = createMetrics();
  const slackCalls = new SlackCallHealth();
  const readiness = new Readiness(slackCalls);
  // Up before anything slow (the store lock may be held), so probes see a live process that says why it waits.
  const ops = await startOpsServer({ metrics, readiness }, config.metricsPort, config.listenHost);
  options.onOpsListening?.(ops);
  logger.info({ port: portOf(ops), paths: OPS_PATHS }, 'operations endpoints listening');
  if (config.admins.size === 0) {
    logger.warn(
      'no admins configured (REACHBOT_ADMINS is empty): nobody can import, sync or remove topologies from Slack; set it to Slack user ids like U012ABCDEF',
    );
  }
  let onLost: (reason: string) => void = () => {};
  const leaseLost = new Promise<string>((resolve) => {
    onLost = resolve;
  });
  const store = await openStoreWhenFree(
    config.storePath,
    {
      onWrite: (seconds, ok) => metrics.storeWrite(seconds, ok),
      lock: {
        ...options.lock,
        onTakeover: (message) => logger.warn({ store: config.storePath }, message),
        onLost: (message) => {
          logger.fatal({ store: config.storePath }, `${message}; stopping so that only one writer remains`);
          readiness.unmet('store', message);
          onLost(message);
        },
      },
    },
    { logger, readiness, retryMs: options.lockRetryMs ?? LOCK_RETRY_MS },
  );
  for (const warning of store.warnings) logger.warn({ store: store.path }, warning);
  readiness.met('store');
  compileStoredTopologies(store, logger);
  readiness.met('topologies');
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
  // Digests, alerts and sync notices of a channel without `digest lang` use the workspace default (REACHBOT_LANG).
  const defaultLang = config.defaultLang ? { defaultLang: config.defaultLang } : {};
  const onTopologyChange = changeAlerts(store, poster, logger, config.defaultLang);
  // Scheduled syncs: overdue ones (missed while the bot was down) run at once, the rest when due.
  const syncs = startSyncScheduler({
    store,
    read: sourceReader({ env }),
    kubernetes: kubernetesReader(kubeconfigOf(env)),
    poster,
    onChange: onTopologyChange,
    logger,
    defaultIntervalMs: config.syncIntervalMs,
    ...defaultLang,
  });
  const registry = createRegistry(createDigestSubcommands(undefined, config.defaultLang), {
    sync: measuredSync(huaweiCloudSync(env), metrics),
    onChange: onTopologyChange,
    scheduled: scheduledSyncCommand(syncs),
  });
  const deliveries = new DeliveryLedger(store, logger);
  const inFlight = new InFlight();
  const deps = {
    store,
    deliveries,
    logger,
    now: () => new Date(),
    admins: config.admins,
    ...(config.defaultLang ? { defaultLang: config.defaultLang } : {}),
    registry,
    botToken: transport.botToken,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    watchButton: (request: Parameters<typeof handleWatchButton>[0]) =>
      handleWatchButton({ ...request, ...defaultLang }),
    onTopologyChange,
    metrics,
  };
  const opsRoute = (req: Parameters<typeof handleOps>[1], res: Parameters<typeof handleOps>[2]) => {
    void handleOps({ metrics, readiness }, req, res);
  };
  const app = createSlackApp(
    {
      transport,
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      ...(env.SLACK_BOT_ID && env.SLACK_BOT_USER_ID
        ? { botId: env.SLACK_BOT_ID, botUserId: env.SLACK_BOT_USER_ID }
        : {}),
      fetch: instrumentedSlackFetch(metrics, slackCalls),
      inFlight,
      onConnection: (state) => {
        if (state === 'connected') readiness.met('slack');
        else readiness.unmet('slack', 'the Socket Mode connection is down (reconnecting)');
      },
      routes: OPS_PATHS.map((path) => ({ path, handler: opsRoute })),
    },
    deps,
  );
  client = app.client;
  const server = await startSlackApp(app, transport, config.listenHost);
  // Socket Mode: start() resolves once connected; HTTP: Slack reaches us once we listen.
  readiness.met('slack');
  logger.info(
    {
      mode: transport.kind,
      store: store.path,
      admins: config.admins.size,
      ...(server ? { port: portOf(server) } : {}),
    },
    transport.kind === 'socket' ? 'reachbot connected to Slack (Socket Mode)' : 'reachbot listening for Slack (HTTP)',
  );
  const scheduler = startDigestScheduler({
    store,
    poster,
    logger,
    ...defaultLang,
    onRun: (status) =>
      metrics.digestRun(
        status === 'sent' || status === 'quiet'
          ? status
          : status === 'error' || status === 'failed'
            ? 'failed'
            : 'skipped',
      ),
  });
  // Then every watched path, in the background (scheduled channels first), so that the first digest finds it
  // checked; after the missed digests, which check theirs anyway.
  void scheduler
    .runMissed()
    .catch((error: unknown) => logger.error({ err: error }, 'missed-digest pass failed'))
    .then(async () => {
      const started = performance.now();
      const paths = await scheduler.checkAhead();
      if (paths > 0)
        logger.info({ paths, ms: Math.round(performance.now() - started) }, 'watched paths checked ahead of digests');
    })
    .catch((error: unknown) => logger.error({ err: error }, 'checking watched paths ahead of digests failed'));
  let stopping: Promise<void> | undefined;
  return {
    app,
    ...(server ? { server } : {}),
    ops,
    store,
    metrics,
    leaseLost,
    stop() {
      stopping ??= (async () => {
        readiness.unmet('shutdown', 'shutting down');
        logger.info({ inFlight: inFlight.size, drainSeconds: config.drainSeconds }, 'stopping: no new work taken');
        scheduler.stop();
        syncs.stop();
        // Stop receiving first (Socket Mode disconnects, HTTP stops listening); answers in flight go on.
        await app.stop().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping the Slack app'));
        const drained = await inFlight.drain(config.drainSeconds * 1000);
        if (!drained) {
          logger.warn({ inFlight: inFlight.size }, 'answers still in flight after the drain period; closing anyway');
        }
        await Promise.all([scheduler.idle(), syncs.idle()]);
        await deliveries.flush();
        await store.close();
        await new Promise<void>((resolve) => ops.close(() => resolve()));
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Open the store as its writer; while another process holds the lock, say so, report it on /readyz, and try
 * again (a replaced pod waits for the old one to stop, or for its lease to go stale).
 */
async function openStoreWhenFree(
  path: string,
  options: OpenOptions,
  waiting: { readonly logger: Logger; readonly readiness: Readiness; readonly retryMs: number },
): Promise<FileStore> {
  for (;;) {
    try {
      return await openFileStore(path, options);
    } catch (error) {
      if (!(error instanceof StoreLockedError)) throw error;
      waiting.readiness.unmet('store', `waiting for the store lock: ${error.message}`);
      waiting.logger.warn(
        { store: path, retryInSeconds: waiting.retryMs / 1000 },
        `waiting for the store lock: ${error.message}; retrying in ${waiting.retryMs / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, waiting.retryMs));
    }
  }
}

/** Compile every stored topology now, so the first question is not the one that pays for it. */
function compileStoredTopologies(store: Store, logger: Logger): void {
  for (const { name } of listTopologies(store)) {
    try {
      compiledFor(store, name);
    } catch (error) {
      logger.error(
        { err: error, topology: name },
        'a stored topology could not be compiled; questions about it will fail',
      );
    }
  }
}

/** Change alerts for watched paths when a topology is imported, replaced or removed. */
function changeAlerts(store: Store, poster: Poster, logger: Logger, lang?: Lang): TopologyChangeListener {
  return async (change) => {
    try {
      await onTopologyReplaced(store, change.name, change.before, change.after, poster, {
        logger,
        ...(lang ? { defaultLang: lang } : {}),
        changedBy: change.by,
        ...(change.diff ? { diff: change.diff } : {}),
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
  let stopSyncs = async () => {};
  try {
    // A read-only store (a bot holds it) is the bot's to sync: the shell then schedules nothing.
    const writable = !('writer' in store) || store.writer === true;
    const syncs = writable
      ? startSyncScheduler({
          store,
          read: sourceReader({ env }),
          kubernetes: kubernetesReader(kubeconfigOf(env)),
          defaultIntervalMs: config.syncIntervalMs,
        })
      : undefined;
    stopSyncs = async () => {
      syncs?.stop();
      await syncs?.idle();
    };
    const registry: SubcommandRegistry = createRegistry(createDigestSubcommands(undefined, config.defaultLang), {
      sync: huaweiCloudSync(env),
      ...(syncs ? { scheduled: scheduledSyncCommand(syncs) } : {}),
    });
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
    await stopSyncs();
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
export async function sampleStore(path = SAMPLE_TOPOLOGY_PATH): Promise<MemoryStore> {
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

/**
 * Wire `main` to the process: exit status, signals, and fatal start-up errors. Run when this module is the script
 * node runs, or by `npm start` (bin/start.js).
 */
export async function runProcess(): Promise<void> {
  const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  // A signal before the bot is up (waiting for the store lock, say) ends the process at once: nothing to drain.
  const early = () => process.exit(0);
  process.once('SIGINT', early);
  process.once('SIGTERM', early);
  try {
    const result = await main(process.env, io);
    process.off('SIGINT', early);
    process.off('SIGTERM', early);
    if (typeof result === 'number') {
      process.exitCode = result;
      return;
    }
    const stop = (code: number) => {
      void result.stop().then(
        () => process.exit(code),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop(0));
    process.once('SIGTERM', () => stop(0));
    void result.leaseLost.then(() => stop(1));
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

/** The kubeconfig scheduled syncs read clusters with: REACHBOT_KUBECONFIG, else the client's defaults. */
function kubeconfigOf(env: Readonly<Record<string, string | undefined>>): { kubeconfig?: string } {
  return env.REACHBOT_KUBECONFIG ? { kubeconfig: env.REACHBOT_KUBECONFIG } : {};
}
