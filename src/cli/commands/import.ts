// `reachbot import huaweicloud|terraform`: build a topology from where it lives, print or write it
// as YAML, or store it by name (showing the difference first; replacing needs --yes).

import type { Command } from 'commander';
import type { Lang } from '../../i18n/lang.js';
import { errorText } from '../../i18n/localized-error.js';
import { cli } from '../../i18n/messages/cli.js';
import { cliCommands as C, cliImport as I } from '../../i18n/messages/cli-commands.js';
import { HUAWEICLOUD_SERVICES, importHuaweiCloud } from '../../import/huaweicloud/index.js';
import type { ImportResult } from '../../import/model.js';
import { importTerraformState } from '../../import/terraform/index.js';
import { openFileStore, storePathFor } from '../../store/file-store.js';
import { isValidTopologyName, putTopology } from '../../store/topologies.js';
import { diffTopologies, formatDiff, isEmptyDiff } from '../../topology/diff.js';
import { exportTopology } from '../../topology/export.js';
import { readInputFile, writeOutputFile } from '../command-files.js';
import { CliExit, cliText } from '../io.js';
import { registerKubernetesImport } from './import-kubernetes.js';

type Writer = ((text: string) => unknown) | { write(text: string): unknown };

/** The process edges a command may touch (the CLI's CliIO is assignable to this). */
export interface ImportIO {
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The language asked for (`--lang`, else the locale). */
  readonly lang?: Lang;
}

/** Injected in tests: the HTTP client and the clock/sleep of the cloud importer. */
export interface ImportDeps {
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  readonly pageSize?: number;
}

interface OutputOptions {
  readonly out?: string;
  readonly name?: string;
  readonly yes?: boolean;
}

interface HuaweiCloudCliOptions extends OutputOptions {
  readonly region: string;
  readonly projectId?: string;
  readonly vpc?: string[];
  readonly domain?: string;
  readonly endpoint?: string[];
}

/** Register `import huaweicloud` and `import terraform` on the program. */
export function register(program: Command, io: ImportIO, deps: ImportDeps = {}): void {
  const command = program.command('import').description(cliText(io).t(cli['cli.import']));

  const withOutput = (cmd: Command) =>
    cmd
      .option('--out <file>', 'write the topology YAML to this file (default: standard output)')
      .option('--name <name>', 'store the topology under this name (shows the difference when replacing)')
      .option('--yes', 'replace a stored topology of the same name without asking');

  withOutput(
    command
      .command('huaweicloud')
      .description(cliText(io).t(cli['cli.import.huaweicloud']))
      .requiredOption('--region <region>', 'region id, e.g. cn-north-4')
      .option(
        '--project-id <id>',
        'project id (default: HUAWEICLOUD_PROJECT_ID, else the project named after the region)',
      )
      .option('--vpc <id...>', 'only these VPCs (repeatable)')
      .option(
        '--domain <domain>',
        'the cloud domain in every endpoint, https://{service}.{region}.{domain} (default: HUAWEICLOUD_DOMAIN, else myhuaweicloud.com)',
      )
      .option(
        '--endpoint <service=url...>',
        `one service's endpoint, e.g. dns=https://dns.internal.example:8443 (repeatable; over HUAWEICLOUD_ENDPOINT_<SERVICE>; services: ${HUAWEICLOUD_SERVICES.join(', ')})`,
      ),
  ).action(async (options: HuaweiCloudCliOptions, cmd: Command) => {
    const endpoints: Record<string, string> = {};
    for (const pair of options.endpoint ?? []) {
      const at = pair.indexOf('=');
      if (at <= 0)
        cmd.error(cliText(io).t(I['cli.import.bad-endpoint'], { pair }), {
          exitCode: 2,
          code: 'reachbot.import.endpoint',
        });
      endpoints[pair.slice(0, at).trim().toLowerCase()] = pair.slice(at + 1).trim();
    }
    await run(cmd, io, options, `huaweicloud:${options.region}`, () =>
      importHuaweiCloud({
        region: options.region,
        projectId: options.projectId,
        vpcIds: options.vpc,
        domain: options.domain,
        endpoints,
        env: io.env,
        fetch: deps.fetch,
        sleep: deps.sleep,
        now: deps.now,
        pageSize: deps.pageSize,
      }),
    );
  });

  withOutput(
    command
      .command('terraform')
      .description(cliText(io).t(cli['cli.import.terraform']))
      .argument('<state>', 'the state file (terraform.tfstate, or `terraform state pull > state.json`)'),
  ).action(async (state: string, options: OutputOptions, cmd: Command) => {
    await run(cmd, io, options, `terraform:${state}`, async () => {
      return importTerraformState(await readInputFile(state, io.cwd), state);
    });
  });

  registerKubernetesImport(command, io, { pageSize: deps.pageSize });
}

