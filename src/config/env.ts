// The process environment, validated once at start-up: which Slack transport to use (Socket Mode, HTTP, or
// none = the local chat shell), and the few settings around it. Misconfiguration is an error, never a guess.
import * as z from 'zod/v4';
import { DEFAULT_STORE_FILE } from '../store/file-store.js';
import { defaultIntervalFromEnv } from '../sync/interval.js';

export const DEFAULT_PORT = 3000;
/** Where /metrics, /healthz and /readyz are served in every mode. */
export const DEFAULT_METRICS_PORT = 9090;
/** How long a shutdown waits for answers in flight (under Kubernetes' default 30 s grace period). */
export const DEFAULT_DRAIN_SECONDS = 20;

/** How the process talks to Slack, decided by which credentials are present. */
export type SlackTransport =
  | { readonly kind: 'socket'; readonly botToken: string; readonly appToken: string }
  | { readonly kind: 'http'; readonly botToken: string; readonly signingSecret: string; readonly port: number }
  | { readonly kind: 'shell' };

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface Config {
  readonly transport: SlackTransport;
  /** Base URL of the Slack Web API (and of apps.connections.open), for a proxy or a local fake Slack. */
  readonly slackApiUrl?: string;
  /** Slack user ids allowed to write (import/remove topologies, ...). */
  readonly admins: ReadonlySet<string>;
  /** The workspace's default answer language (REACHBOT_LANG); absent: each answer follows its question. */
  readonly defaultLang?: 'zh' | 'en';
  readonly storePath: string;
  readonly logLevel: LogLevel;
  /** Interval of a scheduled sync configured without one (REACHBOT_SYNC_INTERVAL, default 10 minutes). */
  readonly syncIntervalMs: number;
  /** The operations port (/metrics, /healthz, /readyz); 0 = any free port. */
  readonly metricsPort: number;
  /** The address the ops server and HTTP mode listen on (LISTEN_HOST); absent: every interface. */
  readonly listenHost?: string;
  /** How long SIGTERM waits for answers in flight before closing anyway. */
  readonly drainSeconds: number;
}

/** The environment cannot be turned into a working configuration; the message says what to change. */
export class ConfigError extends Error {
  readonly code = 'reachbot_config_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

// An empty variable is the same as an unset one: `SLACK_APP_TOKEN= npm start` must not mean "Socket Mode".
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

const portNumber = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a port number')
  .transform(Number)
  .refine((port) => port <= 65535, 'must be at most 65535');

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  PORT: optionalText.pipe(portNumber.optional()),
  METRICS_PORT: optionalText.pipe(portNumber.optional()),
  LISTEN_HOST: optionalText.pipe(z.union([z.ipv4(), z.ipv6()], { message: 'must be an IP address' }).optional()),
  REACHBOT_DRAIN_SECONDS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, 'must be a whole number of seconds')
      .transform(Number)
      .optional(),
  ),
  REACHBOT_ADMINS: optionalText,
  REACHBOT_LANG: optionalText.pipe(z.enum(['zh', 'en']).optional()),
  REACHBOT_STORE: optionalText,
  REACHBOT_SYNC_INTERVAL: optionalText,
  REACHBOT_REQUIRE_SLACK: optionalText.pipe(z.enum(['true', 'false', '1', '0']).optional()),
  LOG_LEVEL: optionalText.pipe(z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional()),
});

