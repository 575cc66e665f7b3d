// The composition root for Slack: an App for the chosen transport (Socket Mode or HTTP), the shared
// middleware (dedupe of redeliveries), the listeners, and the error fallback. No behaviour lives here.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import type { SlackTransport } from '../config/env.js';
import { boltLogger } from '../log/logger.js';
import type { InFlight } from '../ops/in-flight.js';
import { ConnectionArrivals } from './connection-arrivals.js';
import { DeliveryLedger, dedupeDeliveries } from './dedupe.js';
import type { SlackDeps } from './deps.js';
import { guardSlackRequests } from './http-guard.js';
import { registerListeners } from './listeners/index.js';
import { Turns } from './turns.js';

/** The health route served in HTTP mode (load balancers, uptime checks). */
export const HEALTH_PATH = '/health';

export interface SlackAppOptions {
  readonly transport: Exclude<SlackTransport, { kind: 'shell' }>;
  /** Another Slack API base URL (a proxy, or a local fake in tests); also used for apps.connections.open. */
  readonly slackApiUrl?: string;
  /** Given together, they skip the auth.test call at start-up (tests; or a known bot). */
  readonly botId?: string;
  readonly botUserId?: string;
  /** How the WebClient retries failed calls; rate limits are always waited out as Retry-After says. */
  readonly retryConfig?: webApi.RetryOptions;
  /** HTTP mode: the clock request timestamps are checked against (seconds); tests pin it. */
  readonly requestClock?: () => number;
  /** The fetch every Slack call goes through (Web API and response_url): metrics and call health. */
  readonly fetch?: typeof fetch;
  /** Told when the Socket Mode connection comes up or goes down (readiness). */
  readonly onConnection?: (state: 'connected' | 'disconnected') => void;
  /** Counts each Slack request from arrival until every listener has finished (graceful shutdown). */
  readonly inFlight?: InFlight;
  /**
   * HTTP mode: the longest an answer waits for a burst of new connections to be let in first, in ms (default 200,
   * DEFAULT_ANSWER_WAIT_MS in src/slack/turns.ts).
   */
  readonly answerWaitMs?: number;
  /**
   * HTTP mode: how long a request no listener acknowledged waits before Bolt answers 404, in ms (Bolt's default,
   * 3001). Only a payload Slack would never send (signed, but neither a command, an event nor an interaction) waits.
   */
  readonly unhandledRequestTimeoutMs?: number;
  /** GET routes answered on Bolt's own port in HTTP mode (/healthz, /readyz, /metrics). */
  readonly routes?: readonly {
    readonly path: string;
    readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  }[];
}

/** Where Slack posts events, commands and interactions in HTTP mode. */
const EVENTS_PATH = '/slack/events';

