// The App Home tab: what reachbot knows (topologies, their clusters and network models) and what it
// watches (each watched path with its last verdict). Built from the store alone, so it is cheap to publish.
import type { HomeView, KnownBlock } from '@slack/types';
import { describeQuestion } from '../../digest/watches.js';
import type { Verdict } from '../../engine/diagnosis.js';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from '../../render/mrkdwn.js';
import type { StoreData } from '../../store/data.js';
import { syncHealthLine } from '../../sync/health.js';

/** Home tabs hold at most 100 blocks; keep a margin for the trailing notes. */
const MAX_HOME_BLOCKS = SLACK_LIMITS.maxHomeBlocks - 5;
/** Names, labels and file names are the user's text: shown literally, never as markup or mentions. */
const esc = escapeMrkdwn;

const VERDICT_BADGE: Record<Verdict, string> = {
  reachable: ':white_check_mark: reachable',
  unreachable: ':x: unreachable',
  uncertain: ':warning: uncertain',
};

/** The Home tab view for the current store contents. */
export function homeView(data: Readonly<StoreData>, now: Date = new Date()): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'reachbot: can this pod reach that address?' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Ask with `/reach prod 192.168.10.52 tcp/3306`, mention me in a thread (`@reachbot can pod in prod reach db1?`), or DM me. `/reach help` lists every form.',
      },
    },
    { type: 'divider' },
    ...topologyBlocks(data, now),
    { type: 'divider' },
    ...watchBlocks(data),
  ];
  return { type: 'home', blocks: capBlocks(blocks) };
}

function topologyBlocks(data: Readonly<StoreData>, now: Date): KnownBlock[] {
  const stored = Object.values(data.topologies).sort((a, b) => a.name.localeCompare(b.name));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Topologies (${stored.length})` } },
  ];
  if (stored.length === 0) {
    blocks.push(
      mrkdwn(
        'No topology is registered yet. An admin can DM me a topology file (YAML or JSON) with the message `topology import NAME`.',
      ),
    );
    return blocks;
  }
  for (const entry of stored) {
    const isDefault = data.defaultTopology === entry.name ? ' (default)' : '';
    const clusters = entry.topology.clusters ?? [];
    const lines = clusters.map(
      (cluster) =>
        `• *${esc(cluster.name)}*: \`${cluster.networkModel}\` in VPC \`${esc(cluster.vpc)}\`${cluster.version ? `, ${esc(cluster.version)}` : ''}`,
    );
    const origin = [
      entry.source ? esc(entry.source) : undefined,
      `imported ${entry.importedAt.slice(0, 16).replace('T', ' ')} UTC`,
      entry.importedBy ? `by <@${entry.importedBy}>` : '',
    ]
      .filter(Boolean)
      .join(', ');
    blocks.push(
      mrkdwn(
        `*${esc(entry.name)}*${isDefault}: ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}, ${(entry.topology.resources ?? []).length} resources\n${lines.join('\n') || '_no clusters_'}`,
      ),
      { type: 'context', elements: [{ type: 'mrkdwn', text: origin }] },
    );
    const sync = data.syncs[entry.name];
    if (sync) {
      const failing = sync.failures > 0 ? ':warning: ' : ':repeat: ';
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${failing}${syncHealthLine(sync, now)}` }] });
    }
  }
  return blocks;
}

function watchBlocks(data: Readonly<StoreData>): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Watched paths (${data.watches.length})` } },
  ];
  if (data.watches.length === 0) {
    blocks.push(mrkdwn('Nothing is watched. Press *Watch this path* on an answer, or `/reach watch prod db1:3306`.'));
    return blocks;
  }
  for (const watch of data.watches) {
    const status = watch.last
      ? `${VERDICT_BADGE[watch.last.verdict]} (checked ${watch.last.at.slice(0, 16).replace('T', ' ')} UTC)`
      : 'not checked yet';
    const label = watch.label ? `*${esc(watch.label)}*: ` : '';
    blocks.push(
      mrkdwn(
        `${label}${esc(describeQuestion(watch.question))} in \`${esc(watch.topology)}\`, <#${watch.channel}>\n${status}`,
      ),
    );
  }
  return blocks;
}

function mrkdwn(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.maxSectionText) } };
}

function capBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= MAX_HOME_BLOCKS) return blocks;
  const kept = blocks.slice(0, MAX_HOME_BLOCKS - 1);
  kept.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `…and ${blocks.length - kept.length} more blocks; use \`/reach topologies\` for the full list.`,
      },
    ],
  });
  return kept;
}
