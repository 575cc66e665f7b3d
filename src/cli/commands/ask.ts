// `reachbot ask "<question>"`: parse the question, find the topology (a file, the store, else the
// sample), diagnose, and print the answer; the exit status is the verdict.
import { isAbsolute, relative } from 'node:path';
import { type Command, Option } from 'commander';
import { diagnose } from '../../answer/diagnose.js';
import { diagnosisOutput, SCHEMA_VERSION } from '../../contract/output.js';
import { type DiagnosisResult, FIX_FORMATS, type FixFormat, type Verdict } from '../../engine/diagnosis.js';
import { i18n } from '../../i18n/i18n.js';
import { detectLang } from '../../i18n/lang.js';
import { cli } from '../../i18n/messages/cli.js';
import { QuestionError } from '../../question/errors.js';
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
import { CliExit, type CliIO, cliText, dim, EXIT, useColor } from '../io.js';
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
  const text = cliText(io);
  program
    .command('ask')
    .description(text.t(cli['cli.ask']))
    .argument('<question...>', text.t(cli['cli.ask.question']))
    .option('-t, --topology <file>', text.t(cli['cli.ask.topology']))
    .option('--json', text.t(cli['cli.ask.json']))
    .addOption(new Option('-f, --format <format>', text.t(cli['cli.ask.format'])).choices(['all', ...FIX_FORMATS]))
    .option('--no-color', text.t(cli['cli.no-color']))
    .addHelpText('after', text.t(cli['cli.ask.after']))
    .action(async (words: string[], options: AskOptions) => {
      const question = words.join(' ');
      let exitCode: number;
      try {
        exitCode = await ask(question, options, io);
      } catch (error) {
        // Said in the language of the question (report() follows it unless --lang or the locale chose one).
        if (error instanceof QuestionError) throw error.askedIn(detectLang(question));
        throw error;
      }
      // The verdict is the exit status; the answer itself is already printed.
      if (exitCode !== EXIT.reachable) throw new CliExit(exitCode);
    });
}

async function ask(text: string, options: AskOptions, io: CliIO): Promise<number> {
  const color = useColor(io, options.color);
  // The answer's language: --lang or the locale, else the question's own.
  const lang = io.lang ?? detectLang(text);
  const reverse = parseReverseQuestion(text);
  if (reverse) return askReverse(reverse, options, { ...io, lang }, color);
  const question = parseQuestion(text);
  const { compiled, asked, freshness } = await topologyFor(question, options, { ...io, lang }, color);
  const result: DiagnosisResult = diagnose(compiled, asked, { lang });
  // `freshness` is a compatible extension of the JSON contract (docs/CLI.md): only for a stored topology.
  if (options.json)
    io.stdout.write(`${JSON.stringify(diagnosisOutput(freshness ? { ...result, freshness } : result), null, 2)}\n`);
  else
    io.stdout.write(
      `${renderTerminal(result, { color, format: options.format ?? 'hcloud', text: i18n(lang), ...(freshness ? { provenance: freshness } : {}) })}\n`,
    );
  return VERDICT_EXIT[result.verdict];
}

/** A reverse question: every source or destination with its verdict; exit 0 once answered (a list has no verdict). */
async function askReverse(question: ReverseQuestion, options: AskOptions, io: CliIO, color: boolean): Promise<number> {
  let compiled: CompiledTopology;
  let asked = question;
  let name: string | undefined;
  if (options.topology) compiled = compileTopology(await requireTopologyFile(options.topology, io.cwd, cliText(io)));
  else {
    const store = await openFileStore(storePathFor(io.env, io.cwd), { writer: false });
    try {
      for (const warning of store.warnings)
        io.stderr.write(`${dim(cliText(io).t(cli['cli.warning'], { warning }), color)}\n`);
      if (Object.keys(store.data.topologies).length === 0) {
        io.stderr.write(
          `${dim(cliText(io).t(cli['cli.sample-note'], { path: shortPath(SAMPLE_TOPOLOGY_PATH, io.cwd), importHint: false }), color)}\n`,
        );
        compiled = compileTopology(await requireTopologyFile(SAMPLE_TOPOLOGY_PATH, io.cwd, cliText(io)));
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
  const answer = answerReverse(compiled, asked, cliText(io));
  if (options.json)
    io.stdout.write(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, kind: 'reverse', ...answer }, null, 2)}\n`);
  else io.stdout.write(`${renderReverseText(answer, name, cliText(io))}\n`);
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
    return {
      compiled: compileTopology(await requireTopologyFile(options.topology, io.cwd, cliText(io))),
      asked: question,
    };
  }
  const store = await openFileStore(storePathFor(io.env, io.cwd), { writer: false });
  try {
    for (const warning of store.warnings)
      io.stderr.write(`${dim(cliText(io).t(cli['cli.warning'], { warning }), color)}\n`);
    if (Object.keys(store.data.topologies).length === 0) {
      io.stderr.write(
        `${dim(cliText(io).t(cli['cli.sample-note'], { path: shortPath(SAMPLE_TOPOLOGY_PATH, io.cwd), importHint: true }), color)}\n`,
      );
      return {
        compiled: compileTopology(await requireTopologyFile(SAMPLE_TOPOLOGY_PATH, io.cwd, cliText(io))),
        asked: question,
      };
    }
    const entry = resolveClusterTopology(store, question.cluster);
    const cluster = splitQualifiedCluster(question.cluster).cluster;
    const freshness = freshnessOf(entry, store.data.syncs[entry.name], io.now?.() ?? new Date(), cliText(io));
    return { compiled: compileStored(entry), asked: { ...question, cluster }, freshness };
  } finally {
    await store.close();
  }
}
