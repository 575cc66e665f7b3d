// Spelling the names of a question (cluster, workload, resource) as a topology spells them, before it is stored
// (digest subscriptions). Which object a name means is decided in names/lookup, shared with the engine.
import { question as Q } from '../i18n/messages/question.js';
import { closestNames, knownNames } from '../names/closest.js';
import { canonicalHostName } from '../names/host-name.js';
import { findNamed, findResource, lookupCluster, lookupWorkload } from '../names/lookup.js';
import { parseIp } from '../net/address.js';
import type { Cluster, Resource, Topology, Workload } from '../topology/schema.js';
import { QuestionError } from './errors.js';
import type { Question } from './question.js';

function unknownResource(typed: string, known: readonly string[]): QuestionError {
  return QuestionError.of(
    Q['question.unknown-name'],
    { what: 'resource', typed, known: knownNames(typed, known) },
    closestNames(typed, known),
  );
}

/** The cluster named `typed` (case-insensitive); QuestionError with the closest names otherwise. */
export function resolveCluster(topology: Topology, typed: string): Cluster {
  return lookupCluster(topology.clusters ?? [], typed);
}

/** The workload `typed` ("namespace/name", or just "name" when unique) of a cluster. */
export function resolveWorkload(cluster: Cluster, typed: string): Workload {
  return lookupWorkload(cluster.name, cluster.workloads ?? [], typed);
}

/** The resource named `typed` (case-insensitive, or its type when it is the only one); QuestionError otherwise. */
export function resolveResource(topology: Topology, typed: string): Resource {
  const resources = topology.resources ?? [];
  const found = findResource(resources, typed);
  if (!found)
    throw unknownResource(
      typed,
      resources.map((r) => r.name),
    );
  return found;
}

/** A dotted host name that is no resource's name: the engine resolves it from the source's VPC. */
function isHostNameOnly(topology: Topology, typed: string): boolean {
  if (!typed.includes('.') || canonicalHostName(typed) === null) return false;
  return findNamed(topology.resources ?? [], typed) === undefined;
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
