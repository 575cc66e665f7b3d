// A loopback HTTP server (127.0.0.1, port 0) that answers the importer's calls from the recorded
// fixtures, every service under its own path prefix (http://127.0.0.1:PORT/<service>), so the real
// importer and client run against it through the endpoint overrides, with the real global fetch.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { body } from './replay.js';

export interface SeenRequest {
  readonly service: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization: string | undefined;
}

export interface LoopbackCloud {
  /** Base URL of one service, e.g. http://127.0.0.1:41234/dns. */
  readonly endpoint: (service: string) => string;
  readonly requests: SeenRequest[];
  readonly close: () => Promise<void>;
}

/** The fixture for a request: "service path[?engine=...]", page #2 when a marker is sent (every paged fixture has two). */
function fixtureFor(service: string, path: string, query: Record<string, string>): Record<string, unknown> | null {
  const base = `${service} ${path}${query.engine ? `?engine=${query.engine}` : ''}`;
  for (const key of [query.marker ? `${base}#2` : `${base}#1`, base]) {
    try {
      return body(key);
    } catch {
      // not this key
    }
  }
  return null;
}

/** Start the double; `overrides` answers before the fixtures (service path -> body). */
export async function startLoopbackCloud(
  overrides: Readonly<Record<string, Record<string, unknown>>> = {},
): Promise<LoopbackCloud> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, service = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const query = Object.fromEntries(url.searchParams);
    requests.push({ service, path, query, authorization: request.headers.authorization });
    const found = overrides[`${service} ${path}`] ?? fixtureFor(service, path, query);
    response.setHeader('content-type', 'application/json');
    if (!found) {
      // What APIG answers for an API that does not exist in the region.
      response.statusCode = 404;
      response.end(
        JSON.stringify({
          error_code: 'APIGW.0101',
          error_msg: 'The API does not exist or has not been published in the environment',
        }),
      );
      return;
    }
    response.end(JSON.stringify(found));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: (service) => `http://127.0.0.1:${port}/${service}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
