// Named topologies in the store: put, get, list, remove, the default one, which one holds a cluster,
// and each one compiled once (the compiled form is cached per topology object, so replacing a topology
// recompiles it and nothing else does).
import { question as Q } from '../i18n/messages/question.js';
import { closestNames } from '../names/closest.js';
import { QuestionError } from '../question/errors.js';
import { type CompiledTopology, compileTopology } from '../topology/compile.js';
import type { Topology } from '../topology/schema.js';
import type { StoredTopology } from './data.js';
import { sealStoredTopology } from './document.js';
import { TopologyNameError } from './errors.js';
import type { Store } from './store.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Whether `name` can name a stored topology (it must work in `topology:cluster` and as a file name). */
export function isValidTopologyName(name: string): boolean {
  return NAME.test(name);
}

/** Every stored topology, by name. */
export function listTopologies(store: Store): StoredTopology[] {
  return Object.values(store.data.topologies).sort((a, b) => a.name.localeCompare(b.name));
}

/** The stored topology `name` (exact, else case-insensitive), or undefined. */
export function getTopology(store: Store, name: string): StoredTopology | undefined {
  const topologies = store.data.topologies;
  if (Object.hasOwn(topologies, name)) return topologies[name];
  return Object.values(topologies).find((entry) => entry.name.toLowerCase() === name.toLowerCase());
}

/** The topology questions use when none is named: the declared default, else the only one stored. */
export function defaultTopologyName(store: Store): string | undefined {
  const declared = store.data.defaultTopology;
  if (declared && store.data.topologies[declared]) return declared;
  const names = Object.keys(store.data.topologies);
  return names.length === 1 ? names[0] : undefined;
}

export interface PutTopology {
  readonly name: string;
  readonly topology: Topology;
  readonly source?: string;
  readonly importedBy?: string;
  readonly importedAt?: string;
  /** Make it the default topology. */
  readonly makeDefault?: boolean;
}

/** Store (or replace) a topology; returns the stored entry and whether one of that name was replaced. */
export async function putTopology(
  store: Store,
  entry: PutTopology,
): Promise<{ stored: StoredTopology; replaced: boolean }> {
  if (!isValidTopologyName(entry.name)) throw new TopologyNameError(entry.name);
  const replaced = Object.hasOwn(store.data.topologies, entry.name);
  await store.update((data) => {
    const stored: StoredTopology = {
      name: entry.name,
      topology: entry.topology,
      importedAt: entry.importedAt ?? new Date().toISOString(),
      ...(entry.importedBy === undefined ? {} : { importedBy: entry.importedBy }),
      ...(entry.source === undefined ? {} : { source: entry.source }),
    };
    data.topologies[entry.name] = stored;
    if (entry.makeDefault) data.defaultTopology = entry.name;
  });
  const stored = store.data.topologies[entry.name];
  if (!stored) throw new Error(`topology "${entry.name}" was not stored`);
  return { stored, replaced };
}

/**
 * A topology entry validated and frozen before it is stored, so that `putPrepared` swaps in this very object: compile
 * it (`compileStored`) before the swap and answers use the previous compiled topology until this one is ready.
 * Throws TopologyNameError or StoreValidationError.
 */
export function sealTopology(entry: PutTopology): StoredTopology {
  if (!isValidTopologyName(entry.name)) throw new TopologyNameError(entry.name);
  return sealStoredTopology({
    name: entry.name,
    topology: entry.topology,
    importedAt: entry.importedAt ?? new Date().toISOString(),
    ...(entry.importedBy === undefined ? {} : { importedBy: entry.importedBy }),
    ...(entry.source === undefined ? {} : { source: entry.source }),
  });
}

/** Store a prepared topology (replacing one of its name) in one atomic update. */
export async function putPrepared(store: Store, stored: StoredTopology): Promise<void> {
  await store.update((data) => {
    data.topologies[stored.name] = stored;
  });
}

