// A reverse answer for people: counts first, then one line per (verdict, blocking step) group with a few
// names, so 200 clusters fit in one Slack message; every entry with its blocking step goes in the details.
import type { KnownBlock } from '@slack/types';
import type { CheckName, Verdict } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { CHECK_TITLES, VERDICT_WORDS } from '../i18n/messages/common.js';
import { scenarios as M } from '../i18n/messages/scenarios.js';
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

function flowOf(q: { protocol?: string; port?: number }): { protocol?: string; port?: number } {
  return { ...(q.protocol ? { protocol: q.protocol } : {}), ...(q.port !== undefined ? { port: q.port } : {}) };
}

/** The reverse question in words: "Who can reach db1 on tcp/3306?" / "哪些工作负载可以访问 db1（tcp/3306）？". */
export function describeReverse(question: ReverseQuestion, text: I18n = EN): string {
  if (question.kind === 'sources') {
    return text.t(M['reverse.whoCanReach'], {
      destination: question.destination,
      workloads: Boolean(question.workloads),
      ...flowOf(question),
    });
  }
  return text.t(M['reverse.whatCanReach'], {
    cluster: question.cluster,
    ...(question.workload ? { workload: question.workload } : {}),
    ...flowOf(question),
  });
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

function countLine(answer: ReverseAnswer, text: I18n): string {
  return text.t(M['reverse.counts'], {
    reachable: answer.counts.reachable,
    unreachable: answer.counts.unreachable,
    uncertain: answer.counts.uncertain,
    total: answer.entries.length,
    sources: answer.question.kind === 'sources',
  });
}

function names(entries: readonly ReverseEntry[], limit: number, text: I18n): string {
  const shown = entries.slice(0, limit).map((e) => e.label);
  const more = entries.length - shown.length;
  const joined = shown.join(text.lang === 'zh' ? '、' : ', ');
  return more > 0 ? text.t(M['reverse.andMore'], { names: joined, count: more }) : joined;
}

/** A check by its title in the reader's language; the machine name in English, as it always was. */
function checkWords(check: string, text: I18n): string {
  const title = text.lang === 'en' ? undefined : CHECK_TITLES[check as CheckName];
  return title ? text.t(title) : check;
}

function groupTitle(group: ReverseGroup, text: I18n): string {
  return text.t(M['reverse.group'], {
    mark: MARK[group.verdict],
    verdict: text.t(VERDICT_WORDS[group.verdict]),
    ...(group.check ? { check: checkWords(group.check, text) } : {}),
    count: group.entries.length,
  });
}

/** The grouped summary: the question, the counts, one line per group with up to `limit` names. */
export function renderReverseSummary(
  answer: ReverseAnswer,
  topology?: string,
  limit = NAMES_PER_GROUP,
  text: I18n = EN,
): string {
  const lines = [
    `${describeReverse(answer.question, text)}${topology ? text.t(M['reverse.inTopology'], { topology }) : ''}`,
    countLine(answer, text),
  ];
  const colon = text.lang === 'zh' ? '：' : ': ';
  for (const group of groupEntries(answer))
    lines.push(`${groupTitle(group, text)}${colon}${names(group.entries, limit, text)}`);
  if (answer.entries.length === 0) lines.push(text.t(M['reverse.nothing']));
  return lines.join('\n');
}

/** One line per entry with its verdict, the forward question to ask for the full answer, the blocking step and fix. */
export function renderReverseDetails(answer: ReverseAnswer, text: I18n = EN): string {
  const colon = text.lang === 'zh' ? '：' : ': ';
  return answer.entries
    .map((entry) => {
      const head = `${MARK[entry.verdict]} ${entry.label}${colon}${text.t(VERDICT_WORDS[entry.verdict])}`;
      if (!entry.blocker) return head;
      const fix = entry.blocker.fix ? `\n    ${text.t(M['reverse.fix'], { fix: entry.blocker.fix })}` : '';
      return `${head}\n    ${checkWords(entry.blocker.check, text)}${colon}${entry.blocker.summary}${fix}`;
    })
    .join('\n');
}

/** The summary and every detail, for a terminal. */
export function renderReverseText(answer: ReverseAnswer, topology?: string, text: I18n = EN): string {
  const details = renderReverseDetails(answer, text);
  return `${renderReverseSummary(answer, topology, NAMES_PER_GROUP, text)}${details ? `\n\n${details}` : ''}`;
}

/** Block Kit: a header with the counts and one section per group; the details travel as a file. */
export function renderReverseBlocks(answer: ReverseAnswer, topology?: string, text: I18n = EN): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(describeReverse(answer.question, text))}*\n${escapeMrkdwn(countLine(answer, text))}`,
      },
    },
  ];
  // Slack allows 50 blocks; the groups are few (one per verdict and blocking check), but bound them anyway.
  for (const group of groupEntries(answer).slice(0, 40))
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(groupTitle(group, text))}*\n${escapeMrkdwn(names(group.entries, NAMES_PER_GROUP, text))}`,
      },
    });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: escapeMrkdwn(
          text.t(M['reverse.attached'], {
            ...(topology ? { topology } : {}),
            sources: answer.question.kind === 'sources',
          }),
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
