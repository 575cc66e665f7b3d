// `topology show|export|import|remove|sync NAME`: reading is open to everyone; writing is for admins
// and every write (or refusal) lands in the audit log.

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
  readonly description?: string;
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
      const [verb = '', name = '', ...rest] = splitFirstWords(args, 2);
      const body = rest.join('');
      switch (verb.toLowerCase()) {
        case 'list':
          return topologiesSubcommand.run('', context);
        case 'show':
          return withName(name, (valid) => showTopology(valid, context));
        case 'export':
          return withName(name, (valid) => exportStored(valid, context));
        case 'import':
          return withName(name, async (valid) => {
            const refusal = await refuseUnlessAdmin(context, 'topology import', valid);
            if (refusal) return refusal;
            if (!body.trim()) return importInstructions(valid);
            return importTopologyText(context, valid, body, 'pasted', options.onChange);
          });
        case 'remove':
          return withName(name, (valid) => removeTopology(context, valid, options.onChange));
        case 'sync':
          return withName(name, (valid) => syncTopology(context, valid, body.trim(), options));
        default:
          return {
            text: `Usage: \`${USAGE}\`, or \`topology list\`.${verb ? ` \`${verb}\` is not one of list, show, export, import, remove, sync.` : ''}`,
          };
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
      text: `:x: \`${name}\` was not imported: the file is not a valid v1 topology.\n\`\`\`\n${esc(formatIssues(parsed.issues, source))}\n\`\`\``,
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
  const change = previous ? describeTopologyChange(previous.topology, topology) : undefined;
  await recordAudit(context, {
    action,
    target: name,
    outcome: 'ok',
    detail: `${previous ? 'replaced' : 'new'}; source ${source}${change ? `; ${change.summary}` : ''}`,
  });
  notify(request.onChange, {
    name,
    ...(previous ? { before: previous.topology } : {}),
    after: topology,
    by: context.userId,
    ...(change ? { description: change.text } : {}),
  });
  const clusters = (topology.clusters ?? []).map((cluster) => `${cluster.name} (${cluster.networkModel})`).join(', ');
  const warned = request.warnings?.length
    ? `\n*${request.warnings.length} import warning${request.warnings.length === 1 ? '' : 's'}:*\n${request.warnings
        .slice(0, 10)
        .map((warning) => `• ${esc(warning)}`)
        .join('\n')}${request.warnings.length > 10 ? `\n• …and ${request.warnings.length - 10} more` : ''}`
    : '';
  const headline = previous
    ? `:white_check_mark: Replaced topology \`${name}\` (from ${esc(source)}).`
    : `:white_check_mark: Imported topology \`${name}\` (from ${esc(source)}): ${esc(clusters) || 'no clusters'}.`;
  if (!change) return { text: `${headline}${warned}` };
  return {
    text: `${headline}\n*What changed:* ${esc(change.summary)}\n\`\`\`\n${esc(change.text)}\n\`\`\`${warned}`,
    ...(change.text.length > 2500 ? { attachment: { filename: `${name}.diff.txt`, content: change.text } } : {}),
  };
}

function showTopology(name: string, context: CommandContext): Reply {
  const stored = getTopology(context.store, name);
  if (!stored) return notFound(name, context);
  const t = stored.topology;
  const names = namesById(t);
  const label = (id: string) => objectLabel(id, names.get(id));
  const clusters = (t.clusters ?? []).map(
    (cluster) =>
      `• cluster *${esc(cluster.name)}*: \`${cluster.networkModel}\`, VPC \`${esc(label(cluster.vpc))}\`, node subnets ${esc(cluster.nodeSubnets.map(label).join(', '))}`,
  );
  const vpcs = (t.vpcs ?? []).map(
    (vpc) => `• VPC \`${esc(label(vpc.id))}\` ${vpc.cidr}, ${(vpc.subnets ?? []).length} subnets`,
  );
  const counts = [
    `${(t.resources ?? []).length} resources`,
    `${(t.securityGroups ?? []).length} security groups`,
    `${(t.networkAcls ?? []).length} network ACLs`,
    `${(t.peerings ?? []).length} peerings`,
  ].join(', ');
  return {
    text: [
      `*Topology ${name}*: imported ${stored.importedAt}${stored.importedBy ? ` by ${stored.importedBy}` : ''}${stored.source ? ` from ${esc(stored.source)}` : ''}`,
      ...clusters,
      ...vpcs,
      counts,
      `\`topology export ${name}\` gives the whole file.`,
    ].join('\n'),
  };
}

function exportStored(name: string, context: CommandContext): Reply {
  const stored = getTopology(context.store, name);
  if (!stored) return notFound(name, context);
  const yaml = exportTopology(stored.topology);
  return {
    text: `Topology \`${name}\` as YAML (v1; \`topology import ${name}\` takes it back):\n\`\`\`\n${yaml}\`\`\``,
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
  const note = watching
    ? ` ${watching} watch${watching === 1 ? '' : 'es'} still name it and will report it missing until it is imported again or they are removed.`
    : '';
  return { text: `:wastebasket: Removed topology \`${name}\`.${note}` };
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
  if (!options.sync) return { text: 'Cloud sync is not configured in this deployment.' };
  let result: Awaited<ReturnType<TopologySync>>;
  try {
    result = await options.sync({ name, args, previous: getTopology(context.store, name), context });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordAudit(context, { action: 'topology sync', target: name, outcome: 'failed', detail: message });
    return { text: `:x: Sync of \`${name}\` failed: ${esc(message)}` };
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

function importInstructions(name: string): Reply {
  return {
    text: `To import \`${name}\`, DM me the topology file (YAML or JSON) with the message \`topology import ${name}\`, or mention me with the file attached in a channel. You can also paste the YAML right after \`topology import ${name}\` on the next lines.`,
  };
}

function notFound(name: string, context: CommandContext): Reply {
  const known = listTopologies(context.store).map((entry) => entry.name);
  return {
    text: `No topology named \`${name}\`. Known: ${known.length ? known.map((k) => `\`${k}\``).join(', ') : 'none yet'}.`,
  };
}

async function withName(name: string, run: (name: string) => Reply | Promise<Reply>): Promise<Reply> {
  if (!name) return { text: `Which topology? Usage: \`${USAGE}\`.` };
  if (!isValidTopologyName(name)) {
    return {
      text: `\`${esc(name)}\` is not a valid topology name: use letters, digits, \`.\`, \`-\` or \`_\` (at most 64).`,
    };
  }
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
