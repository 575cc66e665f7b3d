// A Terraform state read from a URL is capped (MAX_STATE_BYTES): what the URL answers is not checked, and a body
// of gigabytes would take the bot down. Past the cap the sync fails as invalid, with a message saying so.
import { describe, expect, it } from 'vitest';
import { SyncFailedError } from '../../src/sync/failure.js';
import { MAX_STATE_BYTES, sourceReader } from '../../src/sync/read-source.js';

const SOURCE = { kind: 'terraform-url' as const, url: 'https://states.example/prod.tfstate' };

/** A reader whose fetch answers `chunks` (one per read) with `headers`, counting the bytes it handed out. */
function readerServing(chunks: () => Iterator<Uint8Array>, headers: Record<string, string> = {}) {
  let served = 0;
  const fetch = (async () => {
    const source = chunks();
    return new Response(
      new ReadableStream({
        pull(controller) {
          const next = source.next();
          if (next.done) controller.close();
          else {
            served += next.value.byteLength;
            controller.enqueue(next.value);
          }
        },
      }),
      { headers },
    );
  }) as typeof globalThis.fetch;
  return { read: sourceReader({ env: {}, fetch }), served: () => served };
}

describe('a state at a URL', () => {
  it('declared over the cap is refused before its body is read', async () => {
    const { read } = readerServing(function* () {}, { 'content-length': String(MAX_STATE_BYTES + 1) });
    const failure = await read(SOURCE).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect(failure).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(
        /^the state at states\.example is 256 MB; reachbot reads a state of at most 256 MB$/,
      ),
    });
  });

  it('that passes the cap while read is refused there, without reading the rest', async () => {
    const megabyte = new Uint8Array(2 ** 20).fill(0x20);
    const { read, served } = readerServing(function* () {
      // Twice the cap, sent without a length: the reader must stop at the cap.
      for (let i = 0; i < (2 * MAX_STATE_BYTES) / 2 ** 20; i++) yield megabyte;
    });
    const failure = await read(SOURCE).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'invalid', message: expect.stringContaining('is over 256 MB') });
    expect(served()).toBeLessThanOrEqual(MAX_STATE_BYTES + 2 * 2 ** 20);
  });
});
