// `reachbot import kubernetes --cluster prod [--context CTX]`: read the Kubernetes side of a cluster
// (namespaces, workloads, NetworkPolicies, SecurityGroup resources) and merge it into the stored topology
// that holds the cluster. Unreadable lists are warnings; the change is shown before it is stored.

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { errorText } from '../../i18n/localized-error.js';
import { cli } from '../../i18n/messages/cli.js';
import { cliCommands as C, cliImport as I } from '../../i18n/messages/cli-commands.js';
import { syncKubernetes } from '../../kubernetes/index.js';
import { QuestionError } from '../../question/errors.js';
import { openFileStore, storePathFor } from '../../store/file-store.js';
import { putTopology, resolveClusterTopology, splitQualifiedCluster } from '../../store/topologies.js';
import { diffTopologies, formatDiff, isEmptyDiff } from '../../topology/diff.js';
import { cliText } from '../io.js';
import type { ImportIO } from './import.js';

interface KubernetesOptions {
  readonly cluster: string;
  readonly context?: string;
  readonly kubeconfig?: string;
  readonly inCluster?: boolean;
  readonly dryRun?: boolean;
}

function emit(writer: ImportIO['stdout'], text: string): void {
  if (typeof writer === 'function') writer(text);
  else writer.write(text);
}

/** Register `import kubernetes` under the `import` command. */
export function registerKubernetesImport(command: Command, io: ImportIO, deps: { pageSize?: number } = {}): void {
  command
    .command('kubernetes')
    .description(cliText(io).t(cli['cli.import.kubernetes']))
    .requiredOption('--cluster <name>', 'the cluster of a stored topology (topology:cluster when several hold it)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)')
    .option('--in-cluster', "use the pod's service account instead of a kubeconfig")
    .option('--dry-run', 'show the change without storing it')
    .action(async (options: KubernetesOptions, cmd: Command) => {
      const store = await openFileStore(storePathFor(io.env, io.cwd));
      try {
        let entry: ReturnType<typeof resolveClusterTopology>;
        try {
          entry = resolveClusterTopology(store, options.cluster);
        } catch (error) {
          if (error instanceof QuestionError)
            cmd.error(error.describe(cliText(io)), { exitCode: 2, code: 'reachbot.import.cluster' });
          throw error;
        }
        const clusterName = splitQualifiedCluster(options.cluster).cluster;
        let result: Awaited<ReturnType<typeof syncKubernetes>>;
        try {
          result = await syncKubernetes(entry.topology, {
            cluster: clusterName,
            context: options.context,
            kubeconfig: options.kubeconfig ? resolve(io.cwd, options.kubeconfig) : undefined,
            inCluster: options.inCluster,
            pageSize: deps.pageSize,
          });
        } catch (error) {
          const message = errorText(error, cliText(io));
          cmd.error(cliText(io).t(I['cli.import.failed'], { message }), {
            exitCode: 2,
            code: 'reachbot.import.failed',
          });
        }
        const text = cliText(io);
        for (const warning of result.warnings) emit(io.stderr, `${text.t(cli['cli.warning'], { warning })}\n`);
        const diff = diffTopologies(entry.topology, result.topology);
        if (isEmptyDiff(diff)) {
          emit(io.stdout, `${text.t(I['cli.import.cluster-unchanged'], { cluster: clusterName, name: entry.name })}\n`);
          return;
        }
        emit(io.stdout, `${text.t(C['cli.topology.changes'], { name: entry.name })}\n${formatDiff(diff, text)}\n`);
        if (options.dryRun) {
          emit(io.stdout, `${text.t(I['cli.import.dry-run'])}\n`);
          return;
        }
        await putTopology(store, {
          name: entry.name,
          topology: result.topology,
          ...(entry.source === undefined ? {} : { source: entry.source }),
        });
        const cluster = (result.topology.clusters ?? []).find(
          (c) => c.name.toLowerCase() === clusterName.toLowerCase(),
        );
        const updated = text.t(I['cli.import.cluster-updated'], {
          cluster: cluster?.name ?? clusterName,
          name: entry.name,
          namespaces: cluster?.namespaces?.length ?? 0,
          workloads: cluster?.workloads?.length ?? 0,
          policies: cluster?.networkPolicies?.length ?? 0,
          groups: cluster?.securityGroupResources?.length ?? 0,
          warnings: result.warnings.length,
        });
        emit(io.stdout, `${updated}\n`);
      } finally {
        await store.close();
      }
    });
}
