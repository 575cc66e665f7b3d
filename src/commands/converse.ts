// One line of user text -> what to answer: a subcommand's reply, a diagnosis, or a "not understood" with
// suggestions. Surfaces (Slack command, mention, DM, the local shell) only render the outcome, so the same
// words get the same answer everywhere. A previous question (the thread's) lets follow-ups leave things out.

import { watchesOf } from '../digest/watches.js';
import { diagnose } from '../engine/diagnose.js';
import type { DiagnosisResult } from '../engine/diagnosis.js';
import { QuestionError } from '../question/errors.js';
import {
  type AnswerFormat,
  type KnownNames,
  parseFollowUp,
  parseQuestion,
  refuseLongQuestion,
} from '../question/parse.js';
import type { Question } from '../question/question.js';
import { parseReverseQuestion } from '../question/reverse.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { StoredTopology } from '../store/data.js';
import type { Store } from '../store/store.js';
import { compileStored, getTopology, resolveClusterTopology, splitQualifiedCluster } from '../store/topologies.js';
import { type Freshness, freshnessOf } from '../sync/freshness.js';
import { ChangeError } from '../whatif/change.js';
import { changesOf, evaluateWhatIf } from '../whatif/evaluate.js';
import { parseWhatIf, type WhatIf } from '../whatif/phrase.js';
import { renderWhatIf } from '../whatif/render.js';
import { refuseUnlessAdmin } from './audit.js';
import { helpReply } from './help.js';
import type { SubcommandRegistry } from './registry.js';
import { reverseReply } from './reverse.js';
import type { CommandContext, Reply } from './subcommand.js';

/** What a conversation (a Slack thread, a shell session) has established so far. */
export interface Conversation {
  readonly topology: string;
  readonly question: Question;
}

/** A diagnosis, with what it answered, ready for any surface to render. */
export interface Answer {
  readonly topology: string;
  readonly question: Question;
  readonly result: DiagnosisResult;
  /** How to show the fixes; undefined = the surface's default (KooCLI in Slack, every form in the shell). */
  readonly format?: AnswerFormat;
  /** Which topology answered, from where, and how fresh it is (its sync's health). */
  readonly freshness: Freshness;
}

export type Outcome =
  | { readonly kind: 'reply'; readonly subcommand: string; readonly reply: Reply }
  | { readonly kind: 'answer'; readonly answer: Answer }
  | { readonly kind: 'error'; readonly message: string; readonly suggestions: readonly string[] };

/** Interpret one message: `help`, a subcommand, a follow-up to `previous`, or a new question. */
export async function converse(
  text: string,
  context: CommandContext,
  registry: SubcommandRegistry,
  previous?: Conversation,
): Promise<Outcome> {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'reply', subcommand: 'help', reply: helpReply(registry.all) };
  const [first = ''] = trimmed.split(/\s+/, 1);
  const subcommand = registry.find(first);
  if (subcommand) {
    const args = trimmed.slice(first.length).replace(/^[ \t]*\r?\n?/, '');
    if (subcommand.admin) {
      const refusal = await refuseUnlessAdmin(context, subcommand.name, args.split(/\s+/, 1)[0] ?? '');
      if (refusal) return { kind: 'reply', subcommand: subcommand.name, reply: refusal };
    }
    return { kind: 'reply', subcommand: subcommand.name, reply: await subcommand.run(args, context) };
  }
  try {
    // One length limit for every kind of question, checked before any of their parsers reads the text.
    refuseLongQuestion(trimmed);
    const reverse = parseReverseQuestion(trimmed);
    if (reverse) return await reverseReply(context.store, reverse, previous?.topology);
    const whatIf = parseWhatIf(trimmed);
    if (whatIf) return whatIfReply(context, whatIf, previous);
    if (previous) {
      const followUp = parseFollowUp(trimmed, previous.question, knownNames(context.store, previous.topology));
      if (followUp?.kind === 'format') return answer(context, previous.question, followUp.format, previous.topology);
      if (followUp?.kind === 'question') return answer(context, followUp.question, undefined, previous.topology);
    }
    return answer(context, parseQuestion(trimmed), undefined, previous?.topology);
  } catch (error) {
    if (error instanceof QuestionError)
      return { kind: 'error', message: error.message, suggestions: error.suggestions };
    if (error instanceof ChangeError) return { kind: 'error', message: error.message, suggestions: [] };
    throw error;
  }
}

