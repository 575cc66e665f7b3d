// Checking watched paths against topologies: each topology is compiled once per batch (a digest over 10,000
// watches must not compile 10,000 times), each watch diagnosed, and the outcome reduced to what a digest shows.

import { once } from '../bounds/remembered.js';
import { type DiagnosisResult, flowsOf, type Verdict } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { digest as M } from '../i18n/messages/digest.js';
import { QuestionError } from '../question/errors.js';
import type { Question } from '../question/question.js';
import { fixWords } from '../render/fix.js';
import type { Watch } from '../store/data.js';
import type { Topology } from '../topology/schema.js';

/** The engine as digests use it; injected so that tests can pin verdicts and fix texts exactly. */
export interface PathEngine {
  compile(topology: Topology): unknown;
  /** `options.lang`: the language of the diagnosis's human texts (fix, reasons); English when absent. */
  diagnose(compiled: unknown, question: Question, options?: { readonly lang?: Lang }): DiagnosisResult;
  /**
   * The same diagnosis without its words: verdict, steps' checks and statuses and fixes' kinds as `diagnose` gives
   * them, every text a placeholder. Checks use it for every path and ask `diagnose` only for the paths a message
   * shows.
   * Absent: `diagnose` serves both.
   */
  verdictOnly?(compiled: unknown, question: Question): DiagnosisResult;
  /**
   * Name the objects of one sentence kept from a diagnosis ("name (id)" for a bare id), for an engine whose
   * diagnoses leave sentences with bare ids because a digest keeps one or two of them. Absent: kept as they are.
   */
  label?(compiled: unknown, sentence: string): string;
}

/** What a message shows of a problem beyond its verdict, in the language the check was made for. */
export interface OutcomeDetails {
  /** The first fix's text, for problems. */
  readonly fix?: string;
  /** Why an uncertain path is uncertain (its first doubtful step), so a digest can say it. */
  readonly why?: string;
}

/** A watch checked now: a verdict with what to show of it, or why it could not be checked. */
export type WatchOutcome =
  | {
      readonly kind: 'checked';
      readonly watch: Watch;
      readonly verdict: Verdict;
      /**
       * The fix and the reason for doubt: worded on first call (a second, worded walk of this one path when the
       * engine checked it without words), so that 10,000 paths cost words only for the lines a message shows.
       */
      readonly details: () => OutcomeDetails;
      /**
       * What wording the details threw, once `details` has been called and did: the line then shows the verdict
       * without a fix or reason, and `logBugs` reports it. Wording runs message templates that a walk without words
       * never calls, so a bug in one of them must cost that line its words, not the whole message.
       */
      readonly wordingBug?: () => unknown;
      /**
       * The failing and doubtful checks and the fix kinds of the walk, which stops at the first blocker: stored with
       * the watch's last check so that "broken differently" can be told from "still broken the same way".
       */
      readonly fingerprint: string;
    }
  | {
      readonly kind: 'error';
      readonly watch: Watch;
      readonly reason: string;
      /** Set when the check failed on an unexpected exception: a bug to log, not a property of the question. */
      readonly bug?: unknown;
    };

/** Where a topology comes from for a batch: by name, from the store or from a replaced version. */
export type TopologySource = (name: string) => Topology | undefined;

/** What a diagnosis reduces to for a digest: small enough to keep for every watched question. */
type Reduced =
  | {
      readonly verdict: Verdict;
      readonly fingerprint: string;
      readonly details: () => OutcomeDetails;
      readonly wordingBug?: () => unknown;
    }
  | { readonly reason: string; readonly bug?: unknown };

// Diagnosis is a pure function of (topology, question), and a stored topology is never mutated, only replaced by a
// new object. So the reduced outcome of each question is kept per topology object (and engine): the next digest
// against an unchanged topology costs a lookup per watch, and a replaced topology is diagnosed afresh.
const reducedCache = new WeakMap<PathEngine, WeakMap<Topology, Map<string, Reduced>>>();

