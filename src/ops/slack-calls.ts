// Every HTTP attempt the Slack clients make (Web API methods and response_url answers) goes through one
// fetch: it counts them by method and result for the metrics, and tells whether Slack calls are failing
// across the board (a revoked token, Slack unreachable), which /readyz reports.
import type { Metrics, SlackAttemptResult } from './metrics.js';

/** After this many failed attempts in a row, with none succeeding, the bot is not ready. */
export const FAILING_AFTER = 5;

/** Whether Slack calls succeed: the failures in a row since the last success. */
export class SlackCallHealth {
  #failuresInRow = 0;
  #lastError = '';
  #since: Date | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  record(result: SlackAttemptResult, detail: string): void {
    if (result === 'ok') {
      this.#failuresInRow = 0;
      this.#since = undefined;
      return;
    }
    if (this.#failuresInRow === 0) this.#since = this.now();
    this.#failuresInRow += 1;
    this.#lastError = detail;
  }

  /** Why the bot should not count as healthy, or undefined while calls succeed (or too few failed). */
  problem(): string | undefined {
    if (this.#failuresInRow < FAILING_AFTER) return undefined;
    return `every Slack call has failed since ${this.#since?.toISOString()} (${this.#failuresInRow} in a row; last: ${this.#lastError})`;
  }
}

/** The Slack method an attempt calls: the last path segment of a Web API URL, or response_url. */
export function slackMethodOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'unknown';
  }
  const api = /\/api\/([A-Za-z0-9_.]+)$/.exec(path);
  return api?.[1] ?? 'response_url';
}

/** A fetch for the Slack clients that records each attempt's method and result. */
export function instrumentedSlackFetch(
  metrics: Pick<Metrics, 'slackAttempt'>,
  health: SlackCallHealth,
  inner: typeof fetch = (input, init) => fetch(input, init),
): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = slackMethodOf(url);
    const note = (result: SlackAttemptResult, detail: string) => {
      metrics.slackAttempt(method, result);
      health.record(result, `${method}: ${detail}`);
    };
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      note('network_error', error instanceof Error ? error.message : String(error));
      throw error;
    }
    if (response.status === 429) note('rate_limited', 'HTTP 429');
    else if (response.status !== 200) note('http_error', `HTTP ${response.status}`);
    else if (method === 'response_url') note('ok', 'ok');
    else note(...(await platformResult(response)));
    return response;
  };
}

/** A Web API answer with HTTP 200 can still be an error: `{"ok": false, "error": "invalid_auth"}`. */
async function platformResult(response: Response): Promise<[SlackAttemptResult, string]> {
  try {
    const body = (await response.clone().json()) as { ok?: unknown; error?: unknown };
    if (body.ok === false) return ['error', typeof body.error === 'string' ? body.error : 'ok: false'];
  } catch {
    // Not JSON: the Web API client reports it; the attempt itself got through.
  }
  return ['ok', 'ok'];
}
