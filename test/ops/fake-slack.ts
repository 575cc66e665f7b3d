// A local stand-in for Slack in Socket Mode, on 127.0.0.1: the Web API (and response URLs) over HTTP, and the
// Socket Mode WebSocket. Tests choose when the connection says hello, which methods fail, and can hold a
// method's answer until they release it (to stop the bot while an answer is in flight).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeSlack {
  readonly apiUrl: string;
  /** A response_url on this fake, for slash-command payloads. */
  readonly responseUrl: (id: string) => string;
  readonly calls: { method: string; body: Record<string, unknown> }[];
  readonly acks: Record<string, unknown>[];
  /** Resolves when the bot's WebSocket is connected and greeted. */
  readonly connected: Promise<void>;
  /** Send the hello that completes the Socket Mode connection (done at once unless `holdHello`). */
  hello(): void;
  send(envelope: Record<string, unknown>): void;
  /** Answer `method` with `{ok:false, error}` from now on (undefined: answer normally again). */
  fail(method: string, error: string | undefined): void;
  /** Keep `method`'s next answer waiting; resolves when the request has arrived, with a release function. */
  hold(method: string): Promise<() => void>;
  close(): Promise<void>;
}

export async function fakeSlack(options: { readonly holdHello?: boolean } = {}): Promise<FakeSlack> {
  const calls: FakeSlack['calls'] = [];
  const acks: FakeSlack['acks'] = [];
  const failures = new Map<string, string>();
  const holds = new Map<string, (release: () => void) => void>();
  let socket: WebSocket | undefined;
  let greeted = false;
  let resolveConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => {
    resolveConnected = resolve;
  });
  const greet = () => {
    if (!socket || greeted) return;
    greeted = true;
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'local' },
        connection_info: { app_id: 'A1' },
      }),
    );
    resolveConnected();
  };
  let helloAllowed = !options.holdHello;
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const wsPort = (wss.address() as AddressInfo).port;
  wss.on('connection', (ws) => {
    socket = ws;
    greeted = false;
    ws.on('message', (data) => acks.push(JSON.parse(String(data)) as Record<string, unknown>));
    if (helloAllowed) greet();
  });
  const answer = (method: string, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const error = failures.get(method);
    if (error) res.end(JSON.stringify({ ok: false, error }));
    else if (method === 'apps.connections.open')
      res.end(JSON.stringify({ ok: true, url: `ws://127.0.0.1:${wsPort}/` }));
    else if (method === 'chat.postMessage') res.end(JSON.stringify({ ok: true, ts: '1700009999.000100' }));
    else res.end(JSON.stringify({ ok: true }));
  };
  const http: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const method = (req.url ?? '').replace(/^\/api\//, '');
    const json = (req.headers['content-type'] ?? '').includes('application/json');
    calls.push({
      method,
      body: json ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw)),
    });
    const held = holds.get(method);
    if (held) {
      holds.delete(method);
      held(() => answer(method, res));
      return;
    }
    answer(method, res);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/commands/T1/${id}`,
    calls,
    acks,
    connected,
    hello() {
      helloAllowed = true;
      greet();
    },
    send: (envelope) => socket?.send(JSON.stringify(envelope)),
    fail(method, error) {
      if (error === undefined) failures.delete(method);
      else failures.set(method, error);
    },
    hold: (method) => new Promise((resolve) => holds.set(method, resolve)),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A /reach envelope as Slack sends it over Socket Mode. */
export function slashCommand(slack: FakeSlack, id: string, text: string, user = 'UUSER01'): Record<string, unknown> {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      command: '/reach',
      text,
      team_id: 'T1',
      channel_id: 'C1',
      user_id: user,
      response_url: slack.responseUrl(id),
      trigger_id: `trig-${id}`,
      api_app_id: 'A1',
    },
  };
}

/** An app_mention envelope. */
export function mention(id: string, text: string, ts: string): Record<string, unknown> {
  return {
    envelope_id: id,
    type: 'events_api',
    accepts_response_payload: false,
    payload: {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev${id}`,
      event_time: 1_700_000_000,
      event: { type: 'app_mention', user: 'UUSER01', text: `<@U0BOT> ${text}`, ts, channel: 'C1', event_ts: ts },
    },
  };
}