function cacheFor(engine: PathEngine, topology: Topology): Map<string, Reduced> {
  let byTopology = reducedCache.get(engine);
  if (!byTopology) {
    byTopology = new WeakMap();
    reducedCache.set(engine, byTopology);
  }
  let cache = byTopology.get(topology);
  if (!cache) {
    cache = new Map();
    byTopology.set(topology, cache);
  }
  return cache;
}

function keyOf(question: Question): string {
  return `${question.cluster}\u0000${question.workload ?? ''}\u0000${question.destination}\u0000${question.protocol ?? ''}\u0000${question.port ?? ''}`;
}

/** One watch at a time against its topology, each topology compiled at most once, each question diagnosed once. */
function watchChecker(topologyOf: TopologySource, engine: PathEngine, text: I18n = EN): (watch: Watch) => WatchOutcome {
  const topologies = new Map<
    string,
    { topology: Topology; cache: Map<string, Reduced>; compiled?: unknown } | { reason: string }
  >();
  const entryFor = (name: string) => {
    let entry = topologies.get(name);
    if (!entry) {
      const topology = topologyOf(name);
      entry = topology
        ? { topology, cache: cacheFor(engine, topology) }
        : { reason: text.t(M['check.topologyGone'], { name }) };
      topologies.set(name, entry);
    }
    return entry;
  };
  return (watch) => {
    const entry = entryFor(watch.topology);
    if ('reason' in entry) return { kind: 'error', watch, reason: entry.reason };
    // The fix and reasons are texts: a question checked for a Chinese channel is cached apart from English.
    const key = `${text.lang}\u0000${keyOf(watch.question)}`;
    let reduced = entry.cache.get(key);
    if (!reduced) {
      try {
        // Compiled lazily: a batch answered entirely from the cache compiles nothing.
        entry.compiled ??= engine.compile(entry.topology);
        const compiled = entry.compiled;
        const label = engine.label;
        const labeller = label ? (sentence: string) => label(compiled, sentence) : undefined;
        const question = watch.question;
        const worded = () =>
          text.lang === 'en'
            ? engine.diagnose(compiled, question)
            : engine.diagnose(compiled, question, { lang: text.lang });
        if (engine.verdictOnly) {
          const verdict = verdictOf(engine.verdictOnly(compiled, question));
          let bug: unknown;
          const details = once((): OutcomeDetails => {
            try {
              return detailsOf(worded(), labeller);
            } catch (error) {
              bug = error;
              return {};
            }
          });
          reduced = { ...verdict, details, wordingBug: () => bug };
        } else {
          // Worded now, so that the cache keeps the words rather than the whole diagnosis.
          const result = worded();
          const details = detailsOf(result, labeller);
          reduced = { ...verdictOf(result), details: () => details };
        }
      } catch (error) {
        // A question the topology cannot answer (an unknown name) is the watch's problem; anything else is ours,
        // kept apart so that it is logged as a bug rather than shown as if the question were wrong.
        reduced =
          error instanceof QuestionError
            ? { reason: error.describe(text) }
            : { reason: text.t(M['check.internalError'], { error: messageOf(error) }), bug: error };
      }
      entry.cache.set(key, reduced);
    }
    if (!('reason' in reduced)) return { kind: 'checked', watch, ...reduced };
    return { kind: 'error', watch, reason: reduced.reason, ...('bug' in reduced ? { bug: reduced.bug } : {}) };
  };
}

/** Check each watch against its topology: each topology compiled at most once, each distinct question diagnosed once. */
export function checkWatches(
  watches: readonly Watch[],
  topologyOf: TopologySource,
  engine: PathEngine,
  text: I18n = EN,
): WatchOutcome[] {
  return watches.map(watchChecker(topologyOf, engine, text));
}

/** How long a cooperative check may hold the event loop before letting other work run. */
export const DEFAULT_SLICE_MS = 10;

/** Let queued I/O and timers run (a slash command waiting for its ack, for one). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * `checkWatches` for a process that serves people meanwhile: the same outcomes, but the event loop is released
 * every `sliceMs` of work, so that a digest over 10,000 watches does not hold it for seconds (Slack wants a slash
 * command acknowledged within 3 s). Compiling a topology is one step and is not sliced.
 */