/** Read and check the environment; throws ConfigError with a message meant for the person starting the bot. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // One line naming each variable: what an operator reads first in a crash-looping pod's log.
    const lines = parsed.error.issues.map(
      (issue) =>
        `${issue.path.join('.')} is invalid (${issue.message}, got "${String(env[String(issue.path[0])] ?? '').slice(0, 40)}")`,
    );
    throw new ConfigError(lines.join('; '));
  }
  const vars = parsed.data;
  let syncIntervalMs: number;
  try {
    syncIntervalMs = defaultIntervalFromEnv({ REACHBOT_SYNC_INTERVAL: vars.REACHBOT_SYNC_INTERVAL });
  } catch (error) {
    throw new ConfigError(`REACHBOT_SYNC_INTERVAL: ${error instanceof Error ? error.message : String(error)}`);
  }
  const slackApiUrl = vars.SLACK_API_URL ? withTrailingSlash(vars.SLACK_API_URL) : undefined;
  const transport = chooseTransport(vars.SLACK_BOT_TOKEN, vars.SLACK_APP_TOKEN, vars.SLACK_SIGNING_SECRET, vars.PORT);
  // In a container there is no one to talk to the local shell: without credentials it would exit at once.
  if (transport.kind === 'shell' && (vars.REACHBOT_REQUIRE_SLACK === 'true' || vars.REACHBOT_REQUIRE_SLACK === '1')) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is not set, and REACHBOT_REQUIRE_SLACK says this is a Slack deployment: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).',
    );
  }
  const metricsPort = vars.METRICS_PORT ?? DEFAULT_METRICS_PORT;
  if (transport.kind === 'http' && metricsPort !== 0 && metricsPort === transport.port) {
    throw new ConfigError(`METRICS_PORT (${metricsPort}) must differ from PORT, which Slack's requests use.`);
  }
  return {
    transport,
    ...(slackApiUrl ? { slackApiUrl } : {}),
    admins: parseAdmins(vars.REACHBOT_ADMINS),
    ...(vars.REACHBOT_LANG ? { defaultLang: vars.REACHBOT_LANG } : {}),
    storePath: vars.REACHBOT_STORE ?? DEFAULT_STORE_FILE,
    logLevel: vars.LOG_LEVEL ?? 'info',
    syncIntervalMs,
    metricsPort,
    ...(vars.LISTEN_HOST ? { listenHost: vars.LISTEN_HOST } : {}),
    drainSeconds: vars.REACHBOT_DRAIN_SECONDS ?? DEFAULT_DRAIN_SECONDS,
  };
}

/** REACHBOT_ADMINS: comma- or space-separated Slack user ids (U…/W…). */
export function parseAdmins(raw: string | undefined): ReadonlySet<string> {
  const ids = (raw ?? '')
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
  if (bad.length) {
    throw new ConfigError(
      `REACHBOT_ADMINS must list Slack user ids like U012ABCDEF (names can be changed by anyone); not ids: ${bad.join(', ')}`,
    );
  }
  return new Set(ids);
}

function chooseTransport(
  botToken: string | undefined,
  appToken: string | undefined,
  signingSecret: string | undefined,
  port: number | undefined,
): SlackTransport {
  // Tokens in the wrong variable are the most common setup mistake; name it exactly.
  if (botToken?.startsWith('xapp-')) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN holds an app-level token (xapp-…). Put it in SLACK_APP_TOKEN, and put the bot token (xoxb-…, "OAuth & Permissions") in SLACK_BOT_TOKEN.',
    );
  }
  if (appToken?.startsWith('xoxb-')) {
    throw new ConfigError(
      'SLACK_APP_TOKEN holds a bot token (xoxb-…). Put it in SLACK_BOT_TOKEN, and create an app-level token (xapp-…, scope connections:write, "Basic Information") for SLACK_APP_TOKEN.',
    );
  }
  if (botToken && !botToken.startsWith('xoxb-')) {
    throw new ConfigError('SLACK_BOT_TOKEN must be a bot token starting with xoxb- ("OAuth & Permissions" page).');
  }
  if (appToken && !appToken.startsWith('xapp-')) {
    throw new ConfigError('SLACK_APP_TOKEN must be an app-level token starting with xapp- ("Basic Information" page).');
  }
  if (botToken && appToken) return { kind: 'socket', botToken, appToken };
  if (botToken && signingSecret) return { kind: 'http', botToken, signingSecret, port: port ?? DEFAULT_PORT };
  if (botToken) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is set but there is no way to receive events: set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).',
    );
  }
  if (appToken)
    throw new ConfigError('SLACK_APP_TOKEN is set without SLACK_BOT_TOKEN (xoxb-…): Socket Mode needs both.');
  if (signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET is set without SLACK_BOT_TOKEN (xoxb-…): HTTP mode needs both.');
  }
  return { kind: 'shell' };
}

function withTrailingSlash(url: string): string {
  // WebClient joins method names onto the base URL, so ".../api" must end in a slash.
  return url.endsWith('/') ? url : `${url}/`;
}
