// `topologies`: the registered topologies, where each came from and when.
import { i18n } from '../i18n/i18n.js';
import { commands as C } from '../i18n/messages/commands.js';
import { listTopologies } from '../store/topologies.js';
import { syncHealthLine } from '../sync/health.js';
import type { Subcommand } from './subcommand.js';

/** Lists the stored topologies. */
export const topologiesSubcommand: Subcommand = {
  name: 'topologies',
  usage: 'topologies',
  summary: 'the registered topologies, with where and when each was imported and how its sync is doing',
  async run(_args, context) {
    const text = i18n(context.lang ?? 'en');
    const stored = listTopologies(context.store);
    if (stored.length === 0) return { text: text.t(C['topologies.none']) };
    const lines = stored.map((entry) => {
      const sync = context.store.data.syncs[entry.name];
      const health = sync ? `\n    ${syncHealthLine(sync, context.now(), text)}` : '';
      const line = text.t(C['topologies.line'], {
        name: entry.name,
        isDefault: context.store.data.defaultTopology === entry.name,
        clusters: (entry.topology.clusters ?? []).map((cluster) => cluster.name),
        at: entry.importedAt,
        ...(entry.importedBy ? { by: entry.importedBy } : {}),
        ...(entry.source ? { from: entry.source } : {}),
      });
      return `${line}${health}`;
    });
    return { text: [text.t(C['topologies.title'], { count: stored.length }), ...lines].join('\n') };
  },
};
