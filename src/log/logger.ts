// One pino logger for the whole process, with secrets kept out of every line: known secret keys are
// redacted, token-shaped strings and the configured secret values are masked wherever they appear, and
// file contents are never passed to the logger at all (callers log names, sizes and ids only).
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTED = '[redacted]';

/** Keys whose values are secrets or user files, at the top level and one level down (pino paths). */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'authorization',
  'Authorization',
  'cookie',
  'content',
  'fileContent',
  'x-slack-signature',
];
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
];

// xoxb-/xoxp-/xoxa-/xoxe-/xoxr-/xoxs- (bot, user, app, refresh...) and xapp- app-level tokens.
const TOKEN_PATTERN = /\b(xox[abeoprs]-|xapp-)[A-Za-z0-9-]+/g;

export interface LoggerOptions {
  readonly level?: string;
  /** Exact secret values to mask wherever they appear (the configured tokens and signing secret). */
  readonly secrets?: readonly string[];
  /** Where lines go; stdout by default. Tests pass an in-memory stream. */
  readonly destination?: DestinationStream;
  readonly name?: string;
}

/** The process logger: JSON lines, with redaction and token masking applied to messages and fields. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 6);
  const mask = (text: string): string => maskSecrets(text, secrets);
  return pino(
    {
      name: options.name ?? 'reachbot',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      formatters: { log: (object) => scrub(object, mask) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? mask(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: { err: (err: unknown) => scrub(pino.stdSerializers.err(err as Error), mask) },
    },
    options.destination ?? pino.destination(1),
  );
}

/** Replace token-shaped substrings and the given secret values with a marker. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, (_match, prefix: string) => `${prefix}${REDACTED}`);
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

function scrub(value: unknown, mask: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return mask(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, mask, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEYS.includes(key) ? REDACTED : scrub(item, mask, depth + 1);
  }
  return out;
}

const BOLT_TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt's Logger interface over a pino child logger, so Bolt and WebClient lines get the same redaction. */
export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]): void => {
      const error = parts.find((part): part is Error => part instanceof Error);
      const text = parts
        .filter((part) => !(part instanceof Error))
        .map((part) => (typeof part === 'string' ? part : safeJson(part)))
        .join(' ');
      if (error) child[level]({ err: error }, text || error.message);
      else child[level](text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (level) => {
      child.level = BOLT_TO_PINO[level] ?? 'info';
    },
    getLevel: () => {
      const level = child.level;
      return level === 'debug' || level === 'trace'
        ? LogLevel.DEBUG
        : level === 'warn'
          ? LogLevel.WARN
          : level === 'error' || level === 'fatal'
            ? LogLevel.ERROR
            : LogLevel.INFO;
    },
    setName: (name) => {
      child = logger.child({ component: name });
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
