import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log/logger.js';
import { DELIVERY_TTL_MS, DeliveryLedger, deliveryId } from '../../src/slack/dedupe.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

const silent = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } as unknown as Logger;

describe('deliveryId', () => {
  it('uses event_id for events and trigger_id for commands and clicks', () => {
    expect(deliveryId({ event_id: 'Ev1', trigger_id: 't' })).toBe('event:Ev1');
    expect(deliveryId({ trigger_id: '123.456' })).toBe('trigger:123.456');
    expect(deliveryId({ type: 'url_verification' })).toBeUndefined();
    expect(deliveryId(null)).toBeUndefined();
  });
});

describe('DeliveryLedger', () => {
  it('claims once, synchronously, before anything is written', () => {
    const store = new MemoryStore();
    const ledger = new DeliveryLedger(store, silent, 60_000);
    expect(ledger.claim('event:new', 1)).toBe(true);
    expect(ledger.claim('event:new', 2)).toBe(false);
    expect(store.writes).toBe(0);
  });

  it('writes a batch of claims in one update and prunes claims older than the TTL', async () => {
    const store = new MemoryStore({ deliveries: { 'event:old': 0, 'event:recent': DELIVERY_TTL_MS } });
    const ledger = new DeliveryLedger(store, silent, 60_000);
    const now = DELIVERY_TTL_MS + 10;
    for (const id of ['a', 'b', 'c']) ledger.claim(`event:${id}`, now);
    await ledger.flush();
    expect(store.writes).toBe(1);
    expect(store.data.deliveries).toEqual({
      'event:recent': DELIVERY_TTL_MS,
      'event:a': now,
      'event:b': now,
      'event:c': now,
    });
  });

  it('remembers claims persisted by an earlier process (the store survives a restart)', () => {
    const store = new MemoryStore({ deliveries: { 'event:Ev1': 5 } });
    expect(new DeliveryLedger(store, silent).claim('event:Ev1', 6)).toBe(false);
  });

  it('flushes by itself after the debounce', async () => {
    const store = new MemoryStore();
    const ledger = new DeliveryLedger(store, silent, 5);
    ledger.claim('event:x', 1);
    await expect.poll(() => store.data.deliveries['event:x']).toBe(1);
  });

  it('keeps claims in memory when the store cannot be written, and still refuses duplicates', async () => {
    const store = new MemoryStore();
    const failing: Store = { data: store.data, update: () => Promise.reject(new Error('disk full')) };
    const errors: unknown[] = [];
    const logger = { ...silent, error: (fields: unknown) => errors.push(fields) } as unknown as Logger;
    const ledger = new DeliveryLedger(failing, logger, 60_000);
    ledger.claim('event:y', 1);
    await ledger.flush();
    expect(errors).toHaveLength(1);
    expect(ledger.claim('event:y', 2)).toBe(false);
  });
});
