// How fresh the topology behind an answer is: which topology, where it came from, when it was imported and last
// checked against its source, and a plain warning when its sync is failing or overdue. Computed by adapters around
// the diagnosis (the clock is theirs); the engine never sees it.
import { EN, type I18n } from '../i18n/i18n.js';
import { sync as M } from '../i18n/messages/sync.js';
import type { StoredTopology, SyncSchedule } from '../store/data.js';
import { failureLabel, failureWords } from './failure.js';
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

/**
 * The freshness of a stored topology (and its sync, if it has one) at `now`; `summary`, `warning` and `source` in
 * the answer's language (`lastFailure.kind` stays the machine word, `lastFailure.reason` follows the language).
 */
export function freshnessOf(
  stored: StoredTopology,
  sync: SyncSchedule | undefined,
  now: Date,
  text: I18n = EN,
): Freshness {
  const imported = new Date(stored.importedAt);
  if (!sync) {
    const source = stored.source ?? text.t(M['sync.byHand']);
    return {
      topology: stored.name,
      source,
      importedAt: stored.importedAt,
      stale: false,
      summary: text.t(M['sync.freshNotSynced'], { topology: stored.name, source, imported: ago(imported, now, text) }),
    };
  }
  const source = describeSyncSource(sync.source, text);
  const checked = sync.lastSuccessAt ? new Date(sync.lastSuccessAt) : undefined;
  const failing = sync.failures > 0 && sync.lastFailure !== undefined;
  // Never synced yet: it is as old as its import.
  const since = checked ?? imported;
  const overdue = now.getTime() - since.getTime() > STALE_INTERVALS * sync.intervalMs;
  const lastFailure = failing && sync.lastFailure ? sync.lastFailure : undefined;
  const changed = ago(imported, now, text);
  const synced = checked ? ago(checked, now, text) : undefined;
  const summary = synced
    ? text.t(M['sync.freshSynced'], {
        topology: stored.name,
        source,
        synced,
        ...(changed === synced ? {} : { changed }),
      })
    : text.t(M['sync.freshNotYet'], { topology: stored.name, source, imported: changed });
  let warning: string | undefined;
  if (lastFailure) {
    warning = text.t(M['sync.warnFailed'], {
      topology: stored.name,
      source,
      failed: ago(new Date(lastFailure.at), now, text),
      reason: failureLabel(lastFailure.kind, text),
      ...failureWords(lastFailure, text),
      basis: synced
        ? text.t(M['sync.basisSynced'], { ago: synced })
        : text.t(M['sync.basisImported'], { ago: changed }),
    });
  } else if (overdue) {
    warning = text.t(M['sync.warnOverdue'], {
      topology: stored.name,
      synced: checked !== undefined,
      since: ago(since, now, text),
      intervals: STALE_INTERVALS,
      interval: formatInterval(sync.intervalMs, text),
    });
  } else if (sync.kubernetesFailures?.length) {
    // The cloud side is current but a cluster's NetworkPolicies and workloads are as last read.
    const clusters = sync.kubernetesFailures.map((f) => f.cluster).join(', ');
    warning = text.t(M['sync.warnKubernetes'], {
      topology: stored.name,
      clusters,
      message: `${sync.kubernetesFailures[0]?.message}`,
    });
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
            reason: failureLabel(lastFailure.kind, text),
            message: lastFailure.message,
          },
        }
      : {}),
    stale: warning !== undefined,
    summary,
    ...(warning ? { warning } : {}),
  };
}
