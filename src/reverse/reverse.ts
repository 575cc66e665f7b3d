// Reverse questions: "who can reach db1:3306?" asks the forward question once per cluster (and workload),
// "what can pods in prod reach?" once per declared resource plus one internet address. Pure: the answer is
// built only from diagnose() over a compiled topology, so new engine steps show up here unchanged.

import { diagnose } from '../answer/diagnose.js';
import { objectLabeller } from '../engine/diagnose.js';
import {
  type CheckName,
  type Diagnosis,
  type DiagnosisResult,
  flowsOf,
  VERDICT_RANK,
  type Verdict,
} from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { digest as DIGEST } from '../i18n/messages/digest.js';
import { scenarios as M } from '../i18n/messages/scenarios.js';
import { QuestionError } from '../question/errors.js';
import type { Question, QuestionProtocol } from '../question/question.js';
import { fixWords } from '../render/fix.js';
import type { CompiledTopology } from '../topology/compile.js';

/** The address asked about for "the internet" (a well-known public resolver), on TCP 443 unless a port is given. */
export const INTERNET_PROBE = '1.1.1.1';
export const INTERNET_PORT = 443;

/** "who can reach D": every cluster (and, with `workloads`, every declared workload) toward one destination. */
export interface SourcesQuestion {
  readonly kind: 'sources';
  readonly destination: string;
  readonly protocol?: QuestionProtocol;
  readonly port?: number;
  /** Also ask from each declared workload ("who can reach", "which pods"); "which clusters" does not. */
  readonly workloads: boolean;
}

/** "what can pods in prod reach": one source toward every declared resource and the internet. */
export interface DestinationsQuestion {
  readonly kind: 'destinations';
  readonly cluster: string;
  readonly workload: string | null;
  readonly protocol?: QuestionProtocol;
  readonly port?: number;
}

export type ReverseQuestion = SourcesQuestion | DestinationsQuestion;

/** What stopped a path: the first failing step (unreachable) or the first open question (uncertain). */
export interface Blocker {
  readonly check: CheckName | 'question';
  readonly summary: string;
  /** The first fix, in words, when the engine proposes one. */
  readonly fix?: string;
}

/** One forward question of a reverse answer and its verdict. */
export interface ReverseEntry {
  /** The forward question asked, as the engine took it. */
  readonly question: Question;
  /** For sources: "prod" or "payments/api in prod"; for destinations: the resource name or "the internet". */
  readonly label: string;
  readonly verdict: Verdict;
  readonly blocker?: Blocker;
}

export interface ReverseAnswer {
  readonly question: ReverseQuestion;
  /** Entries in topology order (clusters, then their workloads; or resources, then the internet). */
  readonly entries: readonly ReverseEntry[];
  readonly counts: Readonly<Record<Verdict, number>>;
}

