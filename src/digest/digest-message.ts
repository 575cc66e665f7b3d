// A digest as a Slack message: the counts, what broke since the last digest (each with its fix), what was fixed,
// and the unchanged problems in brief; within Slack's limits however many paths are watched, saying what it left out.
import type { KnownBlock } from '@slack/types';
import type { Verdict } from '../engine/diagnosis.js';
import type { Watch } from '../store/data.js';
import type { DigestSummary, VerdictChange } from './changes.js';
import { BlockBudget, escapeMrkdwn, MAX_FALLBACK_CHARS, truncate } from './message-budget.js';
import { watchTitle } from './watches.js';

/** A fix (or reason) longer than this is cut: the message points at the fix, the thread answer has it in full. */
export const MAX_FIX_CHARS = 400;
const MAX_TITLE_CHARS = 120;

export interface DigestMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export interface DigestHeading {
  /** "Reachability digest" or "Reachability digest (preview)". */
  readonly title: string;
  /** Shown in the closing context line: when it was checked and, for a schedule, which. */
  readonly footer: string;
}

const VERDICT_ICON: Record<Verdict, string> = {
  reachable: ':large_green_circle:',
  unreachable: ':red_circle:',
  uncertain: ':large_yellow_circle:',
};

/** A watch's title as a digest or alert line shows it: cut short, escaped for mrkdwn. */
export function lineTitle(watch: Watch): string {
  return escapeMrkdwn(truncate(watchTitle(watch), MAX_TITLE_CHARS));
}

/** The indented fix under a line: on one line, cut short, escaped for mrkdwn. */
export function fixLine(fix: string | undefined): string {
  return `\n      Fix: ${fix ? escapeMrkdwn(truncate(fix.replace(/\s+/g, ' '), MAX_FIX_CHARS)) : 'none proposed'}`;
}

/** The indented reason under an uncertain line (empty for any other verdict). */
export function whyLine(outcome: { verdict?: string; why?: string }): string {
  return outcome.verdict === 'uncertain' && outcome.why
    ? `\n      Why uncertain: ${escapeMrkdwn(truncate(outcome.why.replace(/\s+/g, ' '), MAX_FIX_CHARS))}`
    : '';
}

function changeLine(change: VerdictChange, withFix: boolean): string {
  const { outcome, before } = change;
  const from = before ? `${before} → ` : 'new watch, ';
  const head = `${VERDICT_ICON[outcome.verdict]} *${lineTitle(outcome.watch)}* (${outcome.watch.id}): ${from}*${outcome.verdict}*`;
  return withFix ? `${head}${whyLine(outcome)}${fixLine(outcome.fix)}` : head;
}

/** The counts line: "12 watched · 9 reachable · 2 unreachable · 1 uncertain". */
export function countsLine(summary: DigestSummary): string {
  const parts = [
    `*${summary.counts.reachable}* reachable`,
    `*${summary.counts.unreachable}* unreachable`,
    `*${summary.counts.uncertain}* uncertain`,
  ];
  if (summary.failed.length) parts.push(`*${summary.failed.length}* could not be checked`);
  return `${summary.total} watched: ${parts.join(' · ')}`;
}

/** At most this much of the message summarizes unchanged problems, so that changes get the room. */
const MAX_SUMMARY_CHARS = 1500;
/** Newly fixed paths keep at least this much room when newly broken ones would fill the message. */
const FIXED_SHARE_CHARS = 2500;

