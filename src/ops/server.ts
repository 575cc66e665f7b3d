// The operations endpoints: GET /metrics (Prometheus text), /healthz (the process is alive and its event
// loop turns), /readyz (ready to answer, else 503 with the reasons), and /health (the older name of /readyz).
// Served on a port of their own in every mode (METRICS_PORT), and also on Bolt's port in HTTP mode.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';
import type { Readiness } from './readiness.js';

export const OPS_PATHS = ['/metrics', '/healthz', '/readyz', '/health'] as const;

export interface OpsDeps {
  readonly metrics: Metrics;
  readonly readiness: Readiness;
}

/** Answer one operations request; false when the path is not an operations path. */
export async function handleOps(deps: OpsDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  switch (path) {
    case '/metrics': {
      const text = await deps.metrics.render();
      res.writeHead(200, { 'content-type': deps.metrics.contentType });
      res.end(text);
      return true;
    }
    case '/healthz':
      json(res, 200, { ok: true });
      return true;
    case '/readyz':
    case '/health': {
      const report = deps.readiness.report();
      json(res, report.ready ? 200 : 503, { ok: report.ready, ...(report.ready ? {} : { reasons: report.reasons }) });
      return true;
    }
    default:
      return false;
  }
}

/** Listen on `port` (0 = any free port) on `host` (default every interface); resolves once listening. */
export async function startOpsServer(deps: OpsDeps, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    handleOps(deps, req, res).then(
      (handled) => {
        if (!handled) json(res, 404, { ok: false, error: 'not found' });
      },
      (error: unknown) => json(res, 500, { ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
