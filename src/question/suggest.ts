// Resolving the names a person typed (cluster, workload, resource) against a topology, with
// "did you mean" suggestions, closest first, when a name is unknown.
import { question as Q } from '../i18n/messages/question.js';
import { closestNames, knownNames } from '../names/closest.js';
import { canonicalHostName } from '../names/host-name.js';
import { parseIp } from '../net/address.js';
import type { Cluster, Resource, Topology, Workload } from '../topology/schema.js';
import { QuestionError } from './errors.js';
import type { Question } from './question.js';

/** Find one item by name, case-insensitively; an exact-case match wins over a case-folded one. */
function byName<T extends { readonly name: string }>(items: readonly T[], typed: string): T | undefined {
  return (
    items.find((item) => item.name === typed) ?? items.find((item) => item.name.toLowerCase() === typed.toLowerCase())
  );
}

function unknown(
  what: 'cluster' | 'workload' | 'resource',
  typed: string,
  known: readonly string[],
  inCluster?: string,
): QuestionError {
  return QuestionError.of(
    Q['question.unknown-name'],
    { what, typed, known: knownNames(typed, known), ...(inCluster ? { inCluster } : {}) },
    closestNames(typed, known),
  );
}

/** The cluster named `typed` (case-insensitive); QuestionError with the closest names otherwise. */
export function resolveCluster(topology: Topology, typed: string): Cluster {
  const clusters = topology.clusters ?? [];
  const found = byName(clusters, typed);
  if (!found)
    throw unknown(
      'cluster',
      typed,
      clusters.map((c) => c.name),
    );
  return found;
}

/** The workload `typed` ("namespace/name", or just "name" when unique) of a cluster. */
export function resolveWorkload(cluster: Cluster, typed: string): Workload {
  const workloads = cluster.workloads ?? [];
  const found =
    byName(workloads, typed) ??
    (() => {
      // "api" for "payments/api", when only one namespace has it.
      const short = workloads.filter((w) => w.name.toLowerCase().split('/').pop() === typed.toLowerCase());
      return short.length === 1 ? short[0] : undefined;
    })();
  if (!found)
    throw unknown(
      'workload',
      typed,
      workloads.map((w) => w.name),
      cluster.name,
    );
  return found;
}

/** The resource named `typed` (case-insensitive); QuestionError with the closest names otherwise. */
export function resolveResource(topology: Topology, typed: string): Resource {
  const resources = topology.resources ?? [];
  const found = byName(resources, typed);
  if (!found)
    throw unknown(
      'resource',
      typed,
      resources.map((r) => r.name),
    );
  return found;
}

/** A dotted host name that is no resource's name: the engine resolves it from the source's VPC. */
function isHostNameOnly(topology: Topology, typed: string): boolean {
  if (!typed.includes('.') || canonicalHostName(typed) === null) return false;
  return !(topology.resources ?? []).some((r) => r.name.toLowerCase() === typed.toLowerCase());
}

/**
 * The question with every name spelled as the topology spells it; throws QuestionError naming the
 * first unknown name. An address destination is kept as is (the engine decides what it is).
 */
export function resolveQuestionNames(topology: Topology, question: Question): Question {
  const cluster = resolveCluster(topology, question.cluster);
  const workload = question.workload === null ? null : resolveWorkload(cluster, question.workload).name;
  const destination =
    parseIp(question.destination) || isHostNameOnly(topology, question.destination)
      ? question.destination
      : resolveResource(topology, question.destination).name;
  return { ...question, cluster: cluster.name, workload, destination };
}
