// One line of user text -> what to answer: a subcommand's reply, a diagnosis, or a "not understood" with
// suggestions. Surfaces (Slack command, mention, DM, the local shell) only render the outcome, so the same
// words get the same answer everywhere. A previous question (the thread's) lets follow-ups leave things out.

import { diagnose } from '../answer/diagnose.js';
import { watchesOf } from '../digest/watches.js';
import { type DiagnosisResult, type FixFormat, flowsOf } from '../engine/diagnosis.js';
import { i18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { question as Q } from '../i18n/messages/question.js';
import { slack } from '../i18n/messages/slack.js';
import { QuestionError } from '../question/errors.js';
import { type KnownNames, parseFollowUp, parseQuestion, refuseLongQuestion } from '../question/parse.js';
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
import { replyLang } from './language.js';
import type { SubcommandRegistry } from './registry.js';
import { reverseReply } from './reverse.js';
import { chineseCommand, isWhy, misspelledSubcommand, thanksReply, unsupportedQuestionReply } from './small-talk.js';
import type { CommandContext, Reply } from './subcommand.js';

/** What a conversation (a Slack thread, a shell session) has established so far. */
export interface Conversation {
  readonly topology: string;
  readonly question: Question;
  /** The language the conversation is answered in (its first question's unless someone switched). */
  readonly lang?: Lang;
}

/** A diagnosis, with what it answered, ready for any surface to render. */
export interface Answer {
  readonly topology: string;
  readonly question: Question;
  readonly result: DiagnosisResult;
  /** How to show the fixes; undefined = the surface's default (the words plus KooCLI). */
  readonly format?: FixFormat;
  /** Which topology answered, from where, and how fresh it is (its sync's health). */
  readonly freshness: Freshness;
  /** A thread asked for another form of the fixes ("show it as terraform"): show the fixes only. */
  readonly fixesOnly?: boolean;
  /** The language the answer is written in. */
  readonly lang: Lang;
}

export type Outcome =
  | {
      readonly kind: 'reply';
      readonly subcommand: string;
      readonly reply: Reply;
      /** The language the reply is in (a long reply cut for Slack says so in it). */
      readonly lang: Lang;
    }
  | { readonly kind: 'answer'; readonly answer: Answer }
  | {
      readonly kind: 'error';
      /** Already in `lang`. */
      readonly message: string;
      readonly suggestions: readonly string[];
      readonly lang: Lang;
    };

/** Interpret one message: `help`, a subcommand, a follow-up to `previous`, or a new question. */
export async function converse(
  text: string,
  asker: CommandContext,
  registry: SubcommandRegistry,
  previous?: Conversation,
): Promise<Outcome> {
  const trimmed = text.trim();
  const lang = replyLang(asker, trimmed, previous?.lang);
  const context: CommandContext = { ...asker, lang };
  if (!trimmed) return { kind: 'reply', subcommand: 'help', reply: helpReply(registry.all, i18n(lang)), lang };
  const [first = ''] = trimmed.split(/\s+/, 1);
  const subcommand = registry.find(first) ?? registry.find(chineseCommand(first) ?? '');
  if (subcommand) {
    const args = trimmed.slice(first.length).replace(/^[ \t]*\r?\n?/, '');
    if (subcommand.admin) {
      const refusal = await refuseUnlessAdmin(context, subcommand.name, args.split(/\s+/, 1)[0] ?? '');
      if (refusal) return { kind: 'reply', subcommand: subcommand.name, reply: refusal, lang };
    }
    return { kind: 'reply', subcommand: subcommand.name, reply: await subcommand.run(args, context), lang };
  }
  try {
    // One length limit for every kind of question, checked before any of their parsers reads the text.
    refuseLongQuestion(trimmed);
    const reverse = parseReverseQuestion(trimmed);
    if (reverse) return await reverseReply(context.store, reverse, previous?.topology, i18n(lang));
    const whatIf = parseWhatIf(trimmed);
    if (whatIf) return whatIfReply(context, whatIf, previous);
    const chat = chatReply(trimmed, context, previous);
    if (chat !== undefined) return { kind: 'reply', subcommand: 'chat', reply: { text: chat }, lang };
    if (previous) {
      const followUp = parseFollowUp(
        trimmed,
        withAnsweredPort(trimmed, context, previous),
        knownNames(context.store, previous.topology),
      );
      if (followUp?.kind === 'format') {
        const again = answerQuestion(
          context.store,
          previous.question,
          followUp.format,
          previous.topology,
          context.now(),
          lang,
        );
        return { kind: 'answer', answer: { ...again, fixesOnly: true } };
      }
      if (followUp?.kind === 'question') return answer(context, followUp.question, undefined, previous.topology);
    }
    return answer(context, parseQuestion(trimmed), undefined, previous?.topology);
  } catch (error) {
    if (error instanceof QuestionError) {
      const near = misspelledSubcommand(
        first,
        registry.all.map((sub) => sub.name),
      );
      if (near !== undefined) {
        const rest = trimmed.slice(first.length).trim();
        return {
          kind: 'error',
          message: i18n(lang).t(slack['slack.not-a-command'], { word: first, near }),
          suggestions: [rest ? `${near} ${rest}` : near],
          lang,
        };
      }
      return { kind: 'error', message: error.describe(i18n(lang)), suggestions: error.suggestions, lang };
    }
    if (error instanceof ChangeError)
      return { kind: 'error', message: error.describe(i18n(lang)), suggestions: [], lang };
    throw error;
  }
}

/**
 * "what if I …" in the thread of an answer: the change is evaluated on a copy of the thread's topology for the
 * thread's path and every watched path of the channel on that topology. Nothing is written to the store.
 */
function whatIfReply(context: CommandContext, request: WhatIf, previous?: Conversation): Outcome {
  if (!previous) throw QuestionError.of(Q['question.whatif-first'], undefined);
  const stored = getTopology(context.store, previous.topology);
  if (!stored) throw QuestionError.of(Q['question.thread-topology-gone'], { topology: previous.topology });
  const before = compileStored(stored);
  const changes = changesOf(request, before, previous.question);
  if (changes.some((c) => c.op === 'apply-fixes' && c.fixes.length === 0))
    throw QuestionError.of(Q['question.no-fixes-to-apply'], undefined);
  const watched = watchesOf(context.store.data, context.channelId)
    .filter((watch) => watch.topology === stored.name)
    .map((watch) => ({ question: watch.question, ...(watch.label ? { label: watch.label } : {}) }));
  const language = i18n(context.lang ?? 'en');
  const result = evaluateWhatIf(stored.topology, before, changes, [{ question: previous.question }], watched, language);
  const text = renderWhatIf(result.changes, result.asked, result.watched, language);
  return {
    kind: 'reply',
    subcommand: 'what-if',
    lang: language.lang,
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
  format: FixFormat | undefined,
  preferred: string | undefined,
  now: Date,
  lang: Lang = 'en',
): Answer {
  const { stored, question: asked } = topologyFor(store, question, preferred);
  // The compiled topology is read once: a sync swapping in a new one mid-answer does not mix the two.
  const result = diagnose(compileStored(stored), asked, { lang });
  const freshness = freshnessOf(stored, store.data.syncs[stored.name], now, i18n(lang));
  return { topology: stored.name, question: asked, result, freshness, lang, ...(format ? { format } : {}) };
}

function answer(
  context: CommandContext,
  question: Question,
  format: FixFormat | undefined,
  preferred?: string,
): Outcome {
  return {
    kind: 'answer',
    answer: answerQuestion(context.store, question, format, preferred, context.now(), context.lang ?? 'en'),
  };
}

/** The stored topology holding the question's cluster: the conversation's own if it has it, else the store's choice. */
function topologyFor(
  store: Store,
  question: Question,
  preferred?: string,
): { stored: StoredTopology; question: Question } {
  if (Object.keys(store.data.topologies).length === 0) {
    throw QuestionError.of(Q['question.no-topology'], { importHint: true });
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

/** Thanks, "why?" after an answer, and questions recognised but not answerable yet; undefined for anything else. */
function chatReply(text: string, context: CommandContext, previous?: Conversation): string | undefined {
  const language = i18n(context.lang ?? 'en');
  const thanks = thanksReply(text, language);
  if (thanks !== undefined) return thanks;
  if (isWhy(text)) {
    if (!previous) return language.t(slack['talk.why-what']);
    try {
      const { result } = answerQuestion(
        context.store,
        previous.question,
        undefined,
        previous.topology,
        context.now(),
        language.lang,
      );
      const notable = flowsOf(result).flatMap((flow) =>
        flow.steps.filter((step) => step.status === 'fail' || step.status === 'warn'),
      );
      if (notable.length === 0) return language.t(slack['talk.all-pass'], { verdict: result.verdict });
      return [
        language.t(slack['talk.because'], { verdict: result.verdict }),
        ...notable.map((step) => `• ${step.check}: ${step.summary}`),
      ].join('\n');
    } catch (error) {
      if (error instanceof QuestionError) return error.describe(language);
      throw error;
    }
  }
  return unsupportedQuestionReply(text);
}

/**
 * The thread's question with the port its answer checked, when it named none and the destination declares one:
 * "and udp?" after "can prod reach db1" (answered on tcp/3306) means udp/3306.
 */
function withAnsweredPort(text: string, context: CommandContext, previous: Conversation): Question {
  const question = previous.question;
  if (question.port !== undefined || !/\b(udp|tcp)\b/i.test(text) || /\d/.test(text)) return question;
  try {
    const { result } = answerQuestion(context.store, question, undefined, previous.topology, context.now());
    const ports = [
      ...new Set(flowsOf(result).flatMap((flow) => (flow.question.port === null ? [] : [flow.question.port]))),
    ];
    const [port] = ports;
    return ports.length === 1 && port !== undefined ? { ...question, protocol: 'tcp', port } : question;
  } catch (error) {
    if (error instanceof QuestionError) return question;
    throw error;
  }
}
