// Slack redelivers what it thinks was not handled (no ack in 3 s, a 5xx, a reconnect): the same event_id, or
// the same command/click with the same trigger_id. Each delivery is claimed once, in memory at once and in the
// store's `deliveries` section (which survives a restart) within a fraction of a second; old claims are pruned.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';

/** Slack retries within about 5 minutes; an hour leaves room for a slow restart. */
export const DELIVERY_TTL_MS = 60 * 60 * 1000;

/** The id that stays the same across redeliveries of one request, if it has one. */
export function deliveryId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  if (typeof fields.event_id === 'string') return `event:${fields.event_id}`;
  if (typeof fields.trigger_id === 'string') return `trigger:${fields.trigger_id}`;
  return undefined;
}

/**
 * Claims of deliveries, remembered at once in memory and persisted to the store's `deliveries` section in
 * batches. A write per claim would put a whole-store update in front of every ack; batching keeps the ack path
 * to a map lookup. The cost: claims of the last `flushMs` can be lost in a crash, so a redelivery of one of those
 * to a restarted bot would be answered again (Slack only redelivers what was not acked, and we ack at once).
 */
export class DeliveryLedger {
  readonly #pending = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    /** How long claims may wait in memory before they are written (default 200 ms). */
    private readonly flushMs = 200,
  ) {}

  /** Claim `id`: false if it was claimed before (in memory or in the store), else true. Synchronous. */
  claim(id: string, nowMs: number): boolean {
    if (this.#pending.has(id) || this.store.data.deliveries[id] !== undefined) return false;
    this.#pending.set(id, nowMs);
    this.#timer ??= setTimeout(() => void this.flush(), this.flushMs);
    this.#timer.unref?.();
    return true;
  }

  /** Write the pending claims (pruning old ones); resolves when they are on disk. Never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.size === 0) return this.#flushing;
    const batch = new Map(this.#pending);
    const newest = Math.max(...batch.values());
    this.#flushing = this.#flushing
      .then(() =>
        this.store.update((data) => {
          for (const [key, at] of Object.entries(data.deliveries)) {
            if (newest - at > DELIVERY_TTL_MS) delete data.deliveries[key];
          }
          for (const [key, at] of batch) data.deliveries[key] = at;
        }),
      )
      .then(
        () => {
          for (const key of batch.keys()) this.#pending.delete(key);
        },
        (error: unknown) => {
          // Keep them in memory (still deduplicated in this process) and try again with the next batch.
          this.logger.error(
            { err: error, deliveries: batch.size },
            'could not persist delivery claims; a redelivery after a restart may be answered again',
          );
          this.#timer ??= setTimeout(() => void this.flush(), this.flushMs * 10);
          this.#timer.unref?.();
        },
      );
    return this.#flushing;
  }
}

/** Global middleware: a redelivery is acknowledged (so Slack stops retrying) and otherwise ignored. */
export function dedupeDeliveries(
  ledger: DeliveryLedger,
  now: () => Date,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const id = deliveryId(args.body);
    if (id === undefined || ledger.claim(id, now().getTime())) return args.next();
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    logger.info(
      { delivery: id, retryNum: args.context.retryNum, retryReason: args.context.retryReason },
      'duplicate delivery ignored',
    );
  };
}
