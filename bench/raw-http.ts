// A minimal HTTP/1.1 client for the slash-command benchmark: one kept-alive connection, one request at a time, the
// request written as prepared bytes and the response read far enough to know it is whole (status line, headers,
// Content-Length or chunked body). Node's http client costs the load generator about 0.3 ms of CPU per request on a
// small machine, which the app being measured then waits for; Slack's own servers are not on the app's machine.
import { connect, type Socket } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

/** One request's bytes: the head (method, path, headers with the body's length) and the body. */
export function requestBytes(path: string, headers: Readonly<Record<string, string>>, body: string): Buffer {
  const payload = Buffer.from(body);
  const lines = [`POST ${path} HTTP/1.1`, 'host: 127.0.0.1', `content-length: ${payload.length}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), payload]);
}

/** Where a whole response ends in `data`, and its status; undefined while more bytes are needed. */
export function responseEnd(data: Buffer): { end: number; status: number } | undefined {
  const headEnd = data.indexOf(HEADER_END);
  if (headEnd === -1) return undefined;
  const head = data.subarray(0, headEnd).toString('latin1');
  const status = Number(head.slice(9, 12));
  const bodyStart = headEnd + HEADER_END.length;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return data.length >= end ? { end, status } : undefined;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = data.indexOf('\r\n0\r\n\r\n', bodyStart - 2);
    return last === -1 ? undefined : { end: last + 7, status };
  }
  return { end: bodyStart, status };
}

/** A kept-alive connection to 127.0.0.1:`port` that sends one request at a time. */
export class RawConnection {
  readonly #socket: Socket;
  readonly #ready: Promise<void>;
  #pending: Buffer = Buffer.alloc(0);
  #waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;

  constructor(port: number) {
    this.#socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.#ready = new Promise((resolve, reject) => {
      this.#socket.once('connect', resolve);
      this.#socket.once('error', reject);
    });
    this.#socket.on('data', (chunk: Buffer) => {
      this.#pending = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
      const done = responseEnd(this.#pending);
      if (!done || !this.#waiting) return;
      this.#pending = this.#pending.subarray(done.end);
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting.resolve(done.status);
    });
    this.#socket.on('error', (error) => this.#waiting?.reject(error));
    this.#socket.on('close', () => this.#waiting?.reject(new Error('the app closed the connection')));
  }

  /** Resolves once connected: call before timing the first request. */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Write `bytes` and resolve with the response's status once it is whole. */
  send(bytes: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#socket.write(bytes);
    });
  }

  close(): void {
    this.#socket.destroy();
  }
}
