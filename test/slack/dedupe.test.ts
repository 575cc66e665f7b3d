import { describe, expect, it } from 'vitest';
import { claimDelivery, DELIVERY_TTL_MS, deliveryId } from '../../src/slack/dedupe.js';
import { MemoryStore } from '../../src/store/memory-store.js';

describe('deliveryId', () => {
  it('uses event_id for events and trigger_id for commands and clicks', () => {
    expect(deliveryId({ event_id: 'Ev1', trigger_id: 't' })).toBe('event:Ev1');
    expect(deliveryId({ trigger_id: '123.456' })).toBe('trigger:123.456');
    expect(deliveryId({ type: 'url_verification' })).toBeUndefined();
    expect(deliveryId(null)).toBeUndefined();
  });
});

describe('claimDelivery', () => {
  it('claims once, synchronously, and prunes claims older than the TTL', async () => {
    const store = new MemoryStore({ deliveries: { 'event:old': 0, 'event:recent': DELIVERY_TTL_MS } });
    const now = DELIVERY_TTL_MS + 10;
    const first = claimDelivery(store, 'event:new', now);
    // Before the write settles, a second copy is already refused.
    expect(claimDelivery(store, 'event:new', now)).toBeNull();
    await first;
    expect(store.data.deliveries).toEqual({ 'event:recent': DELIVERY_TTL_MS, 'event:new': now });
  });
});
