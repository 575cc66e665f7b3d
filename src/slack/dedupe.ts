// Slack redelivers what it thinks was not handled (no ack in 3 s, a 5xx, a reconnect): the same event_id, or
// the same command/click with the same trigger_id. Each delivery is claimed once in the store's `deliveries`
// section, which survives a restart, and old claims are pruned.
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
 * Claim a delivery: null if it was already claimed, else the pending write of the claim. The check and the
 * in-memory claim happen synchronously (Store.update swaps the document before it writes), so two copies
 * arriving together cannot both pass, and nothing waits for the disk before the listener can ack.
 */
export function claimDelivery(store: Store, id: string, nowMs: number): Promise<void> | null {
  if (store.data.deliveries[id] !== undefined) return null;
  return store.update((data) => {
    for (const [key, at] of Object.entries(data.deliveries)) {
      if (nowMs - at > DELIVERY_TTL_MS) delete data.deliveries[key];
    }
    data.deliveries[id] = nowMs;
  });
}

/** Global middleware: a redelivery is acknowledged (so Slack stops retrying) and otherwise ignored. */
export function dedupeDeliveries(store: Store, now: () => Date, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const id = deliveryId(args.body);
    if (id === undefined) return args.next();
    let written: Promise<void> | null;
    try {
      written = claimDelivery(store, id, now().getTime());
    } catch (error) {
      // A store that cannot be written must not silence the bot: answer, at worst twice.
      logger.error({ err: error, delivery: id }, 'could not record delivery; handling it anyway');
      return args.next();
    }
    if (written === null) {
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      logger.info(
        { delivery: id, retryNum: args.context.retryNum, retryReason: args.context.retryReason },
        'duplicate delivery ignored',
      );
      return;
    }
    const persisted = written.catch((error: unknown) =>
      logger.error(
        { err: error, delivery: id },
        'could not persist the delivery claim; a redelivery after a restart may be answered again',
      ),
    );
    await args.next();
    await persisted;
  };
}
