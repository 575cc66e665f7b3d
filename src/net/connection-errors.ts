// What a failed HTTP call says about the connection under it: Node's and undici's error codes, found on the error
// or its causes (fetch wraps them: TypeError "fetch failed" with `cause.code`).

/** Codes of a connection that closed before the answer came (a keep-alive socket the server had closed). */
const CONNECTION_RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The first string `code` on the error or its causes (`ECONNRESET`, `ENOTFOUND`, ...). */
export function networkErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
    e = typeof e === 'object' && e !== null && 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}

/** Whether a code means the connection was reset or closed under the request: an idempotent call may be retried. */
export function isConnectionResetCode(code: string | undefined): boolean {
  return code !== undefined && CONNECTION_RESET_CODES.has(code);
}
