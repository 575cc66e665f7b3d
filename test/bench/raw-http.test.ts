// The benchmark's minimal HTTP client (bench/raw-http.ts): a response is whole only once its body is, whatever the
// server's framing, and requests on one kept-alive connection each get their own response, against a real node:http
// server on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawConnection, requestBytes, responseEnd } from '../../bench/raw-http.js';

describe('responseEnd', () => {
  const head = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);

  it('waits for the headers, then for Content-Length bytes of body', () => {
    const whole = Buffer.concat([head(['HTTP/1.1 200 OK', 'Content-Length: 5']), Buffer.from('hello')]);
    expect(responseEnd(whole.subarray(0, 10))).toBeUndefined();
    expect(responseEnd(whole.subarray(0, whole.length - 1))).toBeUndefined();
    expect(responseEnd(whole)).toEqual({ end: whole.length, status: 200 });
    const next = Buffer.concat([whole, Buffer.from('HTTP/1.1 404')]);
    expect(responseEnd(next)).toEqual({ end: whole.length, status: 200 });
  });

  it('waits for the last chunk of a chunked body', () => {
    const start = head(['HTTP/1.1 401 Unauthorized', 'transfer-encoding: chunked']);
    const partial = Buffer.concat([start, Buffer.from('3\r\nabc\r\n')]);
    expect(responseEnd(partial)).toBeUndefined();
    const whole = Buffer.concat([partial, Buffer.from('0\r\n\r\n')]);
    expect(responseEnd(whole)).toEqual({ end: whole.length, status: 401 });
  });
});

describe('RawConnection', () => {
  let server: Server;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        // Odd bodies get a chunked answer, even ones a sized one: both framings on one connection.
        res.statusCode = body === 'missing' ? 404 : 200;
        if (body.length % 2) res.write(body);
        res.end(body.length % 2 ? '' : body);
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends request after request on one connection and reads each status', async () => {
    const connection = new RawConnection((server.address() as AddressInfo).port);
    await connection.ready();
    const statuses: number[] = [];
    for (const body of ['odd', 'even', 'missing', 'x'.repeat(70_000)]) {
      statuses.push(await connection.send(requestBytes('/slack/events', { 'content-type': 'text/plain' }, body)));
    }
    connection.close();
    expect(statuses).toEqual([200, 200, 404, 200]);
    expect(connections).toBe(1);
  });
});
