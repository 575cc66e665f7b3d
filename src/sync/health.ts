// A topology's sync health in one line, for `topology list`, the CLI and App Home: source, interval, last success,
// last failure with its reason, next run.
import type { SyncSchedule } from '../store/data.js';
import { FAILURE_LABEL } from './failure.js';
import { ago, formatInterval } from './interval.js';
import { formatKubernetesTarget } from './kubernetes.js';
import { formatSyncSource } from './source.js';

/** "synced from huaweicloud:cn-north-4 every 10m · last success 3 min ago · next run in 7 min". */
export function syncHealthLine(schedule: SyncSchedule, now: Date): string {
  const parts = [`synced from ${formatSyncSource(schedule.source)} every ${formatInterval(schedule.intervalMs)}`];
  parts.push(schedule.lastSuccessAt ? `last success ${ago(new Date(schedule.lastSuccessAt), now)}` : 'no success yet');
  const failure = schedule.lastFailure;
  if (failure) {
    const state = schedule.failures > 0 ? `FAILING (${schedule.failures} in a row)` : 'last failure';
    parts.push(
      `${state} ${ago(new Date(failure.at), now)}: ${FAILURE_LABEL[failure.kind]} (${clip(failure.message, 200)})`,
    );
  }
  if (schedule.kubernetes?.length)
    parts.push(`Kubernetes side of ${schedule.kubernetes.map(formatKubernetesTarget).join(', ')}`);
  for (const failure of schedule.kubernetesFailures ?? [])
    parts.push(
      `Kubernetes ${failure.cluster} NOT READ ${ago(new Date(failure.at), now)}: ${clip(failure.message, 200)} (previous Kubernetes data kept)`,
    );
  parts.push(`next run ${until(new Date(schedule.nextRunAt), now)}`);
  return parts.join(' · ');
}

function until(then: Date, now: Date): string {
  const ms = then.getTime() - now.getTime();
  if (ms <= 0) return 'due now';
  const minutes = Math.ceil(ms / 60_000);
  return minutes < 120 ? `in ${minutes} min` : `at ${then.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
