// `topology show|export|import|remove|sync NAME`: reading is open to everyone; writing is for admins
// and every write (or refusal) lands in the audit log.

import { type I18n, i18n } from '../i18n/i18n.js';
import { errorText, LocalizedError } from '../i18n/localized-error.js';
import { commands as C } from '../i18n/messages/commands.js';
import { namesById, objectLabel } from '../names/labels.js';
import { escapeMrkdwn as esc } from '../render/mrkdwn.js';
import type { StoredTopology } from '../store/data.js';
import {
  getTopology,
  isValidTopologyName,
  listTopologies,
  putTopology,
  removeTopology as removeStored,
} from '../store/topologies.js';
import type { ScheduledSyncCommand } from '../sync/commands.js';
import { formatDiff, type TopologyDiff } from '../topology/diff.js';
import { formatIssues } from '../topology/errors.js';
import { exportTopology } from '../topology/export.js';
import { parseTopology } from '../topology/load.js';
import type { Topology } from '../topology/schema.js';
import { recordAudit, refuseUnlessAdmin } from './audit.js';
import type { CommandContext, Reply, Subcommand } from './subcommand.js';
import { topologiesSubcommand } from './topologies.js';
import { describeTopologyChange } from './topology-diff.js';

/** A cloud importer for `topology sync NAME [REGION]` (Huawei Cloud), when one is configured. */
export type TopologySync = (request: {
  readonly name: string;
  /** What followed the name (a region, for Huawei Cloud). */
  readonly args: string;
  readonly previous: StoredTopology | undefined;
  readonly context: CommandContext;
}) => Promise<{ readonly topology: Topology; readonly source: string; readonly warnings: readonly string[] }>;

/** A stored topology was imported, replaced or removed (change alerts for watched paths listen to this). */
export interface TopologyChange {
  readonly name: string;
  readonly before?: Topology;
  readonly after?: Topology;
  readonly by: string;
  /** What changed, when the writer already compared the two (alerts word it in each channel's language). */
  readonly diff?: TopologyDiff;
}

/** Told after every successful write; must not throw (it runs after the reply is decided). */
export type TopologyChangeListener = (change: TopologyChange) => Promise<void>;

export interface TopologyCommandOptions {
  readonly sync?: TopologySync;
  /** Scheduled syncs (`topology sync NAME from ... | every 5m | off`), when the bot runs a sync scheduler. */
  readonly scheduled?: ScheduledSyncCommand;
  readonly onChange?: TopologyChangeListener;
}

const USAGE = 'topology show|export|import|remove|sync NAME';

/** The `topology` subcommand. */
export function topologySubcommand(options: TopologyCommandOptions = {}): Subcommand {
  return {
    name: 'topology',
    usage: USAGE,
    summary: 'show or export a topology; import (a shared file or pasted YAML/JSON), remove or sync one (admins)',
    async run(args, context) {
      const t = say(context);
      const [verb = '', name = '', ...rest] = splitFirstWords(args, 2);
      const body = rest.join('');
      switch (verb.toLowerCase()) {
        case 'list':
          return topologiesSubcommand.run('', context);
        case 'show':
          return withName(name, t, (valid) => showTopology(valid, context));
        case 'export':
          return withName(name, t, (valid) => exportStored(valid, context));
        case 'import':
          return withName(name, t, async (valid) => {
            const refusal = await refuseUnlessAdmin(context, 'topology import', valid);
            if (refusal) return refusal;
            if (!body.trim()) return { text: t.t(C['topology.import-how'], { name: valid }) };
            return importTopologyText(context, valid, body, 'pasted', options.onChange);
          });
        case 'remove':
          return withName(name, t, (valid) => removeTopology(context, valid, options.onChange));
        case 'sync':
          return withName(name, t, (valid) => syncTopology(context, valid, body.trim(), options));
        default:
          return { text: t.t(C['topology.usage'], { usage: USAGE, ...(verb ? { verb } : {}) }) };
      }
    },
  };
}