/** Answer a reverse question over one compiled topology. Throws QuestionError for an unknown name. */
export function answerReverse(compiled: CompiledTopology, question: ReverseQuestion, text: I18n = EN): ReverseAnswer {
  const steps = reverseSteps(compiled, question, text);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same answer, one forward question per step: an adapter with an event loop (the Slack bot) can pause
 * between steps so that a reverse question over 20,000 resources does not hold up other requests.
 */
export function* reverseSteps(
  compiled: CompiledTopology,
  question: ReverseQuestion,
  // The language of the labels and of each blocker's summary and fix.
  text: I18n = EN,
): Generator<void, ReverseAnswer> {
  const flow = {
    ...(question.protocol ? { protocol: question.protocol } : {}),
    ...(question.port !== undefined ? { port: question.port } : {}),
  };
  const asks: { question: Question; label: string }[] = [];
  if (question.kind === 'sources') {
    for (const cluster of compiled.topology.clusters ?? []) {
      asks.push({
        question: { cluster: cluster.name, workload: null, destination: question.destination, ...flow },
        label: cluster.name,
      });
      if (!question.workloads) continue;
      for (const workload of cluster.workloads ?? [])
        asks.push({
          question: { cluster: cluster.name, workload: workload.name, destination: question.destination, ...flow },
          label: text.t(DIGEST['digest.workloadIn'], { workload: workload.name, cluster: cluster.name }),
        });
    }
  } else {
    for (const resource of compiled.topology.resources ?? [])
      asks.push({
        question: { cluster: question.cluster, workload: question.workload, destination: resource.name, ...flow },
        label: resource.name,
      });
    const internetFlow = question.port !== undefined ? flow : { protocol: 'tcp' as const, port: INTERNET_PORT };
    asks.push({
      question: {
        cluster: question.cluster,
        workload: question.workload,
        destination: INTERNET_PROBE,
        ...(question.protocol === 'icmp' ? { protocol: 'icmp' as const } : internetFlow),
      },
      label: text.t(M['reverse.internet']),
    });
  }
  const label = objectLabeller(compiled);
  const entries: ReverseEntry[] = [];
  for (const [index, ask] of asks.entries()) {
    let result: DiagnosisResult;
    try {
      result = diagnoseForBlocker(compiled, ask.question, text);
    } catch (error) {
      // A name that resolves nowhere is the asker's mistake, said once; an error for one source is its entry.
      if (!(error instanceof QuestionError) || index === 0) throw error;
      entries.push({
        question: ask.question,
        label: ask.label,
        verdict: 'uncertain',
        blocker: { check: 'question', summary: error.describe(text) },
      });
      continue;
    }
    entries.push(entryOf(ask.question, ask.label, result, label));
    yield;
  }
  const counts: Record<Verdict, number> = { reachable: 0, unreachable: 0, uncertain: 0 };
  for (const entry of entries) counts[entry.verdict]++;
  return { question, entries, counts };
}

/**
 * A diagnosis good for its verdict and blockerOf(), cheaply: without fix verification, each flow's walk stopped
 * once its verdict, first failing step and first fix are known (the engine guarantees they are the full walk's),
 * and its sentences left with bare ids: blockerOf() names the objects of the one it keeps.
 */
function diagnoseForBlocker(compiled: CompiledTopology, question: Question, text: I18n): DiagnosisResult {
  return diagnose(compiled, question, {
    verifyFixes: false,
    stopAtFirstBlocker: true,
    lang: text.lang,
    nameObjects: false,
  });
}

/** The flow whose steps explain the result's verdict: the first one as bad as the whole. */
function blockingFlow(result: DiagnosisResult): Diagnosis | undefined {
  return flowsOf(result).find((d) => VERDICT_RANK[d.verdict] === VERDICT_RANK[result.verdict]);
}

function entryOf(
  question: Question,
  label: string,
  result: DiagnosisResult,
  labelObjects: (text: string) => string,
): ReverseEntry {
  const blocker = blockerOf(result, labelObjects);
  return { question, label, verdict: result.verdict, ...(blocker ? { blocker } : {}) };
}

/**
 * What stops a result short of reachable: the first failing step, else the first open question; none when reachable.
 * `labelObjects` labels the summary kept, for a result diagnosed with `nameObjects: false` (objectLabeller()).
 */
export function blockerOf(
  result: DiagnosisResult,
  labelObjects: (text: string) => string = (text) => text,
): Blocker | undefined {
  const verdict = result.verdict;
  if (verdict === 'reachable') return undefined;
  const flow = blockingFlow(result);
  if (!flow) return undefined;
  const first = flow.fixes[0];
  const fix = first ? fixWords(first) : undefined;
  const extra = fix ? { fix } : {};
  if (verdict === 'unreachable') {
    const step = flow.steps.find((s) => s.status === 'fail');
    if (step) return { check: step.check, summary: labelObjects(step.summary), ...extra };
  }
  const warn = flow.steps.find((s) => s.status === 'warn');
  const summary = flow.assumptions[0] ?? warn?.summary ?? 'the documentation leaves this open';
  return { check: warn?.check ?? 'question', summary: labelObjects(summary), ...extra };
}
