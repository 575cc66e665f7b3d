// The small parts of sync: intervals, sources, backoff with jitter, error classification, the partial policy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HuaweiCloudApiError, HuaweiCloudAuthError } from '../../src/import/huaweicloud/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { classifySyncError } from '../../src/sync/failure.js';
import { formatInterval, MIN_SYNC_INTERVAL_MS, parseInterval } from '../../src/sync/interval.js';
import { refusePartial } from '../../src/sync/partial.js';
import { startSyncScheduler } from '../../src/sync/scheduler.js';
import { formatSyncSource, parseSyncSource, sourceKey } from '../../src/sync/source.js';
import { topology } from '../digest/helpers.js';
import { MINUTE, START } from './helpers.js';

describe('intervals', () => {
  it('read back what they print, for every interval of at least a minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 7 * 24 * 3600 }), (seconds) => {
        expect(parseInterval(formatInterval(seconds * 1000))).toBe(seconds * 1000);
      }),
    );
  });

  it('refuse less than a minute, and words they do not know', () => {
    expect(parseInterval('5m')).toBe(5 * MINUTE);
    expect(parseInterval('1 hour')).toBe(60 * MINUTE);
    expect(parseInterval('90s')).toBe(90_000);
    expect(() => parseInterval('59s')).toThrow('the minimum is 1 minute');
    expect(() => parseInterval('soon')).toThrow('is not an interval');
    expect(MIN_SYNC_INTERVAL_MS).toBe(MINUTE);
  });
});

describe('sources', () => {
  it('parse the three forms, keep filters on Huawei Cloud only, and refuse plain http off loopback', () => {
    expect(parseSyncSource('huaweicloud:cn-north-4', { vpcIds: ['v1', 'v2'], projectId: 'p1' })).toEqual({
      kind: 'huaweicloud',
      region: 'cn-north-4',
      projectId: 'p1',
      vpcIds: ['v1', 'v2'],
    });
    expect(parseSyncSource('terraform:state/prod.tfstate', {}, '/srv')).toEqual({
      kind: 'terraform-file',
      path: '/srv/state/prod.tfstate',
    });
    expect(parseSyncSource('https://bucket.obs.example/prod.tfstate?X-Signature=abc')).toMatchObject({
      kind: 'terraform-url',
    });
    expect(formatSyncSource(parseSyncSource('https://bucket.obs.example/prod.tfstate?X-Signature=abc'))).toBe(
      'https://bucket.obs.example/prod.tfstate?…',
    );
    expect(() => parseSyncSource('http://bucket.obs.example/prod.tfstate')).toThrow('must be https');
    expect(() => parseSyncSource('huaweicloud:North')).toThrow('not a Huawei Cloud region id');
    expect(() => parseSyncSource('terraform:x', { projectId: 'p' })).toThrow('only to a huaweicloud: source');
    // Two topologies fed by one source share one lock.
    expect(sourceKey(parseSyncSource('huaweicloud:cn-north-4'))).toBe(
      sourceKey(parseSyncSource('huaweicloud:cn-north-4')),
    );
  });
});

describe('backoff', () => {
  it('doubles the wait after each failure up to an hour, and jitter adds at most a tenth', async () => {
    for (const jitter of [0, 0.999]) {
      const store = new MemoryStore();
      const now = { t: START.getTime() };
      const scheduler = startSyncScheduler({
        store,
        read: async () => {
          throw new HuaweiCloudAuthError('APIGW.0301: expired');
        },
        clock: () => new Date(now.t),
        random: () => jitter,
        timers: false,
      });
      await scheduler.configure('prod', {
        source: { kind: 'huaweicloud', region: 'cn-north-4' },
        intervalMs: 10 * MINUTE,
      });
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) {
        await scheduler.syncNow('prod');
        const next = Date.parse(store.data.syncs.prod?.nextRunAt ?? '');
        waits.push((next - now.t) / MINUTE);
        now.t = next;
      }
      const base = [10, 20, 40, 60, 60, 60];
      waits.forEach((wait, i) => {
        expect(wait).toBeGreaterThanOrEqual(base[i] as number);
        expect(wait).toBeLessThanOrEqual((base[i] as number) * 1.1);
      });
      expect(store.data.syncs.prod?.failures).toBe(6);
    }
  });
});

describe('failures', () => {
  it('are classified as people would say them', () => {
    expect(classifySyncError(new HuaweiCloudAuthError('APIGW.0301')).kind).toBe('expired-key');
    expect(classifySyncError(new HuaweiCloudApiError(429, 'APIGW.0308', 'slow down', '/x')).kind).toBe('throttled');
    expect(classifySyncError(new HuaweiCloudApiError(403, 'VPC.0001', 'no', '/x')).kind).toBe('forbidden');
    expect(classifySyncError(new HuaweiCloudApiError(0, 'ECONNRESET', 'cannot reach', '/x')).kind).toBe('unreachable');
    expect(classifySyncError(Object.assign(new Error('gone'), { code: 'ENOENT' })).kind).toBe('unreachable');
  });

  it('a partial import never replaces a good topology, but may create the first one', () => {
    const previous = topology({ db: ['3306'] }); // holds an RDS (db1), no DCS
    const skipped = (service: string, reason: 'unavailable' | 'forbidden' | 'throttled' | 'error') => ({
      topology: previous,
      warnings: [],
      skipped: [{ what: `${service} instances`, service, reason, detail: 'x' }],
    });
    expect(refusePartial(skipped('rds', 'forbidden'), previous)?.kind).toBe('forbidden');
    expect(refusePartial(skipped('rds', 'unavailable'), previous)?.kind).toBe('service-missing');
    expect(refusePartial(skipped('dcs', 'unavailable'), previous)).toBeUndefined();
    expect(refusePartial(skipped('dcs', 'throttled'), previous)?.kind).toBe('throttled');
    expect(refusePartial(skipped('ecs', 'error'), previous)?.kind).toBe('partial');
    expect(refusePartial(skipped('rds', 'forbidden'), undefined)).toBeUndefined();
  });
});
