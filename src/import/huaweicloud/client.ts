// A read-only Huawei Cloud API client: signed GETs over global fetch, throttling retried with
// backoff, and the failures an importer must tell apart (bad credentials stop the import; a
// service missing in the region or a missing permission skip that service; anything else is an
// API error with Huawei's error_code). Credentials never appear in errors or logs.

import * as z from 'zod/v4';
import { LocalizedError } from '../../i18n/localized-error.js';
import { localized } from '../../i18n/message.js';
import { importErrors as E } from '../../i18n/messages/import-errors.js';
import { isConnectionResetCode, networkErrorCode } from '../../net/connection-errors.js';
import { signRequest } from './signer.js';

export interface HuaweiCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  /** For temporary credentials (X-Security-Token). */
  readonly securityToken?: string;
}

export interface ClientOptions {
  readonly region: string;
  readonly credentials: HuaweiCredentials;
  /** Endpoints are https://{service}.{region}.{domain}; default myhuaweicloud.com. */
  readonly domain?: string;
  /** Per-service base URLs ("vpc" -> "https://vpc.internal.example:8443/prefix"), replacing the domain's. */
  readonly endpoints?: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
  /** Injected so that tests do not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  /** Retries of a throttled or briefly unavailable call (default 5). */
  readonly maxRetries?: number;
}

/** The credentials were refused: nothing else will work, so the import stops. */
export class HuaweiCloudAuthError extends LocalizedError {
  readonly code = 'reachbot_import_auth';
  constructor(readonly detail: string) {
    super(localized(E['import.refused-credentials'], { detail }));
    this.name = 'HuaweiCloudAuthError';
  }
}

/** The service has no endpoint or API in this region (not offered, or not enabled). */
export class ServiceUnavailableError extends Error {
  readonly code = 'reachbot_import_service_unavailable';
  constructor(
    readonly service: string,
    readonly detail: string,
  ) {
    super(`${service} is not available in this region (${detail})`);
    this.name = 'ServiceUnavailableError';
  }
}

/** Any other API failure, with Huawei's error_code when it gave one. */
export class HuaweiCloudApiError extends Error {
  readonly code = 'reachbot_import_api';
  constructor(
    readonly status: number,
    readonly errorCode: string | undefined,
    readonly detail: string,
    readonly path: string,
  ) {
    super(`GET ${path} failed: HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'HuaweiCloudApiError';
  }

  /** IAM says the user may not call this API. */
  get forbidden(): boolean {
    return this.status === 403;
  }

  /** No HTTP answer because the connection was reset or closed under the request (retried before it surfaces). */
  get connectionReset(): boolean {
    return this.status === 0 && isConnectionResetCode(this.errorCode);
  }

  /** Still throttled after every retry (HTTP 429 or APIG's throttling code). */
  get throttled(): boolean {
    return this.status === 429 || (this.errorCode !== undefined && THROTTLING_CODES.has(this.errorCode));
  }
}

// Huawei's APIG and services answer errors in a few shapes; read them all.
const errorBody = z
  .object({
    error_code: z.string().optional(),
    error_msg: z.string().optional(),
    code: z.union([z.string(), z.number()]).optional(),
    message: z.string().optional(),
    errorCode: z.string().optional(),
    errorMessage: z.string().optional(),
    error: z.object({ code: z.string().optional(), message: z.string().optional() }).optional(),
  })
  .loose();

const THROTTLING_CODES = new Set(['APIGW.0308']);
const AUTH_CODES = new Set(['APIGW.0301', 'APIGW.0303', 'APIGW.0305']);
const MISSING_API_CODES = new Set(['APIGW.0101']);

/** A signed, retrying GET client for one region and credential. */
export class HuaweiCloudClient {
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  private readonly maxRetries: number;
  /** Services that have answered at least one call: a missing API there is one API, not the whole service. */
  private readonly answered = new Set<string>();

  constructor(private readonly options: ClientOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? (() => new Date());
    this.maxRetries = options.maxRetries ?? 5;
  }

  get region(): string {
    return this.options.region;
  }

  /** The endpoint of a service in this region: its override, else https://{service}.{region}.{domain}. */
  endpoint(service: string): string {
    return (
      this.options.endpoints?.[service] ??
      `https://${service}.${this.options.region}.${this.options.domain ?? 'myhuaweicloud.com'}`
    );
  }

