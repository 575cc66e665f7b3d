// `clusters`: every registered cluster with its network model, VPC and topology.
import { i18n } from '../i18n/i18n.js';
import { commands as C } from '../i18n/messages/commands.js';
import { listTopologies } from '../store/topologies.js';
import type { Subcommand } from './subcommand.js';

/** Lists clusters across all topologies (or one, when named). */
export const clustersSubcommand: Subcommand = {
  name: 'clusters',
  usage: 'clusters [TOPOLOGY]',
  summary: 'the clusters you can ask about, with their network models',
  async run(args, context) {
    const text = i18n(context.lang ?? 'en');
    const wanted = args.trim();
    const stored = listTopologies(context.store).filter((entry) => !wanted || entry.name === wanted);
    if (wanted && stored.length === 0) {
      return { text: text.t(C['clusters.no-topology'], { name: wanted }) };
    }
    const lines = stored.flatMap((entry) =>
      (entry.topology.clusters ?? []).map((cluster) =>
        text.t(C['clusters.line'], {
          name: cluster.name,
          model: cluster.networkModel,
          vpc: cluster.vpc,
          ...(cluster.version ? { version: cluster.version } : {}),
          topology: entry.name,
        }),
      ),
    );
    if (lines.length === 0) return { text: text.t(C['clusters.none']) };
    return { text: [text.t(C['clusters.title'], { count: lines.length }), ...lines].join('\n') };
  },
};
