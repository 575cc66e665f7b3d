// A reverse answer for people: counts first, then one line per (verdict, blocking step) group with a few
// names, so 200 clusters fit in one Slack message; every entry with its blocking step goes in the details.
import type { KnownBlock } from '@slack/types';
import type { Verdict } from '../engine/diagnosis.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { ReverseAnswer, ReverseEntry, ReverseQuestion } from './reverse.js';

/** Names shown per group in the summary before "and N more". */
export const NAMES_PER_GROUP = 8;

const MARK: Record<Verdict, string> = { reachable: '✓', unreachable: '✗', uncertain: '?' };
const ORDER: readonly Verdict[] = ['reachable', 'unreachable', 'uncertain'];

/** One group of the summary: entries with the same verdict and the same blocking step. */
export interface ReverseGroup {
  readonly verdict: Verdict;
  /** The blocking check ("destination-sg"), or null for reachable entries. */
  readonly check: string | null;
  readonly entries: readonly ReverseEntry[];
}

function flowText(q: { protocol?: string; port?: number }): string {
  if (q.port !== undefined) return ` on ${q.protocol ?? 'tcp'}/${q.port}`;
  if (q.protocol === 'icmp') return ' on ping';
  return '';
}

/** The reverse question in words: "Who can reach db1 on tcp/3306?". */
export function describeReverse(question: ReverseQuestion): string {
  if (question.kind === 'sources') {
    const who = question.workloads ? 'Who' : 'Which clusters';
    return `${who} can reach ${question.destination}${flowText(question)}?`;
  }
  const from = question.workload ? `${question.workload} in ${question.cluster}` : `pods in ${question.cluster}`;
  return `What can ${from} reach${flowText(question)}?`;
}

/** Entries grouped by verdict (reachable, unreachable, uncertain) and then by blocking check, largest first. */
export function groupEntries(answer: ReverseAnswer): ReverseGroup[] {
  const groups: ReverseGroup[] = [];
  for (const verdict of ORDER) {
    const byCheck = new Map<string | null, ReverseEntry[]>();
    for (const entry of answer.entries) {
      if (entry.verdict !== verdict) continue;
      const key = verdict === 'reachable' ? null : (entry.blocker?.check ?? null);
      const list = byCheck.get(key) ?? [];
      list.push(entry);
      byCheck.set(key, list);
    }
    const sorted = [...byCheck].sort((a, b) => b[1].length - a[1].length);
    for (const [check, entries] of sorted) groups.push({ verdict, check, entries });
  }
  return groups;
}

function countLine(answer: ReverseAnswer): string {
  const total = answer.entries.length;
  const what = answer.question.kind === 'sources' ? 'source' : 'destination';
  const parts = ORDER.map((v) => `${answer.counts[v]} ${v}`);
  return `${parts.join(' · ')} (${total} ${what}${total === 1 ? '' : 's'})`;
}

function names(entries: readonly ReverseEntry[], limit: number): string {
  const shown = entries.slice(0, limit).map((e) => e.label);
  const more = entries.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function groupTitle(group: ReverseGroup): string {
  const mark = MARK[group.verdict];
  const at = group.check ? ` at ${group.check}` : '';
  return `${mark} ${group.verdict}${at} (${group.entries.length})`;
}

/** The grouped summary: the question, the counts, one line per group with up to `limit` names. */
export function renderReverseSummary(answer: ReverseAnswer, topology?: string, limit = NAMES_PER_GROUP): string {
  const lines = [`${describeReverse(answer.question)}${topology ? ` (topology ${topology})` : ''}`, countLine(answer)];
  for (const group of groupEntries(answer)) lines.push(`${groupTitle(group)}: ${names(group.entries, limit)}`);
  if (answer.entries.length === 0) lines.push('Nothing to ask: the topology declares no such sources or destinations.');
  return lines.join('\n');
}

/** One line per entry with its verdict, the forward question to ask for the full answer, the blocking step and fix. */
export function renderReverseDetails(answer: ReverseAnswer): string {
  return answer.entries
    .map((entry) => {
      const head = `${MARK[entry.verdict]} ${entry.label}: ${entry.verdict}`;
      if (!entry.blocker) return head;
      const fix = entry.blocker.fix ? `\n    fix: ${entry.blocker.fix}` : '';
      return `${head}\n    ${entry.blocker.check}: ${entry.blocker.summary}${fix}`;
    })
    .join('\n');
}

/** The summary and every detail, for a terminal. */
export function renderReverseText(answer: ReverseAnswer, topology?: string): string {
  const details = renderReverseDetails(answer);
  return `${renderReverseSummary(answer, topology)}${details ? `\n\n${details}` : ''}`;
}

/** Block Kit: a header with the counts and one section per group; the details travel as a file. */
export function renderReverseBlocks(answer: ReverseAnswer, topology?: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(describeReverse(answer.question))}*\n${escapeMrkdwn(countLine(answer))}`,
      },
    },
  ];
  // Slack allows 50 blocks; the groups are few (one per verdict and blocking check), but bound them anyway.
  for (const group of groupEntries(answer).slice(0, 40))
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(groupTitle(group))}*\n${escapeMrkdwn(names(group.entries, NAMES_PER_GROUP))}`,
      },
    });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: escapeMrkdwn(
          `${topology ? `Topology ${topology}. ` : ''}Every ${answer.question.kind === 'sources' ? 'source' : 'destination'} with its blocking step and fix is in the attached file; ask the forward question for the full answer.`,
        ),
      },
    ],
  });
  return blocks;
}

/** A file name for the details: "reachbot-who-can-reach-db1.txt". */
export function detailsFilename(question: ReverseQuestion): string {
  const stem =
    question.kind === 'sources'
      ? `who-can-reach-${question.destination}${question.port !== undefined ? `-${question.port}` : ''}`
      : `what-${question.cluster}${question.workload ? `-${question.workload}` : ''}-can-reach`;
  return `reachbot-${stem.replace(/[^A-Za-z0-9._-]+/g, '_')}.txt`;
}
