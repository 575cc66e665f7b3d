// `clusters`: every registered cluster with its network model, VPC and topology.
import { listTopologies } from '../store/topologies.js';
import type { Subcommand } from './subcommand.js';

/** Lists clusters across all topologies (or one, when named). */
export const clustersSubcommand: Subcommand = {
  name: 'clusters',
  usage: 'clusters [TOPOLOGY]',
  summary: 'the clusters you can ask about, with their network models',
  async run(args, context) {
    const wanted = args.trim();
    const stored = listTopologies(context.store).filter((entry) => !wanted || entry.name === wanted);
    if (wanted && stored.length === 0) {
      return { text: `No topology named \`${wanted}\`. \`topologies\` lists them.` };
    }
    const lines = stored.flatMap((entry) =>
      (entry.topology.clusters ?? []).map(
        (cluster) =>
          `• *${cluster.name}*: \`${cluster.networkModel}\`, VPC \`${cluster.vpc}\`${cluster.version ? `, ${cluster.version}` : ''} (topology \`${entry.name}\`)`,
      ),
    );
    if (lines.length === 0) return { text: 'No clusters are registered yet. An admin can import a topology (`help`).' };
    return { text: [`*Clusters (${lines.length})*`, ...lines].join('\n') };
  },
};