  /** GET a JSON document from a service; `query` values that are undefined are left out. */
  async get(service: string, path: string, query: Record<string, string | number | undefined> = {}): Promise<unknown> {
    // An override may carry a path prefix (a gateway in front of the API): the API path goes after it.
    const base = new URL(this.endpoint(service));
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.send(service, url);
      } catch (error) {
        // A GET is idempotent: a connection reset (a keep-alive socket the gateway closed) is worth another try.
        if (error instanceof HuaweiCloudApiError && error.connectionReset && attempt < this.maxRetries) {
          await this.sleep(backoff(attempt, null));
          continue;
        }
        throw error;
      }
      if (response.ok) {
        this.answered.add(service);
        const text = await response.text();
        try {
          return text ? JSON.parse(text) : {};
        } catch {
          throw new HuaweiCloudApiError(response.status, undefined, 'the response is not JSON', url.pathname);
        }
      }
      const { errorCode, detail } = await readError(response);
      const throttled = response.status === 429 || (errorCode !== undefined && THROTTLING_CODES.has(errorCode));
      const transient = response.status === 502 || response.status === 503 || response.status === 504;
      if ((throttled || transient) && attempt < this.maxRetries) {
        await this.sleep(backoff(attempt, response.headers.get('retry-after')));
        continue;
      }
      if (response.status === 401 || (errorCode !== undefined && AUTH_CODES.has(errorCode))) {
        throw new HuaweiCloudAuthError([errorCode, detail].filter(Boolean).join(': ') || `HTTP ${response.status}`);
      }
      if (response.status === 404 && errorCode !== undefined && MISSING_API_CODES.has(errorCode)) {
        if (this.answered.has(service)) {
          throw new HuaweiCloudApiError(
            404,
            errorCode,
            `this ${service.toUpperCase()} API is not offered in ${this.options.region} (${detail}), although other ${service.toUpperCase()} APIs answered`,
            url.pathname,
          );
        }
        throw new ServiceUnavailableError(service, `${errorCode}: ${detail}`);
      }
      throw new HuaweiCloudApiError(response.status, errorCode, detail, url.pathname);
    }
  }

  private async send(service: string, url: URL): Promise<Response> {
    const { credentials } = this.options;
    const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json' };
    if (credentials.securityToken) headers['x-security-token'] = credentials.securityToken;
    const signed = signRequest({
      method: 'GET',
      url,
      headers,
      body: '',
      accessKey: credentials.accessKey,
      secretKey: credentials.secretKey,
      date: this.now(),
    });
    const { host: _host, ...sent } = headers; // fetch sets Host itself; it is signed with the same value
    try {
      return await this.fetchFn(url, { method: 'GET', headers: { ...sent, ...signed } });
    } catch (error) {
      const code = networkErrorCode(error);
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        throw new ServiceUnavailableError(service, `no endpoint ${url.host}`);
      }
      throw new HuaweiCloudApiError(0, code, `cannot reach ${url.host}`, url.pathname);
    }
  }
}

async function readError(response: Response): Promise<{ errorCode?: string; detail: string }> {
  const text = await response.text().catch(() => '');
  let parsed: z.infer<typeof errorBody> | undefined;
  try {
    const result = errorBody.safeParse(JSON.parse(text));
    parsed = result.success ? result.data : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed) return { detail: text.slice(0, 200) };
  const errorCode =
    parsed.error_code ?? parsed.errorCode ?? parsed.error?.code ?? (parsed.code ? String(parsed.code) : undefined);
  const detail = parsed.error_msg ?? parsed.errorMessage ?? parsed.error?.message ?? parsed.message ?? '';
  return { errorCode, detail };
}

function backoff(attempt: number, retryAfter: string | null): number {
  const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000);
  return Math.min(500 * 2 ** attempt, 16_000);
}