async function run(
  cmd: Command,
  io: ImportIO,
  options: OutputOptions,
  source: string,
  importer: () => Promise<ImportResult>,
): Promise<void> {
  if (options.name !== undefined && !isValidTopologyName(options.name)) {
    cmd.error(cliText(io).t(I['cli.import.bad-name'], { name: options.name }), {
      exitCode: 2,
      code: 'reachbot.import.name',
    });
  }
  let result: ImportResult;
  try {
    result = await importer();
  } catch (error) {
    // A file that cannot be read is said as every command says it ("cannot read state.json: no such file").
    if (error instanceof CliExit) throw error;
    const message = errorText(error, cliText(io));
    cmd.error(cliText(io).t(I['cli.import.failed'], { message }), {
      exitCode: 2,
      code: 'reachbot.import.failed',
    });
  }
  for (const warning of result.warnings) emit(io.stderr, `${cliText(io).t(cli['cli.warning'], { warning })}\n`);
  const yaml = exportTopology(result.topology);
  if (options.out) {
    await writeOutputFile(options.out, io.cwd, yaml);
    emit(io.stderr, `${cliText(io).t(C['cli.topology.wrote'], { file: options.out })}\n`);
  } else if (!options.name) {
    emit(io.stdout, yaml);
  }
  if (options.name) await store(cmd, io, options.name, options.yes === true, result, source);
}

async function store(
  cmd: Command,
  io: ImportIO,
  name: string,
  yes: boolean,
  result: ImportResult,
  source: string,
): Promise<void> {
  const text = cliText(io);
  const store = await openFileStore(storePathFor(io.env, io.cwd));
  try {
    for (const warning of store.warnings) emit(io.stderr, `${text.t(cli['cli.warning'], { warning })}\n`);
    const previous = store.data.topologies[name];
    if (previous) {
      const diff = diffTopologies(previous.topology, result.topology);
      if (isEmptyDiff(diff)) {
        emit(io.stdout, `${text.t(I['cli.import.unchanged'], { name })}\n`);
        return;
      }
      emit(io.stdout, `${text.t(C['cli.topology.changes'], { name })}\n${formatDiff(diff, text)}\n`);
      if (!yes) {
        cmd.error(text.t(I['cli.import.exists'], { name }), {
          exitCode: 4,
          code: 'reachbot.import.exists',
        });
      }
    }
    await putTopology(store, { name, topology: result.topology, source });
    emit(io.stdout, `${text.t(I['cli.import.stored'], { name, replaced: Boolean(previous), ...counts(result) })}\n`);
  } finally {
    await store.close();
  }
}

/** What an import brought in, counted for its one-line summary. */
function counts(result: ImportResult) {
  const t = result.topology;
  return {
    vpcs: t.vpcs?.length ?? 0,
    clusters: t.clusters?.length ?? 0,
    resources: t.resources?.length ?? 0,
    securityGroups: t.securityGroups?.length ?? 0,
    warnings: result.warnings.length,
  };
}

function emit(writer: Writer, text: string): void {
  if (typeof writer === 'function') writer(text);
  else writer.write(text);
}