/** Build the digest message; changes that do not fit are counted in a closing "not shown" line. */
export function digestMessage(summary: DigestSummary, heading: DigestHeading): DigestMessage {
  const budget = new BlockBudget();
  budget.header(`${heading.title}: ${summary.total} watched path${summary.total === 1 ? '' : 's'}`);
  budget.section(countsLine(summary));

  const broken = summary.newlyBroken.map((change) => changeLine(change, true));
  const fixed = summary.newlyFixed.map((change) => changeLine(change, false));
  const still = stillBrokenSummary(summary);
  const failed = failedSummary(summary);
  const later = [still, failed].filter((text): text is string => text !== undefined);
  const laterChars = later.reduce((n, text) => n + text.length, 0);
  const fixedChars = Math.min(
    FIXED_SHARE_CHARS,
    fixed.reduce((n, line) => n + line.length + 1, 0),
  );

  const omitted: string[] = [];
  const part = (name: string, lines: readonly string[], extra: { blocks: number; chars: number }) => {
    if (lines.length === 0) return;
    // The heading rides with the first line, so a part never shows as a bare heading.
    const [first = '', ...rest] = lines;
    const shown = budget.lines([`*${name} (${lines.length})*\n${first}`, ...rest], extra);
    if (shown < lines.length) omitted.push(`${lines.length - shown} ${name.toLowerCase()}`);
  };

  if (broken.length === 0 && fixed.length === 0) budget.section('No changes since the last digest.');
  part('Newly broken', broken, { blocks: later.length + (fixed.length ? 1 : 0), chars: laterChars + fixedChars });
  part('Newly fixed', fixed, { blocks: later.length, chars: laterChars });
  for (const text of later) budget.section(text);
  if (omitted.length) {
    budget.closing({
      kind: 'section',
      text: `_Not shown, to stay within Slack's message limits: ${omitted.join(', ')}. \`/reach watches\` lists every watch._`,
    });
  }
  budget.closing({ kind: 'context', text: heading.footer });
  return { text: fallbackText(summary, heading), blocks: budget.blocks };
}

/** Unchanged problems in brief: how many of each verdict, then names while they fit. */
function stillBrokenSummary(summary: DigestSummary): string | undefined {
  const list = summary.stillBroken;
  if (list.length === 0) return undefined;
  const unreachable = list.filter((outcome) => outcome.verdict === 'unreachable').length;
  const counts = [
    unreachable ? `${unreachable} unreachable` : '',
    list.length - unreachable ? `${list.length - unreachable} uncertain` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const names = list.map((outcome) => `${lineTitle(outcome.watch)} (${outcome.watch.id})`);
  return `*Still broken (${list.length})*: ${counts}\n${joinWithin(names, MAX_SUMMARY_CHARS)}`;
}

/** Watches that could not be checked, grouped by reason (a removed topology fails all its watches at once). */
function failedSummary(summary: DigestSummary): string | undefined {
  if (summary.failed.length === 0) return undefined;
  const byReason = new Map<string, string[]>();
  for (const outcome of summary.failed) {
    const ids = byReason.get(outcome.reason) ?? [];
    ids.push(outcome.watch.id);
    byReason.set(outcome.reason, ids);
  }
  const lines = [...byReason].map(
    ([reason, ids]) => `:warning: ${escapeMrkdwn(truncate(reason, MAX_FIX_CHARS))}: ${joinWithin(ids, 300)}`,
  );
  return `*Could not be checked (${summary.failed.length})*\n${joinWithin(lines, MAX_SUMMARY_CHARS, '\n')}`;
}

/** Join items while the result stays within `max` characters, then "and N more". */
function joinWithin(items: readonly string[], max: number, separator = ', '): string {
  let text = '';
  let count = 0;
  for (const item of items) {
    const next = count === 0 ? item : `${text}${separator}${item}`;
    if (next.length > max - 20) break;
    text = next;
    count++;
  }
  const rest = items.length - count;
  return rest > 0 ? `${text}${count ? separator : ''}and ${rest} more` : text;
}

/** The notification text: counts, then the changes by name while they fit. */
function fallbackText(summary: DigestSummary, heading: DigestHeading): string {
  const plainCounts = `${summary.counts.reachable} reachable, ${summary.counts.unreachable} unreachable, ${summary.counts.uncertain} uncertain${summary.failed.length ? `, ${summary.failed.length} could not be checked` : ''}`;
  let text = `${heading.title}: ${plainCounts}.`;
  const names = (changes: readonly VerdictChange[]) =>
    changes.map((change) => `${watchTitle(change.outcome.watch)} (${change.outcome.verdict})`).join('; ');
  if (summary.newlyBroken.length) text += ` Newly broken: ${names(summary.newlyBroken)}.`;
  if (summary.newlyFixed.length) text += ` Newly fixed: ${names(summary.newlyFixed)}.`;
  if (!summary.newlyBroken.length && !summary.newlyFixed.length) text += ' No changes since the last digest.';
  return truncate(escapeMrkdwn(text), MAX_FALLBACK_CHARS);
}
