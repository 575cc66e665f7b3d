// `reachbot ask "<question>"`: parse the question, find the topology (a file, the store, else the
// sample), diagnose, and print the answer; the exit status is the verdict.
import { isAbsolute, relative } from 'node:path';
import { type Command, Option } from 'commander';
import { diagnosisOutput, SCHEMA_VERSION } from '../../contract/diagnosis-schema.js';
import { diagnose } from '../../engine/diagnose.js';
import { type DiagnosisResult, FIX_FORMATS, type FixFormat, type Verdict } from '../../engine/diagnosis.js';
import { parseQuestion } from '../../question/parse.js';
import type { Question } from '../../question/question.js';
import { parseReverseQuestion } from '../../question/reverse.js';
import { renderTerminal } from '../../render/terminal.js';
import { chooseReverseTopology } from '../../reverse/choose.js';
import { renderReverseText } from '../../reverse/render.js';
import { answerReverse, type ReverseQuestion } from '../../reverse/reverse.js';
import { openFileStore, storePathFor } from '../../store/file-store.js';
import { compileStored, resolveClusterTopology, splitQualifiedCluster } from '../../store/topologies.js';
import { type Freshness, freshnessOf } from '../../sync/freshness.js';
import { type CompiledTopology, compileTopology } from '../../topology/compile.js';
import { CliExit, type CliIO, dim, EXIT, useColor } from '../io.js';
import { SAMPLE_TOPOLOGY_PATH } from '../paths.js';
import { requireTopologyFile } from '../topology-file.js';

const VERDICT_EXIT: Record<Verdict, number> = {
  reachable: EXIT.reachable,
  unreachable: EXIT.unreachable,
  uncertain: EXIT.uncertain,
};

interface AskOptions {
  readonly topology?: string;
  readonly json?: boolean;
  readonly format?: FixFormat | 'all';
  readonly color: boolean;
}

/** Register `ask`. */
export function register(program: Command, io: CliIO): void {
  program
    .command('ask')
    .description('answer "can pod in cluster X reach address Y?", step by step, with the exact fix')
    .argument('<question...>', 'the question, quoted or not (English or Chinese)')
    .option('-t, --topology <file>', 'answer from this topology file instead of the store')
    .option('--json', 'print the diagnosis as JSON (docs/CONTRACT.md, schema docs/diagnosis.schema.json)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'show fixes in this form (default: hcloud, the words plus KooCLI; all: every form)',
      ).choices(['all', ...FIX_FORMATS]),
    )
    .option('--no-color', 'plain text, even on a terminal')
    .addHelpText(
      'after',
      `
Exit status: 0 reachable, 1 unreachable, 3 uncertain, 2 the question or topology is not valid.

Examples:
  $ reachbot ask "can pod in prod reach 192.168.10.52?"
  $ reachbot ask "can payments/api in prod reach redis-main on 6379?"
  $ reachbot ask "prod -> db1 tcp/3306" --topology my-topology.yaml
  $ reachbot ask "why can't prod ping 10.1.1.20" --format terraform
  $ reachbot ask "prod 的容器能访问 192.168.10.52:3306 吗" --json
  $ reachbot ask "who can reach db1:3306?"            (every cluster and workload; exit 0 once answered)
  $ reachbot ask "what can pods in prod reach?" --json`,
    )
    .action(async (words: string[], options: AskOptions) => {
      const exitCode = await ask(words.join(' '), options, io);
      // The verdict is the exit status; the answer itself is already printed.
      if (exitCode !== EXIT.reachable) throw new CliExit(exitCode);
    });
}

async function ask(text: string, options: AskOptions, io: CliIO): Promise<number> {
  const color = useColor(io, options.color);
  const reverse = parseReverseQuestion(text);
  if (reverse) return askReverse(reverse, options, io, color);
  const question = parseQuestion(text);
  const { compiled, asked, freshness } = await topologyFor(question, options, io, color);
  const result: DiagnosisResult = diagnose(compiled, asked);
  // `freshness` is a compatible extension of the JSON contract (docs/CLI.md): only for a stored topology.
  if (options.json)
    io.stdout.write(`${JSON.stringify(diagnosisOutput(freshness ? { ...result, freshness } : result), null, 2)}\n`);
  else
    io.stdout.write(
      `${renderTerminal(result, { color, format: options.format ?? 'hcloud', ...(freshness ? { provenance: freshness } : {}) })}\n`,
    );
  return VERDICT_EXIT[result.verdict];
}

/** A reverse question: every source or destination with its verdict; exit 0 once answered (a list has no verdict). */
async function askReverse(question: ReverseQuestion, options: AskOptions, io: CliIO, color: boolean): Promise<number> {
  let compiled: CompiledTopology;
  let asked = question;
  let name: string | undefined;
  if (options.topology) compiled = compileTopology(await requireTopologyFile(options.topology, io.cwd));
  else {
    const store = await openFileStore(storePathFor(io.env, io.cwd), { writer: false });
    try {
      for (const warning of store.warnings) io.stderr.write(`${dim(`warning: ${warning}`, color)}\n`);
      if (Object.keys(store.data.topologies).length === 0) {
        io.stderr.write(
          `${dim(`(no topologies stored: answering from the sample topology ${shortPath(SAMPLE_TOPOLOGY_PATH, io.cwd)})`, color)}\n`,
        );
        compiled = compileTopology(await requireTopologyFile(SAMPLE_TOPOLOGY_PATH, io.cwd));
      } else {
        const chosen = chooseReverseTopology(store, question);
        compiled = compileStored(chosen.stored);
        asked = chosen.question;
        name = chosen.stored.name;
      }
    } finally {
      await store.close();
    }
  }
  const answer = answerReverse(compiled, asked);
  if (options.json)
    io.stdout.write(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, kind: 'reverse', ...answer }, null, 2)}\n`);
  else io.stdout.write(`${renderReverseText(answer, name)}\n`);
  return EXIT.ok;
}

/** `path` relative to `cwd` when it is below it, else absolute. */
function shortPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The compiled topology to answer from, and the question with any `topology:` prefix taken off. */
async function topologyFor(
  question: Question,
  options: AskOptions,
  io: CliIO,
  color: boolean,
): Promise<{ compiled: CompiledTopology; asked: Question; freshness?: Freshness }> {
  if (options.topology) {
    return { compiled: compileTopology(await requireTopologyFile(options.topology, io.cwd)), asked: question };
  }
  const store = await openFileStore(storePathFor(io.env, io.cwd), { writer: false });
  try {
    for (const warning of store.warnings) io.stderr.write(`${dim(`warning: ${warning}`, color)}\n`);
    if (Object.keys(store.data.topologies).length === 0) {
      io.stderr.write(
        `${dim(`(no topologies stored: answering from the sample topology ${shortPath(SAMPLE_TOPOLOGY_PATH, io.cwd)}; import yours with \`reachbot topology import FILE\`)`, color)}\n`,
      );
      return { compiled: compileTopology(await requireTopologyFile(SAMPLE_TOPOLOGY_PATH, io.cwd)), asked: question };
    }
    const entry = resolveClusterTopology(store, question.cluster);
    const cluster = splitQualifiedCluster(question.cluster).cluster;
    const freshness = freshnessOf(entry, store.data.syncs[entry.name], io.now?.() ?? new Date());
    return { compiled: compileStored(entry), asked: { ...question, cluster }, freshness };
  } finally {
    await store.close();
  }
}
