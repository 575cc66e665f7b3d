// The `topology sync` importer, counted: each run is reported to the sync metrics as ok or failed.
import type { TopologySync } from '../commands/topology.js';
import type { SyncMetrics } from './metrics.js';

/** Wrap `sync` so that every run is recorded in `metrics` under its topology name. */
export function measuredSync(
  sync: TopologySync,
  metrics: SyncMetrics,
  now: () => Date = () => new Date(),
): TopologySync {
  return async (request) => {
    try {
      const result = await sync(request);
      metrics.syncRun(request.name, 'ok', now());
      return result;
    } catch (error) {
      metrics.syncRun(request.name, 'failed', now());
      throw error;
    }
  };
}
