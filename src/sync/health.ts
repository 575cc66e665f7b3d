// A topology's sync health in one line, for `topology list`, the CLI and App Home: source, interval, last success,
// last failure with its reason, next run.
import { EN, type I18n } from '../i18n/i18n.js';
import { sync as M } from '../i18n/messages/sync.js';
import type { KubernetesSyncTarget, SyncSchedule } from '../store/data.js';
import { failureLabel, failureWords } from './failure.js';
import { ago, formatInterval } from './interval.js';
import { formatSyncSource } from './source.js';

/** "synced from huaweicloud:cn-north-4 every 10m · last success 3 min ago · next run in 7 min". */
export function syncHealthLine(schedule: SyncSchedule, now: Date, text: I18n = EN): string {
  const parts = [
    text.t(M['sync.healthFrom'], {
      source: formatSyncSource(schedule.source),
      interval: formatInterval(schedule.intervalMs, text),
    }),
  ];
  parts.push(
    schedule.lastSuccessAt
      ? text.t(M['sync.healthLastSuccess'], { ago: ago(new Date(schedule.lastSuccessAt), now, text) })
      : text.t(M['sync.healthNoSuccess']),
  );
  const failure = schedule.lastFailure;
  if (failure) {
    const state =
      schedule.failures > 0
        ? text.t(M['sync.healthFailing'], { count: schedule.failures })
        : text.t(M['sync.healthLastFailure']);
    parts.push(
      text.t(M['sync.healthFailure'], {
        state,
        ago: ago(new Date(failure.at), now, text),
        reason: failureLabel(failure.kind, text),
        ...clipWords(failureWords(failure, text), 200),
      }),
    );
  }
  if (schedule.kubernetes?.length)
    parts.push(
      text.t(M['sync.healthKubernetes'], {
        targets: schedule.kubernetes.map((target) => kubernetesTargetWords(target, text)).join(', '),
      }),
    );
  for (const failure of schedule.kubernetesFailures ?? [])
    parts.push(
      text.t(M['sync.healthKubernetesNotRead'], {
        cluster: failure.cluster,
        ago: ago(new Date(failure.at), now, text),
        message: clip(failure.message, 200),
      }),
    );
  parts.push(text.t(M['sync.healthNext'], { when: until(new Date(schedule.nextRunAt), now, text) }));
  return parts.join(' · ');
}

/** A cluster whose Kubernetes side a sync reads, in words: "prod (context ctx-a)" / "prod（上下文 ctx-a）". */
export function kubernetesTargetWords(target: KubernetesSyncTarget, text: I18n = EN): string {
  return text.t(M['sync.kubernetesTarget'], {
    cluster: target.cluster,
    inCluster: target.inCluster === true,
    ...(target.context ? { context: target.context } : {}),
  });
}

function until(then: Date, now: Date, text: I18n): string {
  const ms = then.getTime() - now.getTime();
  if (ms <= 0) return text.t(M['sync.dueNow']);
  const minutes = Math.ceil(ms / 60_000);
  return minutes < 120
    ? text.t(M['sync.inMinutes'], { minutes, duration: text.duration(minutes * 60_000) })
    : text.t(M['sync.at'], { time: text.time(then) });
}

function clipWords(words: { message: string; ours: boolean }, max: number): { message: string; ours: boolean } {
  return { ...words, message: clip(words.message, max) };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
