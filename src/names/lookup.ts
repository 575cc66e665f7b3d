// Which declared cluster, workload or resource a typed name means. The question's spell-checker
// (question/suggest) and the engine (engine/resolve) both ask here, so a name one accepts the other accepts
// too, and an unknown cluster or workload is reported the same way, with the closest names first.
import { question as Q } from '../i18n/messages/question.js';
import { QuestionError } from '../question/errors.js';
import { RESOURCE_TYPES, type Resource, type Workload } from '../topology/schema.js';
import { closestNames, knownNames } from './closest.js';

interface Named {
  readonly name: string;
}

/** Items by lowercased name (a Map, or the compiled topology's lookups). */
export interface FoldedIndex<T> {
  get(lowercased: string): T | undefined;
}

/**
 * The item named `typed`: surrounding spaces ignored, an exact-case match before a case-folded one.
 * `folded` (items by lowercased name, as the compiled topology keeps them) makes the lookup one map read.
 */
export function findNamed<T extends Named>(items: readonly T[], typed: string, folded?: FoldedIndex<T>): T | undefined {
  const name = typed.trim();
  const lower = name.toLowerCase();
  if (folded) {
    const hit = folded.get(lower);
    // Two names equal but for case: the map kept one, the list still has the exact spelling.
    return hit && hit.name !== name ? (items.find((item) => item.name === name) ?? hit) : hit;
  }
  return items.find((item) => item.name === name) ?? items.find((item) => item.name.toLowerCase() === lower);
}

/** The cluster named `typed`; a QuestionError with the closest cluster names otherwise. */
export function lookupCluster<T extends Named>(clusters: readonly T[], typed: string, folded?: FoldedIndex<T>): T {
  const found = findNamed(clusters, typed, folded);
  if (found) return found;
  const known = clusters.map((c) => c.name);
  throw QuestionError.of(
    Q['question.unknown-name'],
    { what: 'cluster', typed, known: knownNames(typed, known) },
    closestNames(typed, known),
  );
}

/**
 * The workload `typed` of a cluster: "namespace/name", or just "name" when one namespace alone has it.
 * A QuestionError with the closest workload names otherwise.
 */
export function lookupWorkload(
  cluster: string,
  workloads: readonly Workload[],
  typed: string,
  folded?: FoldedIndex<Workload>,
): Workload {
  const found = findNamed(workloads, typed, folded);
  if (found) return found;
  const short = typed.trim().toLowerCase();
  const byShortName = workloads.filter((w) => w.name.toLowerCase().split('/').pop() === short);
  if (byShortName.length === 1) return byShortName[0]!;
  const known = workloads.map((w) => w.name);
  throw QuestionError.of(
    Q['question.unknown-workload'],
    { name: typed, cluster, known: knownNames(typed, known) },
    closestNames(typed, known),
  );
}

/**
 * The resource named `typed`, or, for a resource type ("rds", "the RDS"), the one resource of that type when
 * the topology has exactly one; undefined otherwise (the caller knows what else a destination may be).
 */
export function findResource(
  resources: readonly Resource[],
  typed: string,
  folded?: FoldedIndex<Resource>,
): Resource | undefined {
  const found = findNamed(resources, typed, folded);
  if (found) return found;
  const type = typed
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '');
  if (!(RESOURCE_TYPES as readonly string[]).includes(type) || type === 'other') return undefined;
  const ofType = resources.filter((r) => r.type === type);
  return ofType.length === 1 ? ofType[0] : undefined;
}