export async function checkWatchesCooperatively(
  watches: readonly Watch[],
  topologyOf: TopologySource,
  engine: PathEngine,
  options: {
    readonly sliceMs?: number;
    readonly text?: I18n;
    /** Stop at the next slice once aborted: the outcomes are then those of the watches checked so far. */
    readonly signal?: AbortSignal;
  } = {},
): Promise<WatchOutcome[]> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const check = watchChecker(topologyOf, engine, options.text);
  const outcomes: WatchOutcome[] = [];
  let sliceStart = performance.now();
  for (const watch of watches) {
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
      if (options.signal?.aborted) break;
    }
    outcomes.push(check(watch));
  }
  return outcomes;
}

/**
 * A diagnosis's verdict and fingerprint: the failing and doubtful checks and the kinds of fix of each failing flow.
 * Each kind once: a walk keeps identical fixes once, and without words two replans with different reasons are
 * identical, so how many fixes of a kind there are is not the same with and without words.
 */
export function verdictOf(result: DiagnosisResult): { readonly verdict: Verdict; readonly fingerprint: string } {
  if (result.verdict === 'reachable') return { verdict: result.verdict, fingerprint: 'ok' };
  const fingerprint = flowsOf(result)
    .filter((flow) => flow.verdict !== 'reachable')
    .map(
      (flow) =>
        `${flow.question.protocol}/${flow.question.port ?? '-'}:${flow.steps
          .filter((step) => step.status === 'fail' || step.status === 'warn')
          .map((step) => `${step.check}=${step.status}`)
          .join(',')}:${[...new Set(flow.fixes.map((fix) => fix.kind))].join(',')}`,
    )
    .join(';');
  return { verdict: result.verdict, fingerprint };
}

/** What a line shows of a diagnosis: the first fix of the failing flows, and the first reason for doubt; `label` names the objects in the reason. */
export function detailsOf(
  result: DiagnosisResult,
  label: (sentence: string) => string = (sentence) => sentence,
): OutcomeDetails {
  if (result.verdict === 'reachable') return {};
  const failing = flowsOf(result).filter((flow) => flow.verdict !== 'reachable');
  const firstFix = failing.flatMap((flow) => flow.fixes).find((fix) => !fix.alternative);
  const doubt =
    result.verdict === 'uncertain'
      ? // The engine lists the reasons for doubt first among a flow's assumptions (docs/ENGINE.md).
        (failing.flatMap((flow) => flow.assumptions)[0] ??
        failing.flatMap((flow) => flow.steps).find((step) => step.status === 'warn')?.summary)
      : undefined;
  return {
    // Its words alone: a digest never shows the commands.
    ...(firstFix ? { fix: fixWords(firstFix) } : {}),
    ...(doubt ? { why: label(doubt) } : {}),
  };
}

/**
 * A checked outcome's details for a reply a person is waiting for: a wording bug is thrown, so that the command fails
 * and its handler logs it, where a digest or an alert shows the line without words and logs it (logBugs).
 */
export function detailsForReply(outcome: Extract<WatchOutcome, { kind: 'checked' }>): OutcomeDetails {
  const details = outcome.details();
  const bug = outcome.wordingBug?.();
  if (bug !== undefined) throw bug;
  return details;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Log every outcome whose check or wording failed on a bug (an unexpected exception), once per watch. Lines are worded
 * as a message places them: call it once the message is built.
 */
export function logBugs(
  outcomes: readonly WatchOutcome[],
  logger: { error(fields: object, message: string): void },
): void {
  for (const outcome of outcomes) {
    if (outcome.kind === 'error' && outcome.bug !== undefined)
      logger.error(
        { err: outcome.bug, watch: outcome.watch.id, topology: outcome.watch.topology },
        'bug: watch check threw',
      );
    const wordingBug = outcome.kind === 'checked' ? outcome.wordingBug?.() : undefined;
    if (wordingBug !== undefined)
      logger.error(
        { err: wordingBug, watch: outcome.watch.id, topology: outcome.watch.topology },
        'bug: wording a watched path threw; its line is shown without a fix or reason',
      );
  }
}
