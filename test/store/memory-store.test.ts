import { describe, expect, it } from 'vitest';
import { StoreValidationError } from '../../src/store/errors.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { topologyWith } from './helpers.js';

describe('MemoryStore', () => {
  it('applies updates like the file store: copy, mutate, validate, swap', async () => {
    const store = new MemoryStore();
    const before = store.data;
    await store.update((data) => {
      data.topologies.prod = { name: 'prod', topology: topologyWith('prod'), importedAt: '2024-01-04T00:00:00Z' };
    });
    expect(before.topologies).toEqual({});
    expect(store.data.topologies.prod?.name).toBe('prod');
    await expect(
      store.update((data) => {
        data.watches.push({} as never);
      }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    expect(store.data.watches).toEqual([]);
    expect(store.writes).toBe(1);
  });

  it('validates its initial sections', () => {
    expect(() => new MemoryStore({ defaultTopology: 'missing' })).toThrow(StoreValidationError);
    expect(new MemoryStore({ deliveries: { e1: 1 } }).data.deliveries).toEqual({ e1: 1 });
  });

  it('keeps keys a section owner added (loose sections)', async () => {
    const store = new MemoryStore();
    await store.update((data) => {
      data.schedules.C1 = {
        channel: 'C1',
        cron: '0 9 * * 1-5',
        spec: 'weekdays 09:00',
        timezone: 'UTC',
        mode: 'always',
        extra: 1,
      } as never;
    });
    expect(store.data.schedules.C1).toMatchObject({ extra: 1 });
  });
});
