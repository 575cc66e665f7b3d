// How fresh the topology behind an answer is: which topology, where it came from, when it was imported and last
// checked against its source, and a plain warning when its sync is failing or overdue. Computed by adapters around
// the diagnosis (the clock is theirs); the engine never sees it.
import type { StoredTopology, SyncSchedule } from '../store/data.js';
import { FAILURE_LABEL } from './failure.js';
import { ago, formatInterval } from './interval.js';
import { describeSyncSource } from './source.js';

/** An answer is stale when its topology's last successful sync is older than this many intervals. */
export const STALE_INTERVALS = 3;

/** The `freshness` field of an answer (terminal, Slack, and `--json`; see docs/SYNC.md). */
export interface Freshness {
  readonly topology: string;
  /** Where it came from, in words: "Huawei Cloud cn-north-4", "prod.yaml". */
  readonly source: string;
  /** When the stored topology was last imported or replaced (ISO). */
  readonly importedAt: string;
  /** Only for a synced topology: when a sync last checked it against its source (ISO), the interval, the next run. */
  readonly checkedAt?: string;
  readonly intervalMs?: number;
  readonly nextSyncAt?: string;
  readonly lastFailure?: {
    readonly at: string;
    readonly kind: string;
    readonly reason: string;
    readonly message: string;
  };
  /** The last sync failed, or the last success is older than 3 intervals. */
  readonly stale: boolean;
  /** One line: "topology prod, Huawei Cloud cn-north-4, synced 3 min ago". */
  readonly summary: string;
  /** Said before the verdict when `stale`. */
  readonly warning?: string;
}

/** The freshness of a stored topology (and its sync, if it has one) at `now`. */
export function freshnessOf(stored: StoredTopology, sync: SyncSchedule | undefined, now: Date): Freshness {
  const imported = new Date(stored.importedAt);
  if (!sync) {
    const source = stored.source ?? 'imported by hand';
    return {
      topology: stored.name,
      source,
      importedAt: stored.importedAt,
      stale: false,
      summary: `topology ${stored.name}, ${source}, imported ${ago(imported, now)} (not synced)`,
    };
  }
  const source = describeSyncSource(sync.source);
  const checked = sync.lastSuccessAt ? new Date(sync.lastSuccessAt) : undefined;
  const failing = sync.failures > 0 && sync.lastFailure !== undefined;
  // Never synced yet: it is as old as its import.
  const since = checked ?? imported;
  const overdue = now.getTime() - since.getTime() > STALE_INTERVALS * sync.intervalMs;
  const lastFailure = failing && sync.lastFailure ? sync.lastFailure : undefined;
  const changed = ago(imported, now);
  const summary = checked
    ? `topology ${stored.name}, ${source}, synced ${ago(checked, now)}${changed === ago(checked, now) ? '' : `, last changed ${changed}`}`
    : `topology ${stored.name}, ${source}, imported ${changed}, not synced yet`;
  let warning: string | undefined;
  if (lastFailure) {
    warning = `The last sync of topology ${stored.name} from ${source} failed ${ago(new Date(lastFailure.at), now)} (${FAILURE_LABEL[lastFailure.kind]}: ${lastFailure.message}). This answer uses the topology as ${checked ? `synced ${ago(checked, now)}` : `imported ${changed}`}.`;
  } else if (overdue) {
    warning = `Topology ${stored.name} was last ${checked ? 'synced' : 'imported'} ${ago(since, now)}, more than ${STALE_INTERVALS} sync intervals (${formatInterval(sync.intervalMs)}) ago; the network may have changed since.`;
  } else if (sync.kubernetesFailures?.length) {
    // The cloud side is current but a cluster's NetworkPolicies and workloads are as last read.
    const clusters = sync.kubernetesFailures.map((f) => f.cluster).join(', ');
    warning = `The last sync of topology ${stored.name} could not read the Kubernetes side of ${clusters} (${sync.kubernetesFailures[0]?.message}); this answer uses its NetworkPolicies and workloads as last read.`;
  }
  return {
    topology: stored.name,
    source,
    importedAt: stored.importedAt,
    ...(sync.lastSuccessAt ? { checkedAt: sync.lastSuccessAt } : {}),
    intervalMs: sync.intervalMs,
    nextSyncAt: sync.nextRunAt,
    ...(lastFailure
      ? {
          lastFailure: {
            at: lastFailure.at,
            kind: lastFailure.kind,
            reason: FAILURE_LABEL[lastFailure.kind],
            message: lastFailure.message,
          },
        }
      : {}),
    stale: warning !== undefined,
    summary,
    ...(warning ? { warning } : {}),
  };
}
