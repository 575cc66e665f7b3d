// `topologies`: the registered topologies, where each came from and when.
import { listTopologies } from '../store/topologies.js';
import { syncHealthLine } from '../sync/health.js';
import type { Subcommand } from './subcommand.js';

/** Lists the stored topologies. */
export const topologiesSubcommand: Subcommand = {
  name: 'topologies',
  usage: 'topologies',
  summary: 'the registered topologies, with where and when each was imported and how its sync is doing',
  async run(_args, context) {
    const stored = listTopologies(context.store);
    if (stored.length === 0) {
      return { text: 'No topology is registered yet. An admin can import one: `topology import NAME` with the file.' };
    }
    const lines = stored.map((entry) => {
      const clusters = (entry.topology.clusters ?? []).map((cluster) => cluster.name).join(', ') || 'no clusters';
      const by = entry.importedBy ? ` by ${entry.importedBy}` : '';
      const from = entry.source ? ` from ${entry.source}` : '';
      const isDefault = context.store.data.defaultTopology === entry.name ? ' (default)' : '';
      const sync = context.store.data.syncs[entry.name];
      const health = sync ? `\n    ${syncHealthLine(sync, context.now())}` : '';
      return `• *${entry.name}*${isDefault}: ${clusters}; imported ${entry.importedAt}${by}${from}${health}`;
    });
    return { text: [`*Topologies (${stored.length})*`, ...lines].join('\n') };
  },
};
