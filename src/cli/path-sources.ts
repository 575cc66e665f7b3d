// Where `whatif` and `check-plan` get their topology and paths: a topology file or the store (its default, or the
// one holding a cluster), the store's watched paths, and a questions file (one question a line).

import { describeQuestion, questionKey } from '../digest/watches.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { cliCommands as C } from '../i18n/messages/cli-commands.js';
import { QuestionError } from '../question/errors.js';
import { parseQuestion } from '../question/parse.js';
import { openFileStore, storePathFor } from '../store/file-store.js';
import {
  defaultTopologyName,
  getTopology,
  resolveClusterTopology,
  splitQualifiedCluster,
} from '../store/topologies.js';
import type { Topology } from '../topology/schema.js';
import type { PathToCompare } from '../whatif/compare.js';
import { readInputFile } from './command-files.js';
import { CliExit, type CliIO, cliText, EXIT } from './io.js';
import { requireTopologyFile } from './topology-file.js';

export interface PathSource {
  readonly topology: Topology;
  /** The stored topology's name; undefined for a file. */
  readonly name?: string;
  /** The store's watched paths on that topology (one per distinct path; all channels, or `channel`'s). */
  readonly watched: PathToCompare[];
}

/** The topology (a file, else the store's topology holding `cluster`, else its default) and its watched paths. */
export async function loadPathSource(
  options: { readonly topology?: string; readonly channel?: string },
  io: CliIO,
  cluster?: string,
): Promise<PathSource> {
  if (options.topology)
    return { topology: await requireTopologyFile(options.topology, io.cwd, cliText(io)), watched: [] };
  const store = await openFileStore(storePathFor(io.env, io.cwd), { writer: false });
  try {
    const stored = cluster
      ? resolveClusterTopology(store, cluster)
      : getTopology(store, defaultTopologyName(store) ?? '');
    if (!stored)
      throw CliExit.of(
        EXIT.invalid,
        Object.keys(store.data.topologies).length === 0 ? C['cli.paths.none-stored'] : C['cli.paths.no-default'],
        undefined,
      );
    const seen = new Set<string>();
    const watched: PathToCompare[] = [];
    for (const watch of store.data.watches) {
      if (watch.topology !== stored.name || (options.channel && watch.channel !== options.channel)) continue;
      const key = questionKey(watch.topology, watch.question);
      if (seen.has(key)) continue;
      seen.add(key);
      watched.push({ question: watch.question, label: watch.label ?? describeQuestion(watch.question) });
    }
    return { topology: stored.topology, name: stored.name, watched };
  } finally {
    await store.close();
  }
}

/** A question with its `topology:` prefix taken off (the topology is already chosen). */
export function plainCluster<Q extends { cluster: string }>(question: Q): Q {
  return { ...question, cluster: splitQualifiedCluster(question.cluster).cluster };
}

/** Read a questions file: one question a line; blank lines and `#` comments skipped; errors located by line. */
export async function readQuestionsFile(file: string, cwd: string): Promise<PathToCompare[]> {
  const text = await readInputFile(file, cwd);
  const paths: PathToCompare[] = [];
  const problems: { line: number; error: QuestionError }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    try {
      paths.push({ question: plainCluster(parseQuestion(line)), label: line });
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      problems.push({ line: index + 1, error });
    }
  });
  if (problems.length) {
    const say = (text: I18n) => problems.map((p) => `${file}:${p.line}: ${p.error.describe(text)}`).join('\n');
    throw new CliExit(EXIT.invalid, say(EN), [], say);
  }
  return paths;
}
