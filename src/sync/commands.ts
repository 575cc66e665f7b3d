// The scheduled-sync words of `topology sync NAME ...`, shared by /reach, mentions and the shell:
//   topology sync NAME from huaweicloud:cn-north-4 [project ID] [vpc ID[,ID]] [every 10m]   set the source, sync now
//   topology sync NAME every 5m                                                             change the interval
//   topology sync NAME kubernetes CLUSTER [context CTX | in-cluster | off]                  read a cluster's K8s side
//   topology sync NAME off                                                                  stop syncing
//   topology sync NAME                                                                      sync now
// Anything else (`topology sync NAME cn-north-4`) is left to the one-off sync that existed before.

import { recordAudit } from '../commands/audit.js';
import type { CommandContext, Reply } from '../commands/subcommand.js';
import { channelText } from '../digest/channel-lang.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { errorText } from '../i18n/localized-error.js';
import { sync as M } from '../i18n/messages/sync.js';
import { syncSettings as S } from '../i18n/messages/sync-settings.js';
import { failureLabel, failureWords } from './failure.js';
import { kubernetesTargetWords, syncHealthLine } from './health.js';
import { formatInterval, parseInterval } from './interval.js';
import { formatKubernetesTarget, kubernetesTarget } from './kubernetes.js';
import type { SyncOutcome, SyncScheduler } from './scheduler.js';
import { formatSyncSource, parseSyncSource, SOURCE_FORMS, SyncSourceError } from './source.js';

/** Handles a `topology sync NAME ARGS` that is about scheduled syncs; undefined leaves it to the one-off sync. */
export type ScheduledSyncCommand = (context: CommandContext, name: string, args: string) => Promise<Reply | undefined>;

export const SYNC_USAGE =
  'topology sync NAME from huaweicloud:REGION [project ID] [vpc ID,ID] [every 10m] [kubernetes CLUSTER [context CTX | in-cluster]] | every 5m | kubernetes CLUSTER off | off';

/** The command over a running scheduler; `cwd` resolves relative state paths. */
export function scheduledSyncCommand(scheduler: SyncScheduler, cwd = process.cwd()): ScheduledSyncCommand {
  return async (context, name, args) => {
    // Replies follow the channel's language (`digest lang`), like the sync notices posted there.
    const text = channelText(context.store.data, context.channelId);
    const words = args.trim().split(/\s+/).filter(Boolean);
    const has = context.store.data.syncs[name] !== undefined;
    const first = words[0]?.toLowerCase();
    if (words.length === 0) return has ? syncNowReply(context, scheduler, name, text) : undefined;
    if (first === 'off' || first === 'stop') {
      const removed = await scheduler.unschedule(name);
      await recordAudit(context, { action: 'topology sync off', target: name, outcome: removed ? 'ok' : 'failed' });
      return {
        text: removed ? text.t(M['sync.cmdOff'], { name }) : text.t(M['sync.cmdNoSync'], { name }),
      };
    }
    if (first !== 'from' && first !== 'every' && first !== 'kubernetes') return undefined;
    let settings: Parameters<SyncScheduler['configure']>[1];
    try {
      settings = parseSettings(words, cwd);
    } catch (error) {
      const message = errorText(error, text);
      return {
        text: `:x: ${text.t(M['sync.cmdUsage'], { error: message, usage: SYNC_USAGE, sources: text.t(SOURCE_FORMS) })}`,
      };
    }
    if (!settings.source && !has) {
      return { text: text.t(M['sync.cmdNoSource'], { name }) };
    }
    const schedule = await scheduler.configure(name, settings, context.userId);
    await recordAudit(context, {
      action: 'topology sync schedule',
      target: name,
      outcome: 'ok',
      detail: `${formatSyncSource(schedule.source)} every ${formatInterval(schedule.intervalMs)}${
        schedule.kubernetes?.length ? `, kubernetes ${schedule.kubernetes.map(formatKubernetesTarget).join(', ')}` : ''
      }`,
    });
    const kubernetes = schedule.kubernetes?.length
      ? text.t(M['sync.cmdKubernetes'], {
          targets: schedule.kubernetes.map((t) => `\`${kubernetesTargetWords(t, text)}\``).join(', '),
        })
      : '';
    const head = `:repeat: ${text.t(M['sync.cmdHead'], {
      name,
      source: formatSyncSource(schedule.source),
      interval: formatInterval(schedule.intervalMs, text),
      kubernetes,
    })}`;
    // A new source or a newly configured cluster is read at once; an interval change or a removal waits.
    if (!settings.source && !settings.kubernetes)
      return { text: `${head}\n${syncHealthLine(schedule, context.now(), text)}` };
    const outcome = await scheduler.syncNow(name);
    return { text: `${head}\n${outcomeText(name, outcome, text)}` };
  };
}

