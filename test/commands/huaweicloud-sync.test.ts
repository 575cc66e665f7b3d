import { describe, expect, it } from 'vitest';
import { huaweiCloudSync } from '../../src/commands/huaweicloud-sync.js';
import { MemoryStore } from '../../src/store/memory-store.js';

const context = { store: new MemoryStore(), userId: 'U1', channelId: 'C1', isAdmin: true, now: () => new Date() };

describe('huaweiCloudSync', () => {
  it('asks for a region when neither the command, the last sync nor the environment names one', async () => {
    await expect(huaweiCloudSync({})({ name: 'x', args: '', previous: undefined, context })).rejects.toThrow(
      'which region?',
    );
  });

  it('uses the region of the last sync and needs credentials before any request', async () => {
    const previous = { name: 'x', topology: { version: 1 as const }, importedAt: '', source: 'huaweicloud:cn-north-4' };
    await expect(huaweiCloudSync({})({ name: 'x', args: '', previous, context })).rejects.toThrow(
      /no Huawei Cloud credentials/,
    );
    await expect(huaweiCloudSync({})({ name: 'x', args: 'not a region', previous, context })).rejects.toThrow(
      /not a Huawei Cloud region/,
    );
  });
});
