// The sync scheduler: re-imports each synced topology from its source on its interval (with jitter), backs off
// exponentially while a source fails, and never runs two syncs of one source at once. The schedule lives in the
// store (next run, last run, last success, last failure), so a restart neither loses it nor syncs twice in one
// interval: a sync claims its slot (persists the next run) before it reads anything. One timer, armed for the
// earliest due sync, as the digest scheduler keeps one job per channel; the clock and the timers are injected.

import type { TopologyChangeListener } from '../commands/topology.js';
import { channelText } from '../digest/channel-lang.js';
import type { Poster, RetryPolicy, Sleep } from '../digest/poster.js';
import { type DigestLogger, deliver, silentLogger } from '../digest/run.js';
import type { I18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { yieldToEventLoop } from '../import/cooperative.js';
import { carryKubernetesSide } from '../kubernetes/merge.js';
import type { KubernetesSyncTarget, StoredTopology, SyncSchedule, SyncSourceSpec } from '../store/data.js';
import { deepFreeze, trustSealedEntry } from '../store/document.js';
import { TopologyNameError } from '../store/errors.js';
import { sealOf } from '../store/seal.js';
import { rememberJson } from '../store/serialize.js';
import type { Store } from '../store/store.js';
import { compileStored, getTopology, isValidTopologyName, putPrepared } from '../store/topologies.js';
import type { Topology } from '../topology/schema.js';
import { classifySyncError, type SyncFailure } from './failure.js';
import { FAILURES_BEFORE_POST, failureMessage, recoveryMessage, watchingChannels } from './health-alerts.js';
import { DEFAULT_SYNC_INTERVAL_MS, MIN_SYNC_INTERVAL_MS } from './interval.js';
import {
  type KubernetesReader,
  kubernetesReader,
  readKubernetesSide,
  withoutTarget,
  withTarget,
} from './kubernetes.js';
import { refusePartial } from './partial.js';
import { type PrepareTopology, prepareInWorker } from './prepare.js';
import type { ReadSource } from './read-source.js';
import { formatSyncSource, sourceKey } from './source.js';

/** Backoff never waits longer than this (or the interval, when that is longer). */
export const MAX_BACKOFF_MS = 60 * 60_000;
/** Jitter: up to this fraction of the delay is added, so many topologies do not sync in lockstep. */
export const JITTER_FRACTION = 0.1;
/** Who a sync's import is recorded as (`importedBy`). */
export const SYNC_USER = 'reachbot-sync';

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncSchedulerOptions {
  readonly store: Store;
  readonly read: ReadSource;
  /** Reads a configured cluster's Kubernetes side after the cloud import; default: the client's kubeconfig. */
  readonly kubernetes?: KubernetesReader;
  /** Must agree with the timers; defaults to the system clock. */
  readonly clock?: () => Date;
  /** In [0, 1); jitter. Defaults to Math.random. */
  readonly random?: () => number;
  /** The real timers by default; `false` arms none (tests drive `runDue`). */
  readonly timers?: Timers | false;
  /** Interval of a sync configured without one (REACHBOT_SYNC_INTERVAL). */
  readonly defaultIntervalMs?: number;
  /** Change alerts for watched paths when a sync replaces a topology (the same listener imports use). */
  readonly onChange?: TopologyChangeListener;
  /** Posts the failure and recovery notices; without one, health is only shown, not posted. */
  readonly poster?: Poster;
  readonly logger?: DigestLogger;
  readonly sleep?: Sleep;
  readonly retry?: RetryPolicy;
  /** The workspace default language of failure and recovery posts, for channels without `digest lang`. */
  readonly defaultLang?: Lang;
  /** Validates an import off the main thread; default: a worker thread per sync (src/sync/prepare.ts). */
  readonly prepare?: PrepareTopology;
}

/** What one sync did. */
export type SyncOutcome =
  | {
      readonly status: 'unchanged' | 'replaced' | 'created';
      readonly warnings: readonly string[];
      /** Configured clusters whose Kubernetes side could not be read (their previous data was kept). */
      readonly kubernetesFailures?: readonly { readonly cluster: string; readonly message: string }[];
    }
  | { readonly status: 'failed'; readonly failure: SyncFailure; readonly warnings: readonly string[] };

export interface SyncSettings {
  readonly source?: SyncSourceSpec;
  readonly intervalMs?: number;
  /** Read this cluster's Kubernetes side on every sync (replaces the cluster's earlier setting). */
  readonly kubernetes?: KubernetesSyncTarget;
  /** Stop reading this cluster's Kubernetes side (its data stays as last read). */
  readonly kubernetesOff?: string;
}

export interface SyncScheduler {
  /** Give a topology a source and/or an interval (a new sync is due at once); returns the schedule. */
  configure(name: string, settings: SyncSettings, by?: string): Promise<SyncSchedule>;
  /** Stop syncing a topology (the topology stays); false when it had no sync. */
  unschedule(name: string): Promise<boolean>;
  /** Sync a topology now; a sync of the same source already running is joined, not repeated. */
  syncNow(name: string): Promise<SyncOutcome>;
  /** Run every sync that is due now (the timer calls this). */
  runDue(): Promise<void>;
  /** Stop the timer; syncs in flight finish (await `idle`). */
  stop(): void;
  /** Settles when every sync started so far has finished. */
  idle(): Promise<void>;
}

/** Start the scheduler over the syncs in the store; syncs overdue at start-up run at once. */
export function startSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const { store, read } = options;
  const readCluster = options.kubernetes ?? kubernetesReader();
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const logger = options.logger ?? silentLogger;
  const timers = options.timers === false ? undefined : (options.timers ?? realTimers);
  const prepare = options.prepare ?? prepareInWorker({ freeze: deepFreeze });
  const defaultInterval = Math.max(MIN_SYNC_INTERVAL_MS, options.defaultIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
  // One in-flight sync per source, whichever topology asked for it.
  const running = new Map<string, Promise<SyncOutcome>>();
  // A sync that crashed (the store refused its claim, say) is not retried before this, or the timer would spin.
  const crashedUntil = new Map<string, number>();
  // Per topology: the importer's output (as JSON text) behind the stored entry, kept in memory only.
  const lastImports = new Map<string, { readonly stored: StoredTopology; readonly text: string }>();
  let timer: unknown;
  let stopped = false;

  const delayAfter = (schedule: SyncSchedule, failures: number): number => {
    const base =
      failures === 0
        ? schedule.intervalMs
        : Math.min(schedule.intervalMs * 2 ** (failures - 1), Math.max(schedule.intervalMs, MAX_BACKOFF_MS));
    return Math.round(base * (1 + JITTER_FRACTION * random()));
  };

  const patch = (name: string, change: (schedule: SyncSchedule) => SyncSchedule) =>
    store.update((data) => {
      const current = data.syncs[name];
      if (current) data.syncs[name] = change(current);
    });

  const arm = () => {
    if (!timers) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    const waiting = Object.values(store.data.syncs).filter((s) => !running.has(sourceKey(s.source)));
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map((s) => Math.max(Date.parse(s.nextRunAt), crashedUntil.get(s.topology) ?? 0)));
    // setTimeout holds at most ~24.8 days; a later run re-arms when this one fires.
    const delay = Math.min(Math.max(0, next - clock().getTime()), 2 ** 31 - 1);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void runDue().finally(arm);
    }, delay);
  };

  const post = async (
    schedule: SyncSchedule,
    compose: (text: I18n) => { text: string; blocks: unknown[] },
    what: string,
  ) => {
    if (!options.poster) return false;
    let sent = false;
    for (const channel of watchingChannels(store, schedule.topology)) {
      // Each channel in its own language (`digest lang`).
      const message = compose(channelText(store.data, channel, options.defaultLang));
      const ok = await deliver(
        {
          poster: options.poster,
          logger,
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.retry ? { retry: options.retry } : {}),
        },
        { channel, text: message.text, blocks: message.blocks as never },
        what,
      );
      sent ||= ok;
    }
    return sent;
  };

  /** One sync of `name`: claim, read, compare, replace or record the failure, then tell the channels. */
  const syncOnce = async (name: string, schedule: SyncSchedule): Promise<SyncOutcome> => {
    const started = clock();
    // Claim the slot first: a crash from here on does not make a restart sync again within this interval.
    await patch(name, (s) => ({
      ...s,
      lastRunAt: started.toISOString(),
      nextRunAt: new Date(started.getTime() + delayAfter(s, 0)).toISOString(),
    }));
    let outcome: SyncOutcome;
    try {
      outcome = await readAndStore(name, schedule.source, started);
    } catch (error) {
      outcome = { status: 'failed', failure: classifySyncError(error), warnings: [] };
    }
    const finished = clock();
    if (outcome.status === 'failed') {
      const { failure } = outcome;
      logger.warn({ topology: name, kind: failure.kind, error: failure.message }, 'topology sync failed');
      await patch(name, (s) => ({
        ...s,
        failures: s.failures + 1,
        lastFailure: {
          at: finished.toISOString(),
          kind: failure.kind,
          message: failure.message,
          ...(failure.text ? { text: failure.text } : {}),
        },
        nextRunAt: new Date(started.getTime() + delayAfter(s, s.failures + 1)).toISOString(),
      }));
      const after = store.data.syncs[name];
      if (after && after.failures >= FAILURES_BEFORE_POST && !after.failurePosted) {
        if (await post(after, (text) => failureMessage(after, text), 'sync failure notice'))
          await patch(name, (s) => ({ ...s, failurePosted: true }));
      }
    } else {
      const wasPosted = store.data.syncs[name]?.failurePosted === true;
      await patch(name, (s) => {
        const { lastFailure: _kept, failurePosted: _posted, kubernetesFailures: _k8s, ...rest } = s;
        const k8sFailures = (outcome.kubernetesFailures ?? []).map((f) => ({ ...f, at: finished.toISOString() }));
        // The last failure stays on record (topology list shows it), but no longer counts.
        return {
          ...rest,
          ...(k8sFailures.length ? { kubernetesFailures: k8sFailures } : {}),
          ...(s.lastFailure ? { lastFailure: s.lastFailure } : {}),
          failures: 0,
          lastSuccessAt: finished.toISOString(),
          ...(outcome.status === 'unchanged' ? {} : { lastChangeAt: finished.toISOString() }),
        };
      });
      const after = store.data.syncs[name];
      if (wasPosted && after) await post(after, (text) => recoveryMessage(after, text), 'sync recovery notice');
      logger.info({ topology: name, status: outcome.status }, 'topology synced');
    }
    return outcome;
  };

  /**
   * Read the source; store the result if it is complete and differs; run the change alerts. Validation and the
   * comparison with the stored topology run in a worker thread; the steps left here (serializing the import,
   * taking the validated topology back slice by slice, compile, write) each yield to the event loop first, so
   * questions waiting meanwhile are answered between them, from the topology still stored.
   */
  const readAndStore = async (name: string, source: SyncSourceSpec, started: Date): Promise<SyncOutcome> => {
    const result = await read(source);
    const previous = getTopology(store, name);
    const refusal = refusePartial(result, previous?.topology);
    if (refusal) return { status: 'failed', failure: refusal, warnings: result.warnings };
    // The cloud knows nothing of NetworkPolicies and workload labels: keep what was merged before, then read
    // the configured clusters over it (one that cannot be read keeps what it had; see docs/SYNC.md). Without
    // configured clusters the validation worker carries the stored side over (below), not this thread.
    let imported = result.topology;
    let warnings: readonly string[] = result.warnings;
    let kubernetesFailures: { cluster: string; message: string }[] = [];
    const targets = store.data.syncs[name]?.kubernetes ?? [];
    if (targets.length) {
      if (previous) imported = carryKubernetesSide(previous.topology, result.topology);
      const side = await readKubernetesSide(imported, targets, readCluster);
      imported = side.topology;
      warnings = [...warnings, ...side.warnings];
      kubernetesFailures = side.failures;
    }
    const done = (status: 'unchanged' | 'replaced' | 'created'): SyncOutcome => ({
      status,
      warnings,
      ...(kubernetesFailures.length ? { kubernetesFailures } : {}),
    });
    await yieldToEventLoop();
    // The importer is deterministic: the same output as the import behind the stored topology means no change,
    // without validating it again (the common case, and the costly step for a large topology). With a
    // Kubernetes side the merged result is compared, as the cluster can change while the cloud does not.
    const text = JSON.stringify(targets.length ? imported : result.topology);
    const last = lastImports.get(name);
    if (previous && last && last.stored === previous && last.text === text) return done('unchanged');
    const entryName = previous?.name ?? name;
    if (!isValidTopologyName(entryName)) throw new TopologyNameError(entryName);
    await yieldToEventLoop();
    const previousText = previous ? topologyText(previous.topology) : undefined;
    // Validation runs in a worker thread: seconds for a large network, during which answers go on.
    const carry = previous && !targets.length ? { carryFrom: previous.topology.clusters ?? [] } : {};
    const prepared = await prepare({
      documentText: text,
      ...carry,
      ...(previousText === undefined ? {} : { previousText }),
    });
    if (prepared.kind === 'invalid') {
      const message = `the import is not a valid topology: ${prepared.issues.slice(0, 3).join('; ')}`;
      return { status: 'failed', failure: { kind: 'invalid', message }, warnings };
    }
    if (prepared.kind === 'same') {
      if (previous) lastImports.set(name, { stored: previous, text });
      return done('unchanged');
    }
    const sealed = trustedEntry(
      {
        name: entryName,
        topology: prepared.topology,
        importedAt: started.toISOString(),
        importedBy: SYNC_USER,
        source: formatSyncSource(source),
      },
      prepared.text,
    );
    await yieldToEventLoop();
    compileStored(sealed);
    await yieldToEventLoop();
    // A topology removed while its sync ran stays removed (its sync went with it).
    if (!store.data.syncs[name]) return done('unchanged');
    // The swap: from here on answers use the new topology, already compiled.
    await putPrepared(store, sealed);
    lastImports.set(name, { stored: sealed, text });
    if (options.onChange) {
      await options.onChange({
        name: sealed.name,
        ...(previous ? { before: previous.topology } : {}),
        after: sealed.topology,
        by: SYNC_USER,
      });
    }
    return done(previous ? 'replaced' : 'created');
  };

  /** Run the sync of `name`, or join the one of its source already running. */
  const start = (name: string): Promise<SyncOutcome> => {
    const schedule = store.data.syncs[name];
    if (!schedule) return Promise.reject(new Error(`topology "${name}" has no sync source`));
    const key = sourceKey(schedule.source);
    const inFlight = running.get(key);
    if (inFlight) return inFlight;
    const run = syncOnce(name, schedule).finally(() => {
      running.delete(key);
    });
    running.set(key, run);
    return run;
  };

  const runDue = async (): Promise<void> => {
    if (stopped) return;
    const now = clock().getTime();
    const due = Object.values(store.data.syncs).filter(
      (s) =>
        Date.parse(s.nextRunAt) <= now &&
        (crashedUntil.get(s.topology) ?? 0) <= now &&
        !running.has(sourceKey(s.source)),
    );
    await Promise.all(
      due.map((s) =>
        start(s.topology).catch((error: unknown) => {
          // A bug or a store failure must not stop the scheduler: log it, and try again an interval later.
          crashedUntil.set(s.topology, now + s.intervalMs);
          logger.error({ topology: s.topology, error: String(error) }, 'topology sync crashed');
        }),
      ),
    );
  };

  arm();

  return {
    async configure(name, settings, by) {
      const existing = store.data.syncs[name];
      const source = settings.source ?? existing?.source;
      if (!source)
        throw new Error(`topology "${name}" has no sync source yet: give one (${'`from huaweicloud:REGION`'})`);
      const intervalMs = Math.max(MIN_SYNC_INTERVAL_MS, settings.intervalMs ?? existing?.intervalMs ?? defaultInterval);
      const now = clock();
      const sourceChanged = existing && formatSyncSource(existing.source) !== formatSyncSource(source);
      // A new source is due now; a new interval takes effect from the last run.
      const nextRunAt =
        !existing || sourceChanged
          ? now.toISOString()
          : new Date(
              Math.min(
                Date.parse(existing.nextRunAt),
                Date.parse(existing.lastRunAt ?? now.toISOString()) + intervalMs,
              ),
            ).toISOString();
      let targets = existing?.kubernetes ?? [];
      if (settings.kubernetes) targets = withTarget(targets, settings.kubernetes);
      if (settings.kubernetesOff) targets = withoutTarget(targets, settings.kubernetesOff);
      await store.update((data) => {
        const { kubernetes: _old, ...kept } = existing && !sourceChanged ? existing : { failures: 0 };
        data.syncs[name] = {
          ...kept,
          topology: name,
          source,
          intervalMs,
          nextRunAt,
          ...(by ? { createdBy: by } : {}),
          // The clusters to read survive a change of source: they are the same clusters.
          ...(targets.length ? { kubernetes: targets } : {}),
        } as SyncSchedule;
      });
      arm();
      const stored = store.data.syncs[name];
      if (!stored) throw new Error(`the sync of "${name}" was not stored`);
      return stored;
    },
    async unschedule(name) {
      if (!store.data.syncs[name]) return false;
      await store.update((data) => {
        delete data.syncs[name];
      });
      arm();
      return true;
    },
    async syncNow(name) {
      const outcome = await start(name);
      arm();
      return outcome;
    },
    runDue,
    stop() {
      stopped = true;
      if (timers && timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running.values()]);
    },
  };
}

// The stored topology's JSON, once per (frozen) stored object: unchanged syncs compare against it many times.
const texts = new WeakMap<Topology, string>();

function topologyText(topology: Topology): string {
  let text = texts.get(topology);
  if (text === undefined) {
    text = JSON.stringify(topology);
    if (Object.isFrozen(topology)) texts.set(topology, text);
  }
  return text;
}

/**
 * The stored entry of a topology the worker validated: frozen and marked validated without validating it again,
 * with its JSON text (built from the worker's text of the topology) remembered for the store's write and seal.
 */
function trustedEntry(entry: StoredTopology, topologyJson: string): StoredTopology {
  trustSealedEntry(entry);
  texts.set(entry.topology, topologyJson);
  const { name, topology: _topology, ...rest } = entry;
  const tail = JSON.stringify(rest);
  const json = `{"name":${JSON.stringify(name)},"topology":${topologyJson}${tail === '{}' ? '}' : `,${tail.slice(1)}`}`;
  rememberJson(entry, json, sealOf(json));
  return entry;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
