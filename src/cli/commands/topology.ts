// `reachbot topology import|list|show|export|remove|default`: the named topologies in the store.

import { writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { cli } from '../../i18n/messages/cli.js';
import { closestNames } from '../../names/closest.js';
import type { KubernetesSyncTarget, StoredTopology, SyncSourceSpec } from '../../store/data.js';
import { DEFAULT_STORE_FILE, type FileStore, openFileStore, storePathFor } from '../../store/file-store.js';
import {
  defaultTopologyName,
  getTopology,
  isValidTopologyName,
  listTopologies,
  putTopology,
  removeTopology,
  setDefaultTopology,
} from '../../store/topologies.js';
import { FAILURE_LABEL } from '../../sync/failure.js';
import { syncHealthLine } from '../../sync/health.js';
import { defaultIntervalFromEnv, formatInterval, parseInterval } from '../../sync/interval.js';
import { formatKubernetesTarget, kubernetesReader, kubernetesTarget } from '../../sync/kubernetes.js';
import { sourceReader } from '../../sync/read-source.js';
import { startSyncScheduler } from '../../sync/scheduler.js';
import { formatSyncSource, parseSyncSource } from '../../sync/source.js';
import { diffTopologies, formatDiff, isEmptyDiff } from '../../topology/diff.js';
import { exportTopology } from '../../topology/export.js';
import { CliExit, type CliIO, cliText, EXIT } from '../io.js';
import { requireTopologyFile } from '../topology-file.js';
import { describeTopology, summarize } from './topology-summary.js';

/** Register `topology` and its subcommands. */
export function register(program: Command, io: CliIO): void {
  const topology = program
    .command('topology')
    .description(cliText(io).t(cli['cli.topology'], { store: DEFAULT_STORE_FILE }))
    .addHelpText(
      'after',
      `
Examples:
  $ reachbot topology import prod.yaml --name prod --default
  $ reachbot topology list
  $ reachbot topology show prod
  $ reachbot topology export prod --out prod.yaml
  $ reachbot topology remove old-lab`,
    );

  topology
    .command('import')
    .description(cliText(io).t(cli['cli.topology.import']))
    .argument('<file>', 'the topology file (YAML or JSON, format v1)')
    .option('-n, --name <name>', 'the name to store it under (default: its `name:` field, else the file name)')
    .option('--default', 'make it the topology questions use when a cluster is in several')
    .option('--yes', 'replace a stored topology that differs without asking (the difference is printed first)')
    .addHelpText('after', '\nExample:\n  $ reachbot topology import topologies/prod.yaml --name prod --default')
    .action(async (file: string, options: { name?: string; default?: boolean; yes?: boolean }) => {
      const parsed = await requireTopologyFile(file, io.cwd);
      const name = options.name ?? parsed.name ?? basename(file, extname(file));
      if (!isValidTopologyName(name)) {
        throw new CliExit(
          EXIT.invalid,
          `"${name}" is not a valid topology name: use letters, digits, ".", "_" and "-" (choose one with --name)`,
        );
      }
      await withStore(io, true, async (store) => {
        // A replacement can change many verdicts at once: show what changes, and replace only when asked to.
        const previous = getTopology(store, name);
        const diff = previous ? diffTopologies(previous.topology, parsed) : undefined;
        if (diff && !isEmptyDiff(diff)) {
          io.stdout.write(`changes to topology "${name}":\n${formatDiff(diff)}\n`);
          if (!options.yes) {
            throw new CliExit(
              EXIT.failed,
              `topology "${name}" exists and differs; nothing was replaced. Re-run with --yes to replace it.`,
            );
          }
        }
        const { stored, replaced } = await putTopology(store, {
          name,
          topology: parsed,
          source: basename(file),
          makeDefault: options.default === true,
        });
        const isDefault = defaultTopologyName(store) === stored.name ? '; it is the default' : '';
        io.stdout.write(
          `${replaced ? 'replaced' : 'stored'} topology "${name}" from ${file} (${summarize(parsed)})${isDefault}\n`,
        );
      });
    });

  topology
    .command('list')
    .description(cliText(io).t(cli['cli.topology.list']))
    .action(async () => {
      await withStore(io, false, async (store) => {
        const entries = listTopologies(store);
        if (entries.length === 0) {
          io.stdout.write('no topologies stored; add one with `reachbot topology import FILE`\n');
          return;
        }
        const preferred = defaultTopologyName(store);
        const width = Math.max(...entries.map((entry) => entry.name.length));
        for (const entry of entries) {
          const mark = entry.name === preferred ? '*' : ' ';
          const clusters = (entry.topology.clusters ?? []).map((c) => c.name).join(', ') || 'no clusters';
          const from = entry.source ? ` from ${entry.source}` : '';
          io.stdout.write(
            `${mark} ${entry.name.padEnd(width)}  ${summarize(entry.topology)} (${clusters}); imported ${entry.importedAt}${from}\n`,
          );
          const sync = store.data.syncs[entry.name];
          if (sync) io.stdout.write(`  ${' '.repeat(width)}  ${syncHealthLine(sync, now(io))}\n`);
        }
      });
    });

  topology
    .command('show')
    .description(cliText(io).t(cli['cli.topology.show']))
    .argument('<name>', 'a stored topology')
    .action(async (name: string) => {
      await withStore(io, false, async (store) => {
        const entry = requireEntry(store, name);
        const header = `${entry.name}${defaultTopologyName(store) === entry.name ? ' (default)' : ''}: ${summarize(entry.topology)}; imported ${entry.importedAt}${entry.source ? ` from ${entry.source}` : ''}`;
        io.stdout.write(`${[header, ...describeTopology(entry.topology)].join('\n')}\n`);
      });
    });

  topology
    .command('export')
    .description(cliText(io).t(cli['cli.topology.export']))
    .argument('<name>', 'a stored topology')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (name: string, options: { out?: string }) => {
      await withStore(io, false, async (store) => {
        const yaml = exportTopology(requireEntry(store, name).topology);
        if (!options.out) {
          io.stdout.write(yaml);
          return;
        }
        await writeFile(resolve(io.cwd, options.out), yaml, 'utf8');
        io.stderr.write(`wrote ${options.out}\n`);
      });
    });

  topology
    .command('remove')
    .description(cliText(io).t(cli['cli.topology.remove']))
    .argument('<name>', 'a stored topology')
    .action(async (name: string) => {
      await withStore(io, true, async (store) => {
        const entry = requireEntry(store, name);
        await removeTopology(store, entry.name);
        io.stdout.write(`removed topology "${entry.name}"\n`);
      });
    });

  topology
    .command('sync')
    .description(cliText(io).t(cli['cli.topology.sync']))
    .argument('<name>', 'the topology (created by its first sync)')
    .option('--from <source>', 'huaweicloud:REGION, terraform:PATH (a state file) or an https URL of a state')
    .option('--project <id>', 'Huawei Cloud project id (default: the project named after the region)')
    .option('--vpc <ids>', 'only these VPCs (comma-separated ids)')
    .option(
      '--every <interval>',
      'how often the bot syncs it: 5m, 1h, ... (minimum 1m; default REACHBOT_SYNC_INTERVAL or 10m)',
    )
    .option(
      '--kubernetes <cluster[=context]>',
      "also read this cluster's Kubernetes side on every sync (kubeconfig REACHBOT_KUBECONFIG or the default; a context, or its current one)",
    )
    .option('--in-cluster', "read the --kubernetes cluster with the pod's service account instead of a kubeconfig")
    .option('--kubernetes-off <cluster>', "stop reading this cluster's Kubernetes side (its data stays as last read)")
    .option('--off', 'stop syncing it (the topology stays)')
    .option('--no-now', 'only save the schedule; do not sync now')
    .addHelpText(
      'after',
      `
Examples:
  $ reachbot topology sync prod --from huaweicloud:cn-north-4 --vpc vpc-1a2b --every 10m
  $ reachbot topology sync prod                 # sync now, from its source
  $ reachbot topology sync staging --from terraform:infra/staging.tfstate
  $ reachbot topology sync prod --kubernetes prod=ctx-prod   # also read prod's NetworkPolicies, workloads...
  $ reachbot topology sync prod --kubernetes prod --in-cluster
  $ reachbot topology sync prod --off

Syncing writes the store: stop the bot first, or use /reach topology sync in Slack (docs/SYNC.md).`,
    )
    .action(
      async (
        name: string,
        options: {
          from?: string;
          project?: string;
          vpc?: string;
          every?: string;
          kubernetes?: string;
          inCluster?: boolean;
          kubernetesOff?: string;
          off?: boolean;
          now: boolean;
        },
      ) => {
        if (!isValidTopologyName(name)) throw new CliExit(EXIT.invalid, `"${name}" is not a valid topology name`);
        await withStore(io, true, async (store) => {
          const scheduler = startSyncScheduler({
            store,
            read: sourceReader({ env: io.env }),
            kubernetes: kubernetesReader(io.env.REACHBOT_KUBECONFIG ? { kubeconfig: io.env.REACHBOT_KUBECONFIG } : {}),
            clock: () => now(io),
            timers: false,
            defaultIntervalMs: defaultIntervalFromEnv(io.env),
          });
          if (options.off) {
            const removed = await scheduler.unschedule(name);
            io.stdout.write(removed ? `"${name}" is no longer synced\n` : `"${name}" had no sync\n`);
            return;
          }
          let intervalMs: number | undefined;
          let source: SyncSourceSpec | undefined;
          let kubernetes: KubernetesSyncTarget | undefined;
          try {
            if (options.inCluster && !options.kubernetes)
              throw new Error('--in-cluster goes with --kubernetes CLUSTER');
            if (options.kubernetes) {
              const [cluster = '', context] = options.kubernetes.split('=', 2);
              kubernetes = kubernetesTarget(cluster, {
                ...(context !== undefined ? { context } : {}),
                ...(options.inCluster ? { inCluster: true } : {}),
              });
            }
            if (options.kubernetesOff) kubernetesTarget(options.kubernetesOff, {});
            intervalMs = options.every ? parseInterval(options.every) : undefined;
            source = options.from
              ? parseSyncSource(
                  options.from,
                  {
                    ...(options.project ? { projectId: options.project } : {}),
                    ...(options.vpc ? { vpcIds: options.vpc.split(',').filter(Boolean) } : {}),
                  },
                  io.cwd,
                )
              : undefined;
          } catch (error) {
            throw new CliExit(EXIT.invalid, error instanceof Error ? error.message : String(error));
          }
          if (!source && !store.data.syncs[name]) {
            throw new CliExit(
              EXIT.invalid,
              `"${name}" has no sync source; give one: reachbot topology sync ${name} --from huaweicloud:REGION`,
            );
          }
          if (source || intervalMs || kubernetes || options.kubernetesOff) {
            const schedule = await scheduler.configure(
              name,
              {
                ...(source ? { source } : {}),
                ...(intervalMs ? { intervalMs } : {}),
                ...(kubernetes ? { kubernetes } : {}),
                ...(options.kubernetesOff ? { kubernetesOff: options.kubernetesOff } : {}),
              },
              'cli',
            );
            const clusters = schedule.kubernetes?.length
              ? `, then the Kubernetes side of ${schedule.kubernetes.map(formatKubernetesTarget).join(', ')}`
              : '';
            io.stdout.write(
              `"${name}" syncs from ${formatSyncSource(schedule.source)} every ${formatInterval(schedule.intervalMs)}${clusters}\n`,
            );
          }
          if (!options.now) return;
          const outcome = await scheduler.syncNow(name);
          for (const warning of outcome.warnings) io.stderr.write(`warning: ${warning}\n`);
          if (outcome.status === 'failed') {
            throw new CliExit(
              EXIT.failed,
              `sync of "${name}" failed (${FAILURE_LABEL[outcome.failure.kind]}): ${outcome.failure.message}`,
            );
          }
          const said = { unchanged: 'no change', replaced: 'the network changed; replaced', created: 'imported' };
          io.stdout.write(`synced "${name}": ${said[outcome.status]}\n`);
        });
      },
    );

  topology
    .command('default')
    .description(cliText(io).t(cli['cli.topology.default']))
    .argument('<name>', 'a stored topology')
    .action(async (name: string) => {
      await withStore(io, true, async (store) => {
        const entry = requireEntry(store, name);
        await setDefaultTopology(store, entry.name);
        io.stdout.write(`"${entry.name}" is now the default topology\n`);
      });
    });
}

function now(io: CliIO): Date {
  return io.now?.() ?? new Date();
}

/** Open the store (as the writer when `write`), print its warnings, run, and always close it. */
async function withStore(io: CliIO, write: boolean, run: (store: FileStore) => Promise<void>): Promise<void> {
  const store = await openFileStore(storePathFor(io.env, io.cwd), { writer: write });
  try {
    for (const warning of store.warnings) io.stderr.write(`warning: ${warning}\n`);
    await run(store);
  } finally {
    await store.close();
  }
}

function requireEntry(store: FileStore, name: string): StoredTopology {
  const entry = getTopology(store, name);
  if (entry) return entry;
  const known = Object.keys(store.data.topologies);
  throw new CliExit(
    EXIT.invalid,
    known.length ? `no topology named "${name}"` : `no topology named "${name}": no topologies are stored`,
    closestNames(name, known),
  );
}