/** Build the Slack app; `startSlackApp` starts it. */
export function createSlackApp(options: SlackAppOptions, deps: SlackDeps): App {
  const clientOptions: webApi.WebClientOptions = {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    // An interactive answer is worth a few retries, not the default half hour of them.
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    // Wait out 429s (Retry-After) and retry, instead of failing the answer.
    rejectRateLimitedCalls: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const identity = options.botId && options.botUserId ? { botId: options.botId, botUserId: options.botUserId } : {};
  const common = {
    token: options.transport.botToken,
    logger: boltLogger(deps.logger),
    clientOptions,
    extendedErrorHandler: true,
    // Bolt's default conversation store is a middleware on every request that throws and catches "Conversation not
    // found" each time; threads keep their context in our own store (`threads`, src/store/data.ts), so it is off.
    convoStore: false as const,
    ...identity,
  };
  const routes = [
    ...(options.routes ?? []).map((route) => ({ path: route.path, method: ['GET'], handler: route.handler })),
    ...((options.routes ?? []).some((route) => route.path === HEALTH_PATH)
      ? []
      : [
          {
            path: HEALTH_PATH,
            method: ['GET'],
            handler: (_req: IncomingMessage, res: ServerResponse) => {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ ok: true }));
            },
          },
        ]),
  ];
  let app: App;
  // HTTP mode: the connections the receiver's server accepts, which answers let in first (src/slack/turns.ts).
  let arrivals: ConnectionArrivals | undefined;
  if (options.transport.kind === 'socket') {
    // Our own receiver (as Bolt would build it) so that the connection's state can be watched.
    const receiver = new SocketModeReceiver({
      appToken: options.transport.appToken,
      logger: common.logger,
      installerOptions: { clientOptions },
    });
    if (options.onConnection) {
      const told = options.onConnection;
      receiver.client.on('connected', () => told('connected'));
      receiver.client.on('disconnected', () => told('disconnected'));
      receiver.client.on('reconnecting', () => told('disconnected'));
    }
    app = new App({ ...common, receiver });
  } else {
    arrivals = new ConnectionArrivals();
    app = new App({
      ...common,
      receiver: httpReceiver(options.transport.signingSecret, common.logger, routes, options, deps, arrivals),
    });
  }

  if (options.inFlight) {
    const inFlight = options.inFlight;
    // Outermost middleware: the request counts as in flight until every listener is done with it.
    app.use(async ({ next }) => {
      await inFlight.track(next());
    });
  }
  app.use(dedupeDeliveries(deps.deliveries ?? new DeliveryLedger(deps.store, deps.logger), deps.now, deps.logger));
  const turns = new Turns({
    ...(arrivals ? { arrivals } : {}),
    ...(options.answerWaitMs !== undefined ? { maxWaitMs: options.answerWaitMs } : {}),
  });
  registerListeners(app, { ...deps, turns });
  app.error(async ({ error, context, body }: ExtendedErrorHandlerArgs) => {
    const fields = (body ?? {}) as Record<string, unknown>;
    const event = fields.event as { type?: unknown } | undefined;
    deps.logger.error(
      {
        err: error,
        code: (error as { code?: unknown }).code,
        type: fields.type,
        event: event?.type,
        command: fields.command,
        team: context.teamId,
        user: context.userId,
        retryNum: context.retryNum,
      },
      'unhandled error in a Slack listener',
    );
  });
  return app;
}

/** Bolt's HTTPReceiver with our GET routes, behind the guard that keeps hostile requests away from it. */
function httpReceiver(
  signingSecret: string,
  logger: ReturnType<typeof boltLogger>,
  customRoutes: ConstructorParameters<typeof HTTPReceiver>[0]['customRoutes'],
  options: SlackAppOptions,
  deps: SlackDeps,
  arrivals: ConnectionArrivals,
): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: [EVENTS_PATH],
    logger,
    ...(customRoutes ? { customRoutes } : {}),
    ...(options.unhandledRequestTimeoutMs !== undefined
      ? { unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMs }
      : {}),
  });
  // The receiver's server calls `requestListener` per request, so wrapping the property puts the guard in front.
  receiver.requestListener = guardSlackRequests(receiver.requestListener, {
    endpoints: [EVENTS_PATH],
    logger: deps.logger,
    arrivals,
    ...(options.requestClock ? { nowSeconds: options.requestClock } : {}),
  });
  // The receiver makes its server in start(): count the connections that server accepts.
  const start = receiver.start.bind(receiver) as (...args: unknown[]) => Promise<Server>;
  receiver.start = (async (...args: unknown[]) => {
    const server = await start(...args);
    arrivals.watch(server);
    return server;
  }) as HTTPReceiver['start'];
  return receiver;
}

/** Start the app: HTTP listens on `port` (0 = any free port) and returns the server; Socket Mode connects. */
export async function startSlackApp(
  app: App,
  transport: SlackAppOptions['transport'],
  host?: string,
): Promise<Server | undefined> {
  if (transport.kind === 'http')
    return (await app.start(host ? { port: transport.port, host } : transport.port)) as Server;
  await app.start();
  return undefined;
}
