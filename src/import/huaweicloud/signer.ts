// Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), as the official SDKs do it
// (huaweicloud-sdk-go-v3 core/auth/signer/signer.go): a canonical request of method, URI with a
// trailing slash, sorted query, signed headers and the body's SHA-256; a string to sign of the
// algorithm, the X-Sdk-Date and the canonical request's hash; HMAC-SHA256 with the secret key.
import { createHash, createHmac } from 'node:crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

export interface SignInput {
  readonly method: string;
  readonly url: URL;
  /** Headers to sign (Host is added by the caller when it should be signed). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly date: Date;
}

/** The headers to add to a request: X-Sdk-Date and Authorization. */
export function signRequest(input: SignInput): { 'X-Sdk-Date': string; Authorization: string } {
  const sdkDate = formatSdkDate(input.date);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(input.headers)) headers.set(name.toLowerCase(), value.trim());
  headers.set('x-sdk-date', sdkDate);
  const signedHeaders = [...headers.keys()].sort();
  const canonical = [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname),
    canonicalQuery(input.url.searchParams),
    `${signedHeaders.map((name) => `${name}:${headers.get(name)}`).join('\n')}\n`,
    signedHeaders.join(';'),
    sha256Hex(input.body),
  ].join('\n');
  const stringToSign = [SIGNING_ALGORITHM, sdkDate, sha256Hex(canonical)].join('\n');
  const signature = createHmac('sha256', input.secretKey).update(stringToSign).digest('hex');
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${SIGNING_ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
  };
}

/** YYYYMMDDTHHMMSSZ in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function canonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

function canonicalQuery(params: URLSearchParams): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of params) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => [...(byKey.get(key) ?? [])].sort().map((value) => `${rfc3986(key)}=${rfc3986(value)}`))
    .join('&');
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ */
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