/** Remove a topology (and the default, if it was the default); false when there was none. */
export async function removeTopology(store: Store, name: string): Promise<boolean> {
  const entry = getTopology(store, name);
  if (!entry) return false;
  await store.update((data) => {
    delete data.topologies[entry.name];
    // Its scheduled sync goes with it, or the next sync would bring it back.
    delete data.syncs[entry.name];
    if (data.defaultTopology === entry.name) delete data.defaultTopology;
  });
  return true;
}

/** Make `name` the default topology; false when it is not stored. */
export async function setDefaultTopology(store: Store, name: string): Promise<boolean> {
  const entry = getTopology(store, name);
  if (!entry) return false;
  await store.update((data) => {
    data.defaultTopology = entry.name;
  });
  return true;
}

// Keyed by the topology object, so that answers, digests and alerts share one compiled form of it.
const compiledCache = new WeakMap<Topology, CompiledTopology>();

/** The compiled form of a topology, compiled once per object (stored topologies are frozen, so never stale). */
export function compileOnce(topology: Topology): CompiledTopology {
  let compiled = compiledCache.get(topology);
  if (!compiled) {
    compiled = compileTopology(topology);
    compiledCache.set(topology, compiled);
  }
  return compiled;
}

/** The compiled form of a stored topology, compiled once per stored object. */
export function compileStored(entry: StoredTopology): CompiledTopology {
  return compileOnce(entry.topology);
}

/** The compiled topology stored as `name`; QuestionError (with the closest names) when there is none. */
export function compiledFor(store: Store, name: string): CompiledTopology {
  return compileStored(requireTopology(store, name));
}

/** The stored topology `name`; QuestionError with the closest stored names when there is none. */
function requireTopology(store: Store, name: string): StoredTopology {
  const entry = getTopology(store, name);
  if (!entry)
    throw QuestionError.of(
      Q['question.no-topology-named'],
      { name },
      closestNames(name, Object.keys(store.data.topologies)),
    );
  return entry;
}

/**
 * The stored topology that holds cluster `clusterName` (case-insensitive). When several do, the
 * default topology wins; otherwise a QuestionError lists the `topology:cluster` choices. A cluster
 * typed as `topology:cluster` picks the topology explicitly.
 */
export function resolveClusterTopology(store: Store, typedCluster: string): StoredTopology {
  const qualified = splitQualifiedCluster(typedCluster);
  if (qualified.topology !== undefined) return requireTopology(store, qualified.topology);
  const clusterName = qualified.cluster;
  const wanted = clusterName.toLowerCase();
  const all = listTopologies(store);
  const holders = all.filter((entry) =>
    (entry.topology.clusters ?? []).some((cluster) => cluster.name.toLowerCase() === wanted),
  );
  if (holders.length === 1) return holders[0]!;
  if (holders.length > 1) {
    const preferred = defaultTopologyName(store);
    const chosen = holders.find((entry) => entry.name === preferred);
    if (chosen) return chosen;
    const choices = holders.map((entry) => `${entry.name}:${clusterOf(entry, wanted)}`);
    throw QuestionError.of(
      Q['question.cluster-in-several'],
      { cluster: clusterName, count: holders.length, choices },
      choices,
    );
  }
  const known = all.flatMap((entry) => (entry.topology.clusters ?? []).map((cluster) => cluster.name));
  const suggestions = closestNames(clusterName, [...new Set(known)]);
  throw QuestionError.of(
    Q['question.unknown-stored-cluster'],
    { cluster: clusterName, stored: all.length > 0, suggestions },
    suggestions,
  );
}

/** "staging:prod" -> topology "staging", cluster "prod"; "prod" -> cluster "prod". */
export function splitQualifiedCluster(typed: string): { topology?: string; cluster: string } {
  const colon = typed.indexOf(':');
  if (colon <= 0 || colon === typed.length - 1) return { cluster: typed };
  return { topology: typed.slice(0, colon), cluster: typed.slice(colon + 1) };
}

function clusterOf(entry: StoredTopology, wanted: string): string {
  return (entry.topology.clusters ?? []).find((cluster) => cluster.name.toLowerCase() === wanted)?.name ?? wanted;
}
