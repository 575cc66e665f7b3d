// The command vocabulary: the core subcommands plus any feature's (digests: watch, unwatch, digest...),
// looked up by name. Slack's /reach, mentions, DMs and the local shell all dispatch through one registry.
import { clustersSubcommand } from './clusters.js';
import { helpSubcommand } from './help.js';
import { langSubcommand } from './language.js';
import type { Subcommand } from './subcommand.js';
import { topologiesSubcommand } from './topologies.js';
import { type TopologyCommandOptions, topologySubcommand } from './topology.js';

export interface SubcommandRegistry {
  readonly all: readonly Subcommand[];
  /** The subcommand named by the first word of a request, case-insensitively. */
  find(name: string): Subcommand | undefined;
}

/** The core subcommands: help, lang, clusters, topologies, topology. */
function coreSubcommands(list: () => readonly Subcommand[], options: TopologyCommandOptions = {}): Subcommand[] {
  return [helpSubcommand(list), langSubcommand, clustersSubcommand, topologiesSubcommand, topologySubcommand(options)];
}

/** A registry of the core subcommands followed by `extra` (a later name never shadows an earlier one). */
export function createRegistry(
  extra: readonly Subcommand[] = [],
  options: TopologyCommandOptions = {},
): SubcommandRegistry {
  const all: Subcommand[] = [];
  all.push(...coreSubcommands(() => all, options));
  for (const sub of extra) {
    if (!all.some((existing) => existing.name === sub.name)) all.push(sub);
  }
  const byName = new Map(all.map((sub) => [sub.name.toLowerCase(), sub]));
  return { all, find: (name) => byName.get(name.toLowerCase()) };
}
