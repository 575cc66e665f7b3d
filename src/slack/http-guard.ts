// What stands in front of Bolt's HTTPReceiver in HTTP mode: request timestamps within five minutes either side,
// a body-size cap answered at once with 413, and only bodies Bolt can read (a JSON object or a form) passed on.
// Bolt 5's receiver reads `body.ssl_check` of whatever JSON it parsed, so a signed body of `null` throws inside
// an async closure nobody awaits and ends the process (see docs/SLACK.md); the guard never lets such a body through.
import type { IncomingMessage, RequestListener } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { ConnectionArrivals } from './connection-arrivals.js';

/** The largest request body read, in bytes; Slack's payloads are a few KB, so anything near this is not Slack. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** How far a request's `x-slack-request-timestamp` may be from our clock, either side, in seconds. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

export interface GuardOptions {
  /** The paths Bolt receives events on (POST only). */
  readonly endpoints: readonly string[];
  /** Seconds since the epoch; the real clock unless a test pins it. */
  readonly nowSeconds?: () => number;
  readonly maxBytes?: number;
  readonly logger: { warn(fields: object, message: string): void };
  /** New connections to let in before a request is passed on (none: passed on at once). */
  readonly arrivals?: Pick<ConnectionArrivals, 'afterQuietTurn'>;
}

/** The longest a read request waits for a burst of new connections to be let in, in ms. */
export const REQUEST_WAIT_MS = 20;

/** A body Bolt reads from `rawBody` instead of the stream (its BufferedIncomingMessage). */
type Buffered = IncomingMessage & { rawBody?: Buffer };

/** Wrap Bolt's request listener: refuse what it would mishandle, pass everything else through unchanged. */
export function guardSlackRequests(listener: RequestListener, options: GuardOptions): RequestListener {
  const maxBytes = options.maxBytes ?? MAX_REQUEST_BYTES;
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || !options.endpoints.includes(path)) {
      listener(req, res);
      return;
    }
    const refuse = (status: number, why: string) => {
      options.logger.warn({ status, path, why }, 'refused a Slack request');
      res.writeHead(status, { connection: 'close' });
      res.end();
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      // Answer before reading a byte, and close: the rest of the body is not worth receiving.
      refuse(413, `body of ${declared} bytes is over ${maxBytes}`);
      req.resume();
      req.on('end', () => req.socket.destroy());
      return;
    }
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    const ssl = isSslCheckCandidate(req);
    if (!ssl && (!Number.isInteger(stamp) || Math.abs(nowSeconds() - stamp) > TIMESTAMP_WINDOW_SECONDS)) {
      refuse(401, 'request timestamp missing or more than five minutes from now');
      req.resume();
      return;
    }
    readBody(req, maxBytes).then(
      (body) => {
        if (body === 'too-large') {
          refuse(413, `body over ${maxBytes} bytes`);
          req.socket.destroy();
          return;
        }
        if (!readable(req, body)) {
          refuse(400, 'body is not a JSON object or a form');
          return;
        }
        (req as Buffered).rawBody = body;
        const pass = () => {
          try {
            listener(req, res);
          } catch (error) {
            options.logger.warn({ err: error, path }, 'the Slack receiver threw');
            if (!res.headersSent) res.writeHead(500);
            res.end();
          }
        };
        if (options.arrivals) options.arrivals.afterQuietTurn(pass, REQUEST_WAIT_MS);
        else pass();
      },
      (error: unknown) => {
        options.logger.warn({ err: error, path }, 'could not read a Slack request body');
        if (!res.headersSent) res.writeHead(400);
        res.end();
      },
    );
  };
}

/** A form post may be Slack's unsigned `ssl_check=1`, which carries no timestamp; Bolt checks it in full. */
function isSslCheckCandidate(req: IncomingMessage): boolean {
  return req.headers['content-type'] === 'application/x-www-form-urlencoded' && !req.headers['x-slack-signature'];
}

/** The whole body, or 'too-large' as soon as it passes `maxBytes`. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Whether Bolt can read the body without throwing: a form (its `payload` a JSON object) or a JSON object. */
function readable(req: IncomingMessage, body: Buffer): boolean {
  const text = body.toString();
  try {
    if (req.headers['content-type'] === 'application/x-www-form-urlencoded') {
      const { payload } = parseQuery(text);
      return typeof payload !== 'string' || isObject(JSON.parse(payload));
    }
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
