// A digest as a Slack message: the counts, what broke since the last digest (each with its fix), what was fixed,
// and the unchanged problems in brief; within Slack's limits however many paths are watched, saying what it left out.
import type { KnownBlock } from '@slack/types';
import type { Verdict } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { VERDICT_WORDS } from '../i18n/messages/common.js';
import { digest as M } from '../i18n/messages/digest.js';
import type { Watch } from '../store/data.js';
import type { CheckedOutcome, DigestSummary, VerdictChange } from './changes.js';
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
export function lineTitle(watch: Watch, text: I18n = EN): string {
  return escapeMrkdwn(truncate(watchTitle(watch, text), MAX_TITLE_CHARS));
}

/** The indented fix under a line: on one line, cut short, escaped for mrkdwn. */
export function fixLine(fix: string | undefined, text: I18n = EN): string {
  return text.t(M['digest.fix'], {
    fix: fix ? escapeMrkdwn(truncate(fix.replace(/\s+/g, ' '), MAX_FIX_CHARS)) : text.t(M['digest.noFix']),
  });
}

/** The indented reason under an uncertain line (empty for any other verdict). */
export function whyLine(verdict: Verdict, why: string | undefined, text: I18n = EN): string {
  return verdict === 'uncertain' && why
    ? text.t(M['digest.whyUncertain'], { why: escapeMrkdwn(truncate(why.replace(/\s+/g, ' '), MAX_FIX_CHARS)) })
    : '';
}

/** The reason (for an uncertain path) and the fix under a problem's line, worded only now: see WatchOutcome.details. */
export function detailLines(outcome: CheckedOutcome, text: I18n = EN): string {
  const { fix, why } = outcome.details();
  return `${whyLine(outcome.verdict, why, text)}${fixLine(fix, text)}`;
}

/** A verdict as a word in the message's language ("reachable" / "可以访问"). */
export function verdictWord(verdict: Verdict, text: I18n = EN): string {
  return text.t(VERDICT_WORDS[verdict]);
}

function changeLine(change: VerdictChange, withFix: boolean, text: I18n): string {
  const { outcome, before } = change;
  const from = before ? `${verdictWord(before, text)} → ` : text.t(M['digest.newWatch']);
  const head = `${VERDICT_ICON[outcome.verdict]} *${lineTitle(outcome.watch, text)}* (${outcome.watch.id}): ${from}*${verdictWord(outcome.verdict, text)}*`;
  return withFix ? `${head}${detailLines(outcome, text)}` : head;
}

/** The counts line: "12 watched · 9 reachable · 2 unreachable · 1 uncertain". */
export function countsLine(summary: DigestSummary, text: I18n = EN): string {
  const parts = [
    text.t(M['digest.countReachable'], { count: `*${summary.counts.reachable}*` }),
    text.t(M['digest.countUnreachable'], { count: `*${summary.counts.unreachable}*` }),
    text.t(M['digest.countUncertain'], { count: `*${summary.counts.uncertain}*` }),
  ];
  if (summary.failed.length) parts.push(text.t(M['digest.countFailed'], { count: `*${summary.failed.length}*` }));
  return text.t(M['digest.counts'], { total: summary.total, parts });
}

/** At most this much of the message summarizes unchanged problems, so that changes get the room. */
const MAX_SUMMARY_CHARS = 1500;
/** Newly fixed paths keep at least this much room when newly broken ones would fill the message. */
const FIXED_SHARE_CHARS = 2500;

/** Build the digest message; changes that do not fit are counted in a closing "not shown" line. */
export function digestMessage(summary: DigestSummary, heading: DigestHeading, text: I18n = EN): DigestMessage {
  const budget = new BlockBudget();
  budget.header(text.t(M['digest.header'], { title: heading.title, total: summary.total }));
  budget.section(countsLine(summary, text));

  const fixed = summary.newlyFixed.map((change) => changeLine(change, false, text));
  const still = stillBrokenSummary(summary, text);
  const failed = failedSummary(summary, text);
  const later = [still, failed].filter((text): text is string => text !== undefined);
  const laterChars = later.reduce((n, text) => n + text.length, 0);
  const fixedChars = Math.min(
    FIXED_SHARE_CHARS,
    fixed.reduce((n, line) => n + line.length + 1, 0),
  );

  const omitted: string[] = [];
  const part = (name: string, count: number, lines: Iterable<string>, extra: { blocks: number; chars: number }) => {
    if (count === 0) return;
    const shown = budget.lines(withHeading(text.t(M['digest.partHeading'], { name, count }), lines), extra);
    if (shown < count) omitted.push(text.t(M['digest.omittedPart'], { name, count: count - shown }));
  };

  const broken = summary.newlyBroken;
  if (broken.length === 0 && fixed.length === 0) budget.section(text.t(M['digest.noChanges']));
  // Worded as they are placed: a problem's fix and reason are worded only if its line is shown (WatchOutcome.details).
  function* brokenLines() {
    for (const change of broken) yield changeLine(change, true, text);
  }
  part(text.t(M['digest.newlyBroken']), broken.length, brokenLines(), {
    blocks: later.length + (fixed.length ? 1 : 0),
    chars: laterChars + fixedChars,
  });
  part(text.t(M['digest.newlyFixed']), fixed.length, fixed, { blocks: later.length, chars: laterChars });
  for (const section of later) budget.section(section);
  if (omitted.length) {
    budget.closing({
      kind: 'section',
      text: text.t(M['digest.notShown'], { omitted: omitted.join(text.lang === 'zh' ? '，' : ', ') }),
    });
  }
  budget.closing({ kind: 'context', text: heading.footer });
  return { text: fallbackText(summary, heading, text), blocks: budget.blocks };
}