/** Validate topology text and store it under `name` (replacing shows the diff); audited. Caller checks admin. */
export async function importTopologyText(
  context: CommandContext,
  name: string,
  text: string,
  source: string,
  onChange?: TopologyChangeListener,
): Promise<Reply> {
  const parsed = parseTopology(text);
  if (!parsed.ok) {
    await recordAudit(context, {
      action: 'topology import',
      target: name,
      outcome: 'failed',
      detail: `${parsed.issues.length} issues (${source})`,
    });
    return {
      text: say(context).t(C['topology.invalid-file'], {
        name,
        issues: esc(formatIssues(parsed.issues, source, say(context))),
      }),
    };
  }
  return storeTopology(context, {
    name,
    topology: parsed.topology,
    source,
    action: 'topology import',
    ...(onChange ? { onChange } : {}),
  });
}

interface StoreRequest {
  readonly name: string;
  readonly topology: Topology;
  readonly source: string;
  readonly action: string;
  readonly onChange?: TopologyChangeListener;
  readonly warnings?: readonly string[];
}

async function storeTopology(context: CommandContext, request: StoreRequest): Promise<Reply> {
  const { name, topology, source, action } = request;
  const previous = getTopology(context.store, name);
  await putTopology(context.store, {
    name: previous?.name ?? name,
    topology,
    importedAt: context.now().toISOString(),
    importedBy: context.userId,
    source,
  });
  const t = say(context);
  const change = previous ? describeTopologyChange(previous.topology, topology, t) : undefined;
  // The audit log is for operators, in English whatever the reply's language.
  const audited = change ? formatDiff(change.diff).split('\n')[0] : undefined;
  await recordAudit(context, {
    action,
    target: name,
    outcome: 'ok',
    detail: `${previous ? 'replaced' : 'new'}; source ${source}${audited ? `; ${audited}` : ''}`,
  });
  notify(request.onChange, {
    name,
    ...(previous ? { before: previous.topology } : {}),
    after: topology,
    by: context.userId,
    ...(change ? { diff: change.diff } : {}),
  });
  const clusters = (topology.clusters ?? []).map((cluster) => `${cluster.name} (${cluster.networkModel})`).join(', ');
  const warned = request.warnings?.length
    ? t.t(C['topology.warnings'], {
        count: request.warnings.length,
        lines: request.warnings.slice(0, 10).map(esc),
        more: Math.max(0, request.warnings.length - 10),
      })
    : '';
  const headline = previous
    ? t.t(C['topology.replaced'], { name, source: esc(source) })
    : t.t(C['topology.imported'], { name, source: esc(source), clusters: esc(clusters) });
  if (!change) return { text: `${headline}${warned}` };
  return {
    text: `${headline}\n${t.t(C['topology.what-changed'])} ${esc(change.summary)}\n\`\`\`\n${esc(change.text)}\n\`\`\`${warned}`,
    ...(change.text.length > 2500 ? { attachment: { filename: `${name}.diff.txt`, content: change.text } } : {}),
  };
}

function showTopology(name: string, context: CommandContext): Reply {
  const stored = getTopology(context.store, name);
  if (!stored) return notFound(name, context);
  const t = stored.topology;
  const text = say(context);
  const names = namesById(t);
  const label = (id: string) => objectLabel(id, names.get(id));
  const clusters = (t.clusters ?? []).map((cluster) =>
    text.t(C['topology.show-cluster'], {
      name: esc(cluster.name),
      model: cluster.networkModel,
      vpc: esc(label(cluster.vpc)),
      subnets: esc(cluster.nodeSubnets.map(label).join(', ')),
    }),
  );
  const vpcs = (t.vpcs ?? []).map((vpc) =>
    text.t(C['topology.show-vpc'], { vpc: esc(label(vpc.id)), cidr: vpc.cidr, subnets: (vpc.subnets ?? []).length }),
  );
  const counts = text.t(C['topology.show-counts'], {
    resources: (t.resources ?? []).length,
    groups: (t.securityGroups ?? []).length,
    acls: (t.networkAcls ?? []).length,
    peerings: (t.peerings ?? []).length,
  });
  return {
    text: [
      text.t(C['topology.show-head'], {
        name,
        at: stored.importedAt,
        ...(stored.importedBy ? { by: stored.importedBy } : {}),
        ...(stored.source ? { from: esc(stored.source) } : {}),
      }),
      ...clusters,
      ...vpcs,
      counts,
      text.t(C['topology.show-export'], { name }),
    ].join('\n'),
  };
}

