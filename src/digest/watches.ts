// Watches as the store keeps them: a channel's watched paths, with short ids, optional labels, and the verdict
// each had at the last digest (the baseline "what changed" is measured against).
import type { Verdict } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { digest as M } from '../i18n/messages/digest.js';
import { closestNames } from '../names/closest.js';
import { QuestionError } from '../question/errors.js';
import type { Question } from '../question/question.js';
import type { StoreData, Watch } from '../store/data.js';
import type { Store } from '../store/store.js';
import type { WatchOutcome } from './check.js';

/** Labels are for people to read in a digest line; longer ones would crowd it. */
export const MAX_LABEL_CHARS = 80;
/** A channel watching more than this is better served by a topology-wide report than a digest. */
export const MAX_WATCHES_PER_CHANNEL = 10_000;

/** A label at the end of the arguments: `as "orders → mysql"` (straight, curly or single quotes). */
export function splitLabel(args: string): { rest: string; label?: string } {
  const match = /\s+as\s+(?:"([^"]*)"|“([^”]*)”|'([^']*)'|‘([^’]*)’)\s*$/i.exec(args);
  if (!match) return { rest: args.trim() };
  const label = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim();
  const rest = args.slice(0, match.index).trim();
  return label ? { rest, label } : { rest };
}

/** The question in the terse form people type: `payments/api in prod → db1 tcp/3306`. */
export function describeQuestion(question: Question, text: I18n = EN): string {
  const source = question.workload
    ? text.t(M['digest.workloadIn'], { workload: question.workload, cluster: question.cluster })
    : question.cluster;
  const flow =
    question.port !== undefined
      ? ` ${question.protocol ?? 'tcp'}/${question.port}`
      : question.protocol === 'icmp'
        ? ' ping'
        : question.protocol
          ? ` ${question.protocol}`
          : '';
  return `${source} → ${question.destination}${flow}`;
}

/** How a watch is named in messages: its label, else its question. */
export function watchTitle(watch: Watch, text: I18n = EN): string {
  return watch.label ?? describeQuestion(watch.question, text);
}

/** A key that is equal for the same path however it was typed. */
export function questionKey(topology: string, question: Question): string {
  return [
    topology,
    question.cluster.toLowerCase(),
    question.workload?.toLowerCase() ?? '',
    question.destination.toLowerCase(),
    question.protocol ?? '',
    question.port ?? '',
  ].join('\u0000');
}

/** The channel's watches, oldest first. */
export function watchesOf(data: Readonly<StoreData>, channel: string): Watch[] {
  return data.watches.filter((watch) => watch.channel === channel);
}

function nextWatchId(watches: readonly Watch[]): string {
  let max = 0;
  for (const watch of watches) {
    const n = /^w(\d+)$/.exec(watch.id)?.[1];
    if (n !== undefined) max = Math.max(max, Number(n));
  }
  return `w${max + 1}`;
}

export interface NewWatch {
  readonly channel: string;
  readonly topology: string;
  readonly question: Question;
  readonly label?: string;
  readonly createdBy: string;
  readonly at: Date;
  /** The verdict now: the baseline the first digest compares against. */
  readonly baseline?: { readonly verdict: Verdict; readonly fingerprint?: string };
}

/** Add a watch, or return the channel's existing watch of the same path (`added: false`). */
export async function addWatch(store: Store, input: NewWatch): Promise<{ watch: Watch; added: boolean }> {
  const label = input.label ? input.label.slice(0, MAX_LABEL_CHARS) : undefined;
  let result: { watch: Watch; added: boolean } | undefined;
  await store.update((data) => {
    const key = questionKey(input.topology, input.question);
    const mine = watchesOf(data, input.channel);
    const same = mine.find((watch) => questionKey(watch.topology, watch.question) === key);
    if (same) {
      result = { watch: same, added: false };
      return;
    }
    if (label && mine.some((watch) => watch.label?.toLowerCase() === label.toLowerCase())) {
      throw QuestionError.of(M['watch.labelTaken'], { label });
    }
    if (mine.length >= MAX_WATCHES_PER_CHANNEL) {
      throw QuestionError.of(M['watch.tooMany'], { count: mine.length });
    }
    const watch: Watch = {
      id: nextWatchId(data.watches),
      channel: input.channel,
      topology: input.topology,
      question: input.question,
      ...(label ? { label } : {}),
      createdBy: input.createdBy,
      createdAt: input.at.toISOString(),
      ...(input.baseline ? { last: { ...input.baseline, at: input.at.toISOString() } } : {}),
    };
    data.watches.push(watch);
    result = { watch, added: true };
  });
  if (!result) throw new Error('watch was not stored');
  return result;
}

/** The channel's watch with this id or label (case-insensitive); QuestionError with the closest otherwise. */
/** Its QuestionError says itself in the channel's language (`describe`). */
export function findWatch(data: Readonly<StoreData>, channel: string, idOrLabel: string): Watch {
  const wanted = idOrLabel
    .trim()
    .replace(/^["“'‘]|["”'’]$/g, '')
    .toLowerCase()
    // `watches` numbers them w1, w2...: a bare number means that id.
    .replace(/^#?(\d+)$/, 'w$1');
  const mine = watchesOf(data, channel);
  const found =
    mine.find((watch) => watch.id.toLowerCase() === wanted) ??
    mine.find((watch) => watch.label?.toLowerCase() === wanted);
  if (found) return found;
  const names = mine.flatMap((watch) => (watch.label ? [watch.id, watch.label] : [watch.id]));
  const suggestions = closestNames(wanted, names, 3);
  throw mine.length === 0
    ? QuestionError.of(M['watch.noneYet'], undefined, suggestions)
    : QuestionError.of(M['watch.notFound'], { wanted: idOrLabel.trim(), closest: suggestions }, suggestions);
}

/** Remove a watch by id. */
export async function removeWatch(store: Store, id: string): Promise<void> {
  await store.update((data) => {
    data.watches = data.watches.filter((watch) => watch.id !== id);
  });
}

/** Store each checked watch's verdict as the new baseline (watches removed meanwhile are left alone). */
export async function recordVerdicts(store: Store, outcomes: readonly WatchOutcome[], at: Date): Promise<void> {
  const byId = new Map<string, Extract<WatchOutcome, { kind: 'checked' }>>();
  for (const outcome of outcomes) if (outcome.kind === 'checked') byId.set(outcome.watch.id, outcome);
  if (byId.size === 0) return;
  const stamp = at.toISOString();
  await store.update((data) => {
    data.watches = data.watches.map((watch) => {
      const outcome = byId.get(watch.id);
      return outcome
        ? { ...watch, last: { verdict: outcome.verdict, at: stamp, fingerprint: outcome.fingerprint } }
        : watch;
    });
  });
}