function parseSettings(words: readonly string[], cwd: string): Parameters<SyncScheduler['configure']>[1] {
  let typedSource: string | undefined;
  let projectId: string | undefined;
  let vpcIds: string[] | undefined;
  let intervalMs: number | undefined;
  let kubernetes: Parameters<SyncScheduler['configure']>[1]['kubernetes'];
  let kubernetesOff: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]?.toLowerCase();
    const value = words[i + 1];
    if (value === undefined) throw SyncSourceError.of(S['sync.settings.needs-value'], { word: String(words[i]) });
    if (word === 'kubernetes' || word === 'k8s') {
      // kubernetes CLUSTER [context CTX | in-cluster | off]
      const how = words[i + 2]?.toLowerCase();
      if (how === 'off') {
        kubernetesOff = kubernetesTarget(value, {}).cluster;
        i += 2;
      } else if (how === 'in-cluster') {
        kubernetes = kubernetesTarget(value, { inCluster: true });
        i += 2;
      } else if (how === 'context') {
        const context = words[i + 3];
        if (context === undefined) throw SyncSourceError.of(S['sync.settings.needs-context'], undefined);
        kubernetes = kubernetesTarget(value, { context });
        i += 3;
      } else {
        kubernetes = kubernetesTarget(value, {});
        i += 1;
      }
      continue;
    }
    if (word === 'from') typedSource = value;
    else if (word === 'every') intervalMs = parseInterval(value);
    else if (word === 'project') projectId = value;
    else if (word === 'vpc' || word === 'vpcs') vpcIds = value.split(',').filter(Boolean);
    else throw SyncSourceError.of(S['sync.settings.not-understood'], { word: String(words[i]) });
    i++;
  }
  const source =
    typedSource === undefined
      ? undefined
      : parseSyncSource(typedSource, { ...(projectId ? { projectId } : {}), ...(vpcIds ? { vpcIds } : {}) }, cwd);
  if (!source && (projectId || vpcIds))
    throw SyncSourceError.of(S['sync.settings.filters-need-huaweicloud'], undefined);
  return {
    ...(source ? { source } : {}),
    ...(intervalMs ? { intervalMs } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    ...(kubernetesOff ? { kubernetesOff } : {}),
  };
}

async function syncNowReply(
  context: CommandContext,
  scheduler: SyncScheduler,
  name: string,
  text: I18n,
): Promise<Reply> {
  const outcome = await scheduler.syncNow(name);
  await recordAudit(context, {
    action: 'topology sync',
    target: name,
    outcome: outcome.status === 'failed' ? 'failed' : 'ok',
    detail: outcome.status === 'failed' ? outcome.failure.message : outcome.status,
  });
  return { text: outcomeText(name, outcome, text) };
}

/** What a sync did, in a sentence. */
export function outcomeText(name: string, outcome: SyncOutcome, text: I18n = EN): string {
  const unread = outcome.status === 'failed' ? [] : (outcome.kubernetesFailures ?? []);
  const cloud = cloudOutcomeText(name, outcome, text);
  if (!unread.length) return cloud;
  const lines = unread.map(
    (f) => `:warning: ${text.t(M['sync.k8sNotRead'], { cluster: f.cluster, message: f.message })}`,
  );
  return [cloud, ...lines].join('\n');
}

function cloudOutcomeText(name: string, outcome: SyncOutcome, text: I18n): string {
  const warned = outcome.warnings.length ? text.t(M['sync.warnings'], { count: outcome.warnings.length, name }) : '';
  switch (outcome.status) {
    case 'unchanged':
      return text.t(M['sync.outUnchanged'], { name, warned });
    case 'replaced':
      return text.t(M['sync.outReplaced'], { name, warned });
    case 'created':
      return text.t(M['sync.outCreated'], { name, warned });
    case 'failed':
      return `:x: ${text.t(M['sync.outFailed'], {
        name,
        reason: failureLabel(outcome.failure.kind, text),
        ...failureWords(outcome.failure, text),
      })}`;
  }
}
