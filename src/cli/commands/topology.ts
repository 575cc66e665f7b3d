// `reachbot topology import|list|show|export|remove|default`: the named topologies in the store.

import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { errorText } from '../../i18n/localized-error.js';
import { cli } from '../../i18n/messages/cli.js';
import { cliCommands as C } from '../../i18n/messages/cli-commands.js';
import { topologySummary as S } from '../../i18n/messages/topology-summary.js';
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
import { failureLabel, failureWords } from '../../sync/failure.js';
import { syncHealthLine } from '../../sync/health.js';
import { defaultIntervalFromEnv, formatInterval, parseInterval } from '../../sync/interval.js';
import { formatKubernetesTarget, kubernetesReader, kubernetesTarget } from '../../sync/kubernetes.js';
import { sourceReader } from '../../sync/read-source.js';
import { startSyncScheduler } from '../../sync/scheduler.js';
import { formatSyncSource, parseSyncSource } from '../../sync/source.js';
import { diffTopologies, formatDiff, isEmptyDiff } from '../../topology/diff.js';
import { exportTopology } from '../../topology/export.js';
import { writeOutputFile } from '../command-files.js';
import { CliExit, type CliIO, cliText, EXIT } from '../io.js';
import { helpAfter } from '../localize-help.js';
import { requireTopologyFile } from '../topology-file.js';
import { describeTopology, summarize } from './topology-summary.js';

