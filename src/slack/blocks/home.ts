// The App Home tab: what reachbot knows (topologies, their clusters and network models) and what it
// watches (each watched path with its last verdict). Built from the store alone, so it is cheap to publish.
import type { HomeView, KnownBlock } from '@slack/types';
import { describeQuestion } from '../../digest/watches.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { slack } from '../../i18n/messages/slack.js';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from '../../render/mrkdwn.js';
import type { StoreData } from '../../store/data.js';
import { syncHealthLine } from '../../sync/health.js';

/** Home tabs hold at most 100 blocks; keep a margin for the trailing notes. */
const MAX_HOME_BLOCKS = SLACK_LIMITS.maxHomeBlocks - 5;
/** Names, labels and file names are the user's text: shown literally, never as markup or mentions. */
const esc = escapeMrkdwn;

/** The Home tab view for the current store contents, in a language (default English). */
export function homeView(data: Readonly<StoreData>, now: Date = new Date(), text: I18n = EN): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: text.t(slack['home.title']) } },
    { type: 'section', text: { type: 'mrkdwn', text: text.t(slack['home.intro']) } },
    { type: 'divider' },
    ...topologyBlocks(data, now, text),
    { type: 'divider' },
    ...watchBlocks(data, text),
  ];
  return { type: 'home', blocks: capBlocks(blocks, text) };
}

function topologyBlocks(data: Readonly<StoreData>, now: Date, text: I18n): KnownBlock[] {
  const stored = Object.values(data.topologies).sort((a, b) => a.name.localeCompare(b.name));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: text.t(slack['home.topologies'], { count: stored.length }) } },
  ];
  if (stored.length === 0) {
    blocks.push(mrkdwn(text.t(slack['home.no-topology'])));
    return blocks;
  }
  const comma = text.lang === 'zh' ? '，' : ', ';
  for (const entry of stored) {
    const isDefault = data.defaultTopology === entry.name ? text.t(slack['home.default']) : '';
    const clusters = entry.topology.clusters ?? [];
    const lines = clusters.map((cluster) =>
      text.t(slack['home.cluster'], {
        name: esc(cluster.name),
        model: cluster.networkModel,
        vpc: esc(cluster.vpc),
        ...(cluster.version ? { version: esc(cluster.version) } : {}),
      }),
    );
    const origin = [
      entry.source ? esc(entry.source) : undefined,
      text.t(slack['home.imported'], { at: text.time(new Date(entry.importedAt)) }),
      entry.importedBy ? text.t(slack['home.by'], { user: entry.importedBy }) : '',
    ]
      .filter(Boolean)
      .join(comma);
    const counts = text.t(slack['home.counts'], {
      clusters: clusters.length,
      resources: (entry.topology.resources ?? []).length,
    });
    blocks.push(
      mrkdwn(
        `*${esc(entry.name)}*${isDefault}${text.lang === 'zh' ? '：' : ': '}${counts}\n${lines.join('\n') || text.t(slack['home.no-clusters'])}`,
      ),
      { type: 'context', elements: [{ type: 'mrkdwn', text: origin }] },
    );
    const sync = data.syncs[entry.name];
    if (sync) {
      const failing = sync.failures > 0 ? ':warning: ' : ':repeat: ';
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `${failing}${syncHealthLine(sync, now, text)}` }],
      });
    }
  }
  return blocks;
}

function watchBlocks(data: Readonly<StoreData>, text: I18n): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: text.t(slack['home.watched'], { count: data.watches.length }) },
    },
  ];
  if (data.watches.length === 0) {
    blocks.push(mrkdwn(text.t(slack['home.no-watches'])));
    return blocks;
  }
  for (const watch of data.watches) {
    const status = watch.last
      ? `${text.t(slack['home.verdict'], { verdict: watch.last.verdict })} ${text.t(slack['home.checked'], { at: text.time(new Date(watch.last.at)) })}`
      : text.t(slack['home.not-checked']);
    const label = watch.label ? `*${esc(watch.label)}*${text.lang === 'zh' ? '：' : ': '}` : '';
    const where = text.t(slack['home.in-topology'], {
      question: esc(describeQuestion(watch.question, text)),
      topology: esc(watch.topology),
      channel: watch.channel,
    });
    blocks.push(mrkdwn(`${label}${where}\n${status}`));
  }
  return blocks;
}

function mrkdwn(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.maxSectionText) } };
}

function capBlocks(blocks: KnownBlock[], text: I18n): KnownBlock[] {
  if (blocks.length <= MAX_HOME_BLOCKS) return blocks;
  const kept = blocks.slice(0, MAX_HOME_BLOCKS - 1);
  kept.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: text.t(slack['home.more-blocks'], { count: blocks.length - kept.length }),
      },
    ],
  });
  return kept;
}
