// The Prometheus metrics of a running bot (prom-client), on a registry of its own so that tests and several
// bots in one process never share counters. Every series is named reachbot_* except prom-client's default
// process and Node.js metrics (event-loop lag among them). docs/OPERATIONS.md lists them with example alerts.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Where an answer was asked from. */
export type Surface = 'slash_command' | 'mention' | 'direct_message' | 'action';

/** What an answer said: a diagnosis verdict, or a reply that is not a diagnosis. */
export type AnswerKind = 'reachable' | 'unreachable' | 'uncertain' | 'not_understood' | 'reply' | 'failed';

/** How one HTTP attempt to Slack ended. */
export type SlackAttemptResult = 'ok' | 'error' | 'http_error' | 'network_error' | 'rate_limited';

/**
 * What a topology sync reports (src/sync/ and `huaweicloud sync`): one call per run, success or failure.
 * `at` is when the run finished; the age gauge counts from the last successful run.
 */
export interface SyncMetrics {
  syncRun(topology: string, outcome: 'ok' | 'failed', at: Date): void;
}

export interface Metrics extends SyncMetrics {
  readonly registry: Registry;
  answered(surface: Surface, kind: AnswerKind, seconds: number): void;
  slackAttempt(method: string, result: SlackAttemptResult): void;
  digestRun(outcome: 'sent' | 'quiet' | 'skipped' | 'failed'): void;
  storeWrite(seconds: number, ok: boolean): void;
  /** The text exposition of every series (what GET /metrics returns). */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Results that the Web API client retries (its retry policy, and 429s always). */
const RETRIED: ReadonlySet<SlackAttemptResult> = new Set(['http_error', 'network_error', 'rate_limited']);

/** Make the bot's metrics; `now` drives the sync-age gauge (seconds since the last successful sync). */
export function createMetrics(options: { readonly now?: () => Date; readonly defaultMetrics?: boolean } = {}): Metrics {
  const now = options.now ?? (() => new Date());
  const registry = new Registry();
  // Node's own: event-loop lag (nodejs_eventloop_lag_seconds and percentiles), heap, GC, handles, CPU, RSS.
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const answers = new Counter({
    name: 'reachbot_answers_total',
    help: 'Answers sent, by surface and verdict (or reply / not_understood / failed).',
    labelNames: ['surface', 'verdict'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'reachbot_answer_duration_seconds',
    help: 'From the request reaching the bot to its answer delivered to Slack.',
    labelNames: ['surface'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers: [registry],
  });
  const slackRequests = new Counter({
    name: 'reachbot_slack_api_requests_total',
    help: 'HTTP attempts to Slack by Web API method (response_url for answers through a response URL) and result.',
    labelNames: ['method', 'result'] as const,
    registers: [registry],
  });
  const slackErrors = new Counter({
    name: 'reachbot_slack_api_errors_total',
    help: 'Slack attempts that did not succeed, by method.',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const slackRetries = new Counter({
    name: 'reachbot_slack_api_retries_total',
    help: 'Failed Slack attempts of a kind the client retries (HTTP/network errors, 429), by method.',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'reachbot_slack_api_rate_limited_total',
    help: 'HTTP 429 answers from Slack, by method (the client waits Retry-After, then retries).',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const digests = new Counter({
    name: 'reachbot_digest_runs_total',
    help: 'Scheduled digest runs by outcome (sent, quiet, skipped, failed).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const digestFailures = new Counter({
    name: 'reachbot_digest_failures_total',
    help: 'Scheduled digest runs that failed.',
    registers: [registry],
  });
  const syncRuns = new Counter({
    name: 'reachbot_sync_runs_total',
    help: 'Topology sync runs by topology and outcome.',
    labelNames: ['topology', 'outcome'] as const,
    registers: [registry],
  });
  const syncFailures = new Counter({
    name: 'reachbot_sync_failures_total',
    help: 'Topology sync runs that failed, by topology.',
    labelNames: ['topology'] as const,
    registers: [registry],
  });
  const lastSyncOk = new Map<string, number>();
  new Gauge({
    name: 'reachbot_sync_age_seconds',
    help: 'Seconds since the last successful sync of each topology.',
    labelNames: ['topology'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [topology, at] of lastSyncOk) this.set({ topology }, Math.max(0, (now().getTime() - at) / 1000));
    },
  });
  const storeWrites = new Histogram({
    name: 'reachbot_store_write_duration_seconds',
    help: 'Store writes (whole-document atomic replace), from update to the file renamed.',
    labelNames: ['result'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  return {
    registry,
    contentType: registry.contentType,
    answered(surface, kind, seconds) {
      answers.inc({ surface, verdict: kind });
      latency.observe({ surface }, seconds);
    },
    slackAttempt(method, result) {
      slackRequests.inc({ method, result });
      if (result !== 'ok') slackErrors.inc({ method });
      if (RETRIED.has(result)) slackRetries.inc({ method });
      if (result === 'rate_limited') rateLimited.inc({ method });
    },
    digestRun(outcome) {
      digests.inc({ outcome });
      if (outcome === 'failed') digestFailures.inc();
    },
    syncRun(topology, outcome, at) {
      syncRuns.inc({ topology, outcome });
      if (outcome === 'failed') syncFailures.inc({ topology });
      else lastSyncOk.set(topology, at.getTime());
    },
    storeWrite(seconds, ok) {
      storeWrites.observe({ result: ok ? 'ok' : 'error' }, seconds);
    },
    render: () => registry.metrics(),
  };
}

/** The metric kind of an outcome of `converse`: the verdict of an answer, else reply / not_understood. */
export function answerKind(outcome: {
  readonly kind: 'reply' | 'answer' | 'error';
  readonly answer?: { readonly result: { readonly verdict: 'reachable' | 'unreachable' | 'uncertain' } };
}): AnswerKind {
  if (outcome.kind === 'answer' && outcome.answer) return outcome.answer.result.verdict;
  return outcome.kind === 'error' ? 'not_understood' : 'reply';
}

/** Seconds elapsed since `start` (a `process.hrtime.bigint()` reading). */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