/** `lines` with `heading` riding on the first, so that a part never shows as a bare heading. */
function* withHeading(heading: string, lines: Iterable<string>): Generator<string> {
  let first = true;
  for (const line of lines) {
    yield first ? `${heading}\n${line}` : line;
    first = false;
  }
}

/** Unchanged problems in brief: how many of each verdict, then names while they fit. */
function stillBrokenSummary(summary: DigestSummary, text: I18n): string | undefined {
  const list = summary.stillBroken;
  if (list.length === 0) return undefined;
  const unreachable = list.filter((outcome) => outcome.verdict === 'unreachable').length;
  const counts = [
    unreachable ? text.t(M['digest.stillUnreachable'], { count: unreachable }) : '',
    list.length - unreachable ? text.t(M['digest.stillUncertain'], { count: list.length - unreachable }) : '',
  ]
    .filter(Boolean)
    .join(text.lang === 'zh' ? '，' : ', ');
  const names = list.map((outcome) => `${lineTitle(outcome.watch, text)} (${outcome.watch.id})`);
  return text.t(M['digest.stillBroken'], {
    count: list.length,
    counts,
    names: joinWithin(names, MAX_SUMMARY_CHARS, text),
  });
}

/** Watches that could not be checked, grouped by reason (a removed topology fails all its watches at once). */
function failedSummary(summary: DigestSummary, text: I18n): string | undefined {
  if (summary.failed.length === 0) return undefined;
  const byReason = new Map<string, string[]>();
  for (const outcome of summary.failed) {
    const ids = byReason.get(outcome.reason) ?? [];
    ids.push(outcome.watch.id);
    byReason.set(outcome.reason, ids);
  }
  const lines = [...byReason].map(
    ([reason, ids]) =>
      `:warning: ${escapeMrkdwn(truncate(reason, MAX_FIX_CHARS))}${text.lang === 'zh' ? '：' : ': '}${joinWithin(ids, 300, text)}`,
  );
  return text.t(M['digest.couldNotCheck'], {
    count: summary.failed.length,
    lines: joinWithin(lines, MAX_SUMMARY_CHARS, text, '\n'),
  });
}

/** Join items while the result stays within `max` characters, then "and N more". */
function joinWithin(items: readonly string[], max: number, text: I18n, separator = ', '): string {
  let joined = '';
  let count = 0;
  for (const item of items) {
    const next = count === 0 ? item : `${joined}${separator}${item}`;
    if (next.length > max - 20) break;
    joined = next;
    count++;
  }
  const rest = items.length - count;
  return rest > 0 ? `${joined}${count ? separator : ''}${text.t(M['digest.andMore'], { count: rest })}` : joined;
}

/** The notification text: counts, then the changes by name while they fit. */
function fallbackText(summary: DigestSummary, heading: DigestHeading, text: I18n): string {
  let result = text.t(M['digest.fallbackCounts'], {
    title: heading.title,
    reachable: summary.counts.reachable,
    unreachable: summary.counts.unreachable,
    uncertain: summary.counts.uncertain,
    failed: summary.failed.length,
  });
  const names = (changes: readonly VerdictChange[]) =>
    changes
      .map((change) => `${watchTitle(change.outcome.watch, text)} (${verdictWord(change.outcome.verdict, text)})`)
      .join('; ');
  if (summary.newlyBroken.length) result += text.t(M['digest.fallbackBroken'], { names: names(summary.newlyBroken) });
  if (summary.newlyFixed.length) result += text.t(M['digest.fallbackFixed'], { names: names(summary.newlyFixed) });
  if (!summary.newlyBroken.length && !summary.newlyFixed.length) result += text.t(M['digest.fallbackNoChanges']);
  return truncate(escapeMrkdwn(result), MAX_FALLBACK_CHARS);
}
