// Which stored topology a reverse question is about: the source cluster's for "what can prod reach", and for
// "who can reach db1" the conversation's own, else the one declaring db1, else the default.
import { EN, type I18n } from '../i18n/i18n.js';
import { question as Q } from '../i18n/messages/question.js';
import { QuestionError } from '../question/errors.js';
import type { StoredTopology } from '../store/data.js';
import type { Store } from '../store/store.js';
import {
  compileStored,
  defaultTopologyName,
  getTopology,
  listTopologies,
  resolveClusterTopology,
  splitQualifiedCluster,
} from '../store/topologies.js';
import { type ReverseAnswer, type ReverseQuestion, reverseSteps } from './reverse.js';

/** The stored topology to answer from, and the question with any `topology:` prefix taken off. */
export function chooseReverseTopology(
  store: Store,
  question: ReverseQuestion,
  preferred?: string,
): { stored: StoredTopology; question: ReverseQuestion } {
  if (question.kind === 'destinations') {
    const stored = resolveClusterTopology(store, question.cluster);
    return { stored, question: { ...question, cluster: splitQualifiedCluster(question.cluster).cluster } };
  }
  const all = listTopologies(store);
  if (all.length === 0) throw QuestionError.of(Q['question.no-topology'], { importHint: false });
  const own = preferred ? getTopology(store, preferred) : undefined;
  if (own) return { stored: own, question };
  const wanted = question.destination.toLowerCase();
  const holders = all.filter((entry) => (entry.topology.resources ?? []).some((r) => r.name.toLowerCase() === wanted));
  const fallback = defaultTopologyName(store);
  const chosen =
    holders.length === 1
      ? holders[0]
      : (holders.find((h) => h.name === fallback) ?? getTopology(store, fallback ?? ''));
  if (chosen) return { stored: chosen, question };
  throw QuestionError.of(
    Q['question.no-default-topology'],
    { count: all.length },
    all.map((entry) => entry.name),
  );
}

/** The chosen topology's name, the question as asked of it, and the answer's steps (see reverseSteps). */
export function reverseStepsFor(
  store: Store,
  question: ReverseQuestion,
  preferred?: string,
  text: I18n = EN,
): { topology: string; question: ReverseQuestion; steps: Generator<void, ReverseAnswer> } {
  const chosen = chooseReverseTopology(store, question, preferred);
  const steps = reverseSteps(compileStored(chosen.stored), chosen.question, text);
  return { topology: chosen.stored.name, question: chosen.question, steps };
}
