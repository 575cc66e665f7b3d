// Change alerts: when a topology is imported, replaced or removed, the watches on it are checked against the old
// and the new version at once, and each channel with a watched path whose verdict moved gets one short message.
import type { KnownBlock } from '@slack/types';
import { VERDICT_RANK, type Verdict } from '../engine/diagnosis.js';
import { EN, type I18n, i18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { digest as M } from '../i18n/messages/digest.js';
import type { Watch } from '../store/data.js';
import type { Store } from '../store/store.js';
import { diffTopologies, formatDiff, type TopologyDiff } from '../topology/diff.js';
import type { Topology } from '../topology/schema.js';
import { channelLang } from './channel-lang.js';
import { checkWatchesCooperatively, logBugs, type PathEngine, type WatchOutcome } from './check.js';
import { defaultEngine } from './default-engine.js';
import { detailLines, lineTitle, MAX_FIX_CHARS, verdictWord as verdictText } from './digest-message.js';
import { BlockBudget, escapeMrkdwn, MAX_FALLBACK_CHARS, truncate } from './message-budget.js';
import type { Poster, RetryPolicy, Sleep } from './poster.js';
import { type DigestLogger, deliver, silentLogger } from './run.js';
import { watchTitle } from './watches.js';

export interface ChangeAlertOptions {
  readonly engine?: PathEngine;
  readonly logger?: DigestLogger;
  readonly sleep?: Sleep;
  readonly retry?: RetryPolicy;
  /** The Slack user who imported it, for "by @user". */
  readonly changedBy?: string;
  /** What changed, when the caller already compared the two; otherwise `diffTopologies(before, after)`. */
  readonly diff?: TopologyDiff;
  /** The workspace default language for channels without `digest lang`; English when absent. */
  readonly defaultLang?: Lang;
}

/** One watched path whose verdict moved: `after` undefined means it can no longer be checked. */
export interface PathChange {
  readonly outcome: WatchOutcome;
  readonly before?: Verdict;
  readonly after?: Verdict;
}

export interface ChangeAlert {
  readonly channel: string;
  readonly broke: readonly PathChange[];
  readonly fixed: readonly PathChange[];
  readonly text: string;
  readonly blocks: KnownBlock[];
  readonly sent: boolean;
}

/**
 * Check the watches on topology `name` before and after a change and alert each affected channel once. Safe to call
 * for any import: a topology nobody watches costs nothing. Resolves when every alert was posted or given up on.
 */
export async function onTopologyReplaced(
  store: Store,
  name: string,
  before: Topology | undefined,
  after: Topology | undefined,
  poster: Poster,
  options: ChangeAlertOptions = {},
): Promise<ChangeAlert[]> {
  const watches = store.data.watches.filter((watch) => watch.topology === name);
  if (watches.length === 0) return [];
  const engine = options.engine ?? defaultEngine;
  // Each channel is told in its own language, fixes and reasons included: the watches are checked per language.
  const byLang = new Map<Lang, Watch[]>();
  for (const watch of watches) {
    const lang = channelLang(store.data, watch.channel, options.defaultLang);
    byLang.set(lang, [...(byLang.get(lang) ?? []), watch]);
  }
  const old: WatchOutcome[] = [];
  const now: WatchOutcome[] = [];
  for (const [lang, group] of byLang) {
    const text = i18n(lang);
    // Cooperative: an import of a large topology watched by many paths must not hold the event loop for seconds.
    if (before) old.push(...(await checkWatchesCooperatively(group, () => before, engine, { text })));
    now.push(...(await checkWatchesCooperatively(group, () => after, engine, { text })));
  }

  const byChannel = new Map<string, { broke: PathChange[]; fixed: PathChange[] }>();
  now.forEach((outcome, index) => {
    const previous = old[index];
    const beforeVerdict =
      previous?.kind === 'checked' ? previous.verdict : previous ? undefined : outcome.watch.last?.verdict;
    const afterVerdict = outcome.kind === 'checked' ? outcome.verdict : undefined;
    const direction = directionOf(beforeVerdict, afterVerdict);
    if (!direction) return;
    const change: PathChange = {
      outcome,
      ...(beforeVerdict ? { before: beforeVerdict } : {}),
      ...(afterVerdict ? { after: afterVerdict } : {}),
    };
    let entry = byChannel.get(outcome.watch.channel);
    if (!entry) {
      entry = { broke: [], fixed: [] };
      byChannel.set(outcome.watch.channel, entry);
    }
    (direction === 'broke' ? entry.broke : entry.fixed).push(change);
  });

  const alerts: ChangeAlert[] = [];
  for (const [channel, { broke, fixed }] of byChannel) {
    const text = i18n(channelLang(store.data, channel, options.defaultLang));
    const changeText = describeTopologyChange(before, after, text, options.diff);
    const message = alertMessage(name, broke, fixed, changeText, options.changedBy, text);
    const sent = await deliver(
      {
        poster,
        logger: options.logger ?? silentLogger,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
      },
      { channel, ...message },
      'change alert',
    );
    alerts.push({ channel, broke, fixed, ...message, sent });
  }
  // After the messages: a broken path's words are made as its line is placed (WatchOutcome.wordingBug).
  if (options.logger) logBugs(now, options.logger);
  return alerts;
}

/** Whether a move from `before` to `after` (undefined: unknown or not checkable) is news, and which way. */
function directionOf(before: Verdict | undefined, after: Verdict | undefined): 'broke' | 'fixed' | undefined {
  if (before === after) return undefined;
  if (after === undefined) return before === undefined ? undefined : 'broke';
  if (before === undefined) return after === 'reachable' ? undefined : 'broke';
  return VERDICT_RANK[after] > VERDICT_RANK[before] ? 'broke' : 'fixed';
}

/** What changed between the two versions, as the topology diff prints it. */
export function describeTopologyChange(
  before: Topology | undefined,
  after: Topology | undefined,
  text: I18n = EN,
  diff?: TopologyDiff,
): string {
  if (!after) return text.t(M['alert.topologyRemoved']);
  if (!before) return text.t(M['alert.topologyImported']);
  return formatDiff(diff ?? diffTopologies(before, after), text);
}

function verdictWord(verdict: Verdict | undefined, text: I18n): string {
  return verdict ? verdictText(verdict, text) : text.t(M['alert.notCheckable']);
}

function changeLine(change: PathChange, withFix: boolean, text: I18n): string {
  const { outcome } = change;
  const head = `• *${lineTitle(outcome.watch, text)}* (${outcome.watch.id}): ${verdictWord(change.before, text)} → *${verdictWord(change.after, text)}*`;
  if (!withFix) return head;
  if (outcome.kind === 'error') return `${head}\n      ${escapeMrkdwn(truncate(outcome.reason, MAX_FIX_CHARS))}`;
  return `${head}${detailLines(outcome, text)}`;
}

/** The alert for one channel: what broke (with the fix) or was fixed, and by which change. */
export function alertMessage(
  topology: string,
  broke: readonly PathChange[],
  fixed: readonly PathChange[],
  change: string,
  changedBy?: string,
  text: I18n = EN,
): { text: string; blocks: KnownBlock[] } {
  const parts = [
    broke.length ? text.t(M['alert.broke'], { count: broke.length }) : '',
    fixed.length ? text.t(M['alert.fixed'], { count: fixed.length }) : '',
  ].filter(Boolean);
  const icon = broke.length ? ':rotating_light:' : ':white_check_mark:';
  const budget = new BlockBudget();
  budget.section(
    text.t(M['alert.heading'], {
      icon,
      topology: escapeMrkdwn(topology),
      parts,
      ...(changedBy ? { by: changedBy } : {}),
    }),
  );
  // Worded as they are placed: a broken path's fix and reason are worded only if its line is shown.
  function* lines() {
    for (const change of broke) yield changeLine(change, true, text);
    for (const change of fixed) yield changeLine(change, false, text);
  }
  const count = broke.length + fixed.length;
  const shown = budget.lines(lines());
  if (shown < count) {
    budget.closing({ kind: 'section', text: text.t(M['alert.more'], { count: count - shown }) });
  }
  budget.closing({
    kind: 'section',
    text: `*${text.t(M['alert.change'])}*\n\`\`\`${escapeMrkdwn(truncate(change, 1500))}\`\`\``,
  });
  const names = (list: readonly PathChange[]) => list.map((c) => watchTitle(c.outcome.watch, text)).join('; ');
  const fallback = text.t(M['alert.fallback'], { topology, parts, broke: names(broke), fixed: names(fixed) });
  return { text: truncate(escapeMrkdwn(fallback), MAX_FALLBACK_CHARS), blocks: budget.blocks };
}