/**
 * "what if I …" in the thread of an answer: the change is evaluated on a copy of the thread's topology for the
 * thread's path and every watched path of the channel on that topology. Nothing is written to the store.
 */
function whatIfReply(context: CommandContext, request: WhatIf, previous?: Conversation): Outcome {
  if (!previous)
    throw new QuestionError(
      'Ask a question first: "what if" is answered in the thread of an answer, about its path and the channel’s watched paths.',
    );
  const stored = getTopology(context.store, previous.topology);
  if (!stored) throw new QuestionError(`the thread's topology ${previous.topology} is no longer stored`);
  const before = compileStored(stored);
  const changes = changesOf(request, before, previous.question);
  if (changes.some((c) => c.op === 'apply-fixes' && c.fixes.length === 0))
    throw new QuestionError(
      'The answer in this thread has no fixes to apply (it is reachable, or only a re-plan would help).',
    );
  const watched = watchesOf(context.store.data, context.channelId)
    .filter((watch) => watch.topology === stored.name)
    .map((watch) => ({ question: watch.question, ...(watch.label ? { label: watch.label } : {}) }));
  const result = evaluateWhatIf(stored.topology, before, changes, [{ question: previous.question }], watched);
  const text = renderWhatIf(result.changes, result.asked, result.watched);
  return {
    kind: 'reply',
    subcommand: 'what-if',
    // Watch labels and names are the users' text: escaped for Slack (the shell decodes it back); the file stays raw.
    reply: {
      text: escapeMrkdwn(text),
      ...(text.length > 2500 ? { attachment: { filename: 'reachbot-what-if.txt', content: text } } : {}),
    },
  };
}

/** The cluster and resource names of the thread's topology, for reading bare names in follow-ups. */
function knownNames(store: Store, topology: string): KnownNames | undefined {
  const stored = getTopology(store, topology)?.topology;
  if (!stored) return undefined;
  return {
    clusters: (stored.clusters ?? []).map((c) => c.name),
    resources: (stored.resources ?? []).map((r) => r.name),
  };
}

/**
 * Diagnose `question` against the topology that has its cluster (preferring `preferred`), with the freshness of that
 * topology at `now` (the caller's clock) attached around the diagnosis.
 */
export function answerQuestion(
  store: Store,
  question: Question,
  format: AnswerFormat | undefined,
  preferred: string | undefined,
  now: Date,
): Answer {
  const { stored, question: asked } = topologyFor(store, question, preferred);
  // The compiled topology is read once: a sync swapping in a new one mid-answer does not mix the two.
  const result = diagnose(compileStored(stored), asked);
  const freshness = freshnessOf(stored, store.data.syncs[stored.name], now);
  return { topology: stored.name, question: asked, result, freshness, ...(format ? { format } : {}) };
}

function answer(
  context: CommandContext,
  question: Question,
  format: AnswerFormat | undefined,
  preferred?: string,
): Outcome {
  return { kind: 'answer', answer: answerQuestion(context.store, question, format, preferred, context.now()) };
}

/** The stored topology holding the question's cluster: the conversation's own if it has it, else the store's choice. */
function topologyFor(
  store: Store,
  question: Question,
  preferred?: string,
): { stored: StoredTopology; question: Question } {
  if (Object.keys(store.data.topologies).length === 0) {
    throw new QuestionError(
      'No topology is registered yet, so there is nothing to check against. An admin can import one (`topology import NAME`, see `help`).',
    );
  }
  const qualified = splitQualifiedCluster(question.cluster);
  // "staging:prod" names the topology; the engine is asked about the cluster itself.
  const plain = qualified.topology === undefined ? question : { ...question, cluster: qualified.cluster };
  const wanted = qualified.cluster.toLowerCase();
  const own = preferred && qualified.topology === undefined ? getTopology(store, preferred) : undefined;
  if (own && (own.topology.clusters ?? []).some((cluster) => cluster.name.toLowerCase() === wanted)) {
    return { stored: own, question: plain };
  }
  return { stored: resolveClusterTopology(store, question.cluster), question: plain };
}