function exportStored(name: string, context: CommandContext): Reply {
  const stored = getTopology(context.store, name);
  if (!stored) return notFound(name, context);
  const yaml = exportTopology(stored.topology);
  return {
    text: `${say(context).t(C['topology.export'], { name })}\n\`\`\`\n${yaml}\`\`\``,
    attachment: { filename: `${name}.yaml`, content: yaml },
  };
}

async function removeTopology(
  context: CommandContext,
  name: string,
  onChange?: TopologyChangeListener,
): Promise<Reply> {
  const refusal = await refuseUnlessAdmin(context, 'topology remove', name);
  if (refusal) return refusal;
  const stored = getTopology(context.store, name);
  if (!stored) {
    await recordAudit(context, {
      action: 'topology remove',
      target: name,
      outcome: 'failed',
      detail: 'no such topology',
    });
    return notFound(name, context);
  }
  const watching = context.store.data.watches.filter((watch) => watch.topology === stored.name).length;
  await removeStored(context.store, stored.name);
  await recordAudit(context, { action: 'topology remove', target: name, outcome: 'ok' });
  notify(onChange, { name: stored.name, before: stored.topology, by: context.userId });
  return { text: say(context).t(C['topology.removed'], { name, watching }) };
}

async function syncTopology(
  context: CommandContext,
  name: string,
  args: string,
  options: TopologyCommandOptions,
): Promise<Reply> {
  const refusal = await refuseUnlessAdmin(context, 'topology sync', name);
  if (refusal) return refusal;
  const scheduled = await options.scheduled?.(context, name, args);
  if (scheduled) return scheduled;
  if (!options.sync) return { text: say(context).t(C['topology.no-sync']) };
  let result: Awaited<ReturnType<TopologySync>>;
  try {
    result = await options.sync({ name, args, previous: getTopology(context.store, name), context });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordAudit(context, { action: 'topology sync', target: name, outcome: 'failed', detail: message });
    const said = errorText(error, say(context));
    const ours = error instanceof LocalizedError;
    return { text: say(context).t(C['topology.sync-failed'], { name, message: esc(said), ours }) };
  }
  return storeTopology(context, {
    name,
    topology: result.topology,
    source: result.source,
    action: 'topology sync',
    warnings: result.warnings,
    ...(options.onChange ? { onChange: options.onChange } : {}),
  });
}

/** Tell the listener without holding up the reply; a failing listener is its own business. */
function notify(listener: TopologyChangeListener | undefined, change: TopologyChange): void {
  if (!listener) return;
  void listener(change).catch(() => undefined);
}

/** The language this reply is written in (the asker's, chosen by converse). */
function say(context: CommandContext): I18n {
  return i18n(context.lang ?? 'en');
}

function notFound(name: string, context: CommandContext): Reply {
  const known = listTopologies(context.store).map((entry) => entry.name);
  return { text: say(context).t(C['topology.not-found'], { name, known }) };
}

async function withName(name: string, text: I18n, run: (name: string) => Reply | Promise<Reply>): Promise<Reply> {
  if (!name) return { text: text.t(C['topology.which'], { usage: USAGE }) };
  if (!isValidTopologyName(name)) return { text: text.t(C['topology.bad-name'], { name: esc(name) }) };
  return run(name);
}

/** The first `count` whitespace-separated words, then the remainder from the next line or word on (it may be YAML). */
export function splitFirstWords(text: string, count: number): string[] {
  const words: string[] = [];
  let rest = text;
  for (let i = 0; i < count; i++) {
    rest = rest.replace(/^\s+/, '');
    const word = /^\S+/.exec(rest)?.[0] ?? '';
    words.push(word);
    rest = rest.slice(word.length);
  }
  // Keep the remainder's own indentation: only the separator after the last word goes.
  rest = rest.replace(/^[ \t]*\r?\n|^[ \t]+/, '');
  return rest ? [...words, rest] : words;
}