/** Register `topology` and its subcommands. */
export function register(program: Command, io: CliIO): void {
  const text = cliText(io);
  const topology = program
    .command('topology')
    .description(cliText(io).t(cli['cli.topology'], { store: DEFAULT_STORE_FILE }))
    .addHelpText('after', helpAfter('topology', cliText(io)));

  topology
    .command('import')
    .description(cliText(io).t(cli['cli.topology.import']))
    .argument('<file>', 'the topology file (YAML or JSON, format v1)')
    .option('-n, --name <name>', 'the name to store it under (default: its `name:` field, else the file name)')
    .option('--default', 'make it the topology questions use when a cluster is in several')
    .option('--yes', 'replace a stored topology that differs without asking (the difference is printed first)')
    .addHelpText('after', helpAfter('topology import', cliText(io)))
    .action(async (file: string, options: { name?: string; default?: boolean; yes?: boolean }) => {
      const parsed = await requireTopologyFile(file, io.cwd, cliText(io));
      const name = options.name ?? parsed.name ?? basename(file, extname(file));
      if (!isValidTopologyName(name)) {
        throw CliExit.of(EXIT.invalid, C['cli.topology.bad-name-import'], { name });
      }
      await withStore(io, true, async (store) => {
        // A replacement can change many verdicts at once: show what changes, and replace only when asked to.
        const previous = getTopology(store, name);
        const diff = previous ? diffTopologies(previous.topology, parsed) : undefined;
        if (diff && !isEmptyDiff(diff)) {
          io.stdout.write(`${text.t(C['cli.topology.changes'], { name })}\n${formatDiff(diff, text)}\n`);
          if (!options.yes) {
            throw CliExit.of(EXIT.failed, C['cli.topology.differs'], { name });
          }
        }
        const { stored, replaced } = await putTopology(store, {
          name,
          topology: parsed,
          source: basename(file),
          makeDefault: options.default === true,
        });
        const isDefault = defaultTopologyName(store) === stored.name;
        const summary = summarize(parsed, text);
        io.stdout.write(`${text.t(C['cli.topology.stored'], { name, file, summary, replaced, isDefault })}\n`);
      });
    });

  topology
    .command('list')
    .description(cliText(io).t(cli['cli.topology.list']))
    .action(async () => {
      await withStore(io, false, async (store) => {
        const entries = listTopologies(store);
        if (entries.length === 0) {
          io.stdout.write(`${text.t(C['cli.topology.none'])}\n`);
          return;
        }
        const preferred = defaultTopologyName(store);
        const width = Math.max(...entries.map((entry) => entry.name.length));
        for (const entry of entries) {
          const line = text.t(S['summary.list-line'], {
            mark: entry.name === preferred ? '*' : ' ',
            name: entry.name.padEnd(width),
            summary: summarize(entry.topology, text),
            clusters: (entry.topology.clusters ?? []).map((c) => c.name),
            at: entry.importedAt,
            ...(entry.source ? { from: entry.source } : {}),
          });
          io.stdout.write(`${line}\n`);
          const sync = store.data.syncs[entry.name];
          if (sync) io.stdout.write(`  ${' '.repeat(width)}  ${syncHealthLine(sync, now(io), cliText(io))}\n`);
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
        const header = text.t(S['summary.show-head'], {
          name: entry.name,
          isDefault: defaultTopologyName(store) === entry.name,
          summary: summarize(entry.topology, text),
          at: entry.importedAt,
          ...(entry.source ? { from: entry.source } : {}),
        });
        io.stdout.write(`${[header, ...describeTopology(entry.topology, text)].join('\n')}\n`);
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
        await writeOutputFile(options.out, io.cwd, yaml);
        io.stderr.write(`${text.t(C['cli.topology.wrote'], { file: options.out })}\n`);
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
        io.stdout.write(`${text.t(C['cli.topology.removed'], { name: entry.name })}\n`);
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
    .addHelpText('after', helpAfter('topology sync', cliText(io)))
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
        if (!isValidTopologyName(name)) throw CliExit.of(EXIT.invalid, C['cli.topology.bad-name'], { name });
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
            io.stdout.write(`${text.t(C['cli.sync.off'], { name, removed })}\n`);
            return;
          }
          let intervalMs: number | undefined;
          let source: SyncSourceSpec | undefined;
          let kubernetes: KubernetesSyncTarget | undefined;
          try {
            if (options.inCluster && !options.kubernetes)
              throw CliExit.of(EXIT.invalid, C['cli.sync.in-cluster'], undefined);
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
            if (error instanceof CliExit) throw error;
            throw new CliExit(EXIT.invalid, errorText(error, text));
          }
          if (!source && !store.data.syncs[name]) {
            throw CliExit.of(EXIT.invalid, C['cli.sync.no-source'], { name });
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
            const said = text.t(C['cli.sync.schedule'], {
              name,
              source: formatSyncSource(schedule.source),
              interval: formatInterval(schedule.intervalMs),
              clusters: (schedule.kubernetes ?? []).map(formatKubernetesTarget),
            });
            io.stdout.write(`${said}\n`);
          }
          if (!options.now) return;
          const outcome = await scheduler.syncNow(name);
          for (const warning of outcome.warnings) io.stderr.write(`${text.t(cli['cli.warning'], { warning })}\n`);
          if (outcome.status === 'failed') {
            throw CliExit.of(EXIT.failed, C['cli.sync.failed'], {
              name,
              kind: failureLabel(outcome.failure.kind, text),
              message: failureWords(outcome.failure, text).message,
            });
          }
          io.stdout.write(`${text.t(C['cli.sync.done'], { name, status: outcome.status })}\n`);
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
        io.stdout.write(`${text.t(C['cli.topology.now-default'], { name: entry.name })}\n`);
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
    for (const warning of store.warnings) io.stderr.write(`${cliText(io).t(cli['cli.warning'], { warning })}\n`);
    await run(store);
  } finally {
    await store.close();
  }
}

function requireEntry(store: FileStore, name: string): StoredTopology {
  const entry = getTopology(store, name);
  if (entry) return entry;
  const known = Object.keys(store.data.topologies);
  throw CliExit.of(
    EXIT.invalid,
    C['cli.topology.unknown'],
    { name, noneStored: known.length === 0 },
    closestNames(name, known),
  );
}
