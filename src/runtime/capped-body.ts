// Reading an HTTP response body that someone else controls (a file shared in Slack, a Terraform state at a URL)
// without trusting its size: refused as soon as it passes a limit, never buffered whole first.

/** A body longer than the reader accepts: `bytes` is the declared length, or the limit when it was passed reading. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
    /** Passed while reading (no length declared, or a false one): the body is over `bytes`, its size unknown. */
    readonly over: boolean,
  ) {
    super(`the body is ${over ? 'over ' : ''}${bytes} bytes; at most ${limit} are read`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body as UTF-8 text, or BodyTooLargeError once it passes `limit` bytes (the body is then cancelled). */
export async function readCappedText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(declared, limit, false);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > limit) {
      await response.body.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit, limit, true);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
