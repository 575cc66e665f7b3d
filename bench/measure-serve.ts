// The serving path on its own: a process that opens the store holding a large topology (JSON, no YAML parse),
// compiles it, answers questions and runs a digest, as the long-running Slack process does. Its peak RSS is the
// memory the bot needs to serve that topology, apart from the one-off cost of importing it from YAML.

import { diagnose } from '../src/answer/diagnose.js';
import { summarize } from '../src/digest/changes.js';
import { checkWatches } from '../src/digest/check.js';
import { openFileStore } from '../src/store/file-store.js';
import { getTopology } from '../src/store/topologies.js';
import { compileTopology } from '../src/topology/compile.js';
import { peakRssMb, timed, timedAsync } from './stats.js';
import { type BenchSize, generateQuestions, generateWatches, toQuestion } from './synthetic.js';

export interface ServeOptions {
  readonly size: BenchSize;
  /** A store file that already holds the topology as "bench" (written by bench/run.ts, not timed). */
  readonly storePath: string;
  readonly seed: number;
  readonly questions: number;
  readonly digestWatches: number;
}

export interface ServeReport {
  readonly size: BenchSize;
  /** Opening the store read-only: read, JSON parse, migrate, validate the stored topology. */
  readonly storeOpenMs: number;
  readonly compileMs: number;
  /** Wall time of `questions` diagnoses and of a digest over `digestWatches` watches. */
  readonly questionsMs: number;
  readonly digestMs: number;
  readonly peakRssMb: number;
}

/** Open, compile, answer and digest from the store; report times and the process's peak RSS. */
export async function measureServe(options: ServeOptions): Promise<ServeReport> {
  const opened = await timedAsync(() => openFileStore(options.storePath, { writer: false }));
  const store = opened.value;
  const entry = getTopology(store, 'bench');
  if (!entry) throw new Error(`no topology "bench" in ${options.storePath}`);
  const compiled = timed(() => compileTopology(entry.topology));
  const questions = generateQuestions(entry.topology, options.questions, options.seed).map(toQuestion);
  const answered = timed(() => {
    for (const q of questions) {
      try {
        diagnose(compiled.value, q);
      } catch {
        // counted by the main benchmark; here only memory and time matter
      }
    }
  });
  const watches = generateWatches(entry.topology, options.digestWatches, { seed: options.seed + 2 });
  const digest = timed(() =>
    summarize(checkWatches(watches, () => entry.topology, { compile: () => compiled.value, diagnose })),
  );
  await store.close();
  return {
    size: options.size,
    storeOpenMs: opened.ms,
    compileMs: compiled.ms,
    questionsMs: answered.ms,
    digestMs: digest.ms,
    peakRssMb: peakRssMb(),
  };
}
