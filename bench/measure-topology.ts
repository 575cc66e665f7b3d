// Measures one topology size: load (parse), validation and compilation of its YAML text; single-diagnosis
// latency over a question mix; a digest over many watched paths; the file store's load and one write.
// Runs inside a child process (bench/worker.ts) so that its peak RSS belongs to this size alone.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../src/answer/diagnose.js';
import { summarize } from '../src/digest/changes.js';
import { checkWatches } from '../src/digest/check.js';
import { realEngine } from '../src/digest/default-engine.js';
import { digestMessage } from '../src/digest/digest-message.js';
import type { Watch } from '../src/store/data.js';
import { openFileStore } from '../src/store/file-store.js';
import { putTopology } from '../src/store/topologies.js';
import { type CompiledTopology, compileTopology } from '../src/topology/compile.js';
import { parseTopology, validateTopology } from '../src/topology/load.js';
import type { Topology } from '../src/topology/schema.js';
import type { ServeReport } from './measure-serve.js';
import {
  type LatencySummary,
  median,
  msSince,
  peakRssMb,
  rssMb,
  summarizeLatencies,
  timed,
  timedAsync,
} from './stats.js';
import { type BenchSize, generateQuestions, type SyntheticQuestion, toQuestion } from './synthetic.js';

export interface SizeOptions {
  readonly size: BenchSize;
  /** The YAML file the parent wrote (generation and serialization are not timed). */
  readonly file: string;
  readonly seed: number;
  /** How many times load/validate/compile run; the median is reported. */
  readonly loadRepeats: number;
  readonly warmup: number;
  readonly samples: number;
  readonly digestWatches: number;
}

export interface LoadFigures {
  readonly yamlMb: number;
  /** parseTopology(text): YAML parse plus validation, as the CLI and importers call it. */
  readonly parseTopologyMs: number;
  /** validateTopology(data) alone (schema plus reference checks). */
  readonly validateMs: number;
  /** parseTopology minus validation: the YAML parse itself. */
  readonly parseMs: number;
  readonly compileMs: number;
  /** parseTopology + compileTopology: text to a compiled topology ready for questions. */
  readonly loadAndCompileMs: number;
}

export interface DiagnosisFigures {
  readonly latency: LatencySummary;
  readonly byModel: Readonly<Record<string, LatencySummary>>;
  readonly byVerdict: Readonly<Record<string, LatencySummary>>;
  readonly verdicts: Readonly<Record<string, number>>;
  readonly byKind: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly errors: number;
  readonly errorExamples: readonly string[];
}

export interface DigestFigures {
  readonly watches: number;
  readonly ms: number;
  /** What was timed: the digest module's own functions, or plain diagnoses where it was absent. */
  readonly via: string;
  readonly counts?: Readonly<Record<string, number>>;
}

export interface StoreFigures {
  readonly fileMb: number;
  /** The first write: the whole topology put into an empty store. */
  readonly importWriteMs: number;
  /** Opening the store file (read, parse, validate, migrate). */
  readonly loadMs: number;
  /** One small update (an audit entry) on the store holding this topology: lowdb rewrites the whole file. */
  readonly writeMs: number;
}

export interface SizeReport {
  readonly size: BenchSize;
  readonly counts: Readonly<Record<string, number>>;
  readonly load: LoadFigures;
  readonly diagnosis: DiagnosisFigures;
  readonly digest: DigestFigures;
  readonly store: StoreFigures;
  /** The serving path measured alone in another process (bench/run.ts adds it). */
  readonly serve?: ServeReport;
  readonly memory: {
    readonly baselineMb: number;
    readonly peakMb: number;
    /** Heap in use after a full GC, once each phase is done (what stays resident to serve questions). */
    readonly heapAfterMb: Readonly<Record<string, number>>;
  };
}

/** Count what a topology holds, for the report. */
export function countTopology(t: Topology): Record<string, number> {
  const subnets = (t.vpcs ?? []).flatMap((v) => v.subnets ?? []);
  return {
    vpcs: t.vpcs?.length ?? 0,
    subnets: subnets.length,
    subnetsWithAcl: subnets.filter((s) => s.networkAcl).length,
    peerings: t.peerings?.length ?? 0,
    clusters: t.clusters?.length ?? 0,
    securityGroups: t.securityGroups?.length ?? 0,
    rules: (t.securityGroups ?? []).reduce((sum, g) => sum + (g.rules?.length ?? 0), 0),
    addressGroups: t.addressGroups?.length ?? 0,
    networkAcls: t.networkAcls?.length ?? 0,
    resources: t.resources?.length ?? 0,
  };
}

/** Measure everything that depends on topology size. */
export async function measureSize(options: SizeOptions): Promise<SizeReport> {
  const heapAfterMb: Record<string, number> = {};
  const settle = (phase: string) => {
    // Run with --expose-gc (bench/run.ts does) for heap figures that are not garbage still to collect.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    heapAfterMb[phase] = process.memoryUsage().heapUsed / (1024 * 1024);
  };
  settle('start');
  const baselineMb = rssMb();
  const text = await readFile(options.file, 'utf8');
  const load = measureLoad(text, options.loadRepeats);
  const parsed = parseTopology(text);
  if (!parsed.ok)
    throw new Error(`the ${options.size} topology does not validate: ${JSON.stringify(parsed.issues[0])}`);
  const topology = parsed.topology;
  settle('topology loaded');
  const compiled = compileTopology(topology);
  settle('compiled');

  const diagnosis = measureDiagnosis(compiled, topology, options);
  settle('after diagnoses');
  const digest = measureDigest(topology, options);
  settle('after digest');
  const store = await measureStore(topology);

  return {
    size: options.size,
    counts: countTopology(topology),
    load,
    diagnosis,
    digest,
    store,
    memory: { baselineMb, peakMb: peakRssMb(), heapAfterMb },
  };
}

function measureLoad(text: string, repeats: number): LoadFigures {
  const parseRuns: number[] = [];
  const validateRuns: number[] = [];
  const compileRuns: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const parsed = timed(() => parseTopology(text));
    if (!parsed.value.ok) throw new Error('topology does not validate');
    parseRuns.push(parsed.ms);
    // Validation alone, on the plain data the YAML parse gives (a deep copy of the validated document).
    const data = JSON.parse(JSON.stringify(parsed.value.topology)) as unknown;
    validateRuns.push(timed(() => validateTopology(data)).ms);
    const topology = parsed.value.topology;
    compileRuns.push(timed(() => compileTopology(topology)).ms);
  }
  const parseTopologyMs = median(parseRuns);
  const validateMs = median(validateRuns);
  const compileMs = median(compileRuns);
  return {
    yamlMb: Buffer.byteLength(text) / (1024 * 1024),
    parseTopologyMs,
    validateMs,
    parseMs: Math.max(0, parseTopologyMs - validateMs),
    compileMs,
    loadAndCompileMs: parseTopologyMs + compileMs,
  };
}

function measureDiagnosis(compiled: CompiledTopology, topology: Topology, options: SizeOptions): DiagnosisFigures {
  const warm = generateQuestions(topology, options.warmup, options.seed + 1);
  for (const q of warm) tryDiagnose(compiled, q);
  const questions = generateQuestions(topology, options.samples, options.seed);
  const samples: number[] = [];
  const byModel: Record<string, number[]> = {};
  const byVerdict: Record<string, number[]> = {};
  const verdicts: Record<string, number> = {};
  const byKind: Record<string, Record<string, number>> = {};
  const errorExamples: string[] = [];
  let errors = 0;
  for (const q of questions) {
    const start = process.hrtime.bigint();
    const outcome = tryDiagnose(compiled, q);
    const ms = msSince(start);
    samples.push(ms);
    byModel[q.model] = [...(byModel[q.model] ?? []), ms];
    const verdict = outcome.ok ? outcome.verdict : 'error';
    byVerdict[verdict] = [...(byVerdict[verdict] ?? []), ms];
    verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
    const kind = byKind[q.kind] ?? {};
    kind[verdict] = (kind[verdict] ?? 0) + 1;
    byKind[q.kind] = kind;
    if (!outcome.ok) {
      errors++;
      if (errorExamples.length < 5) errorExamples.push(`${q.text}: ${outcome.message}`);
    }
  }
  return {
    latency: summarizeLatencies(samples),
    byModel: Object.fromEntries(Object.entries(byModel).map(([model, s]) => [model, summarizeLatencies(s)])),
    byVerdict: Object.fromEntries(Object.entries(byVerdict).map(([verdict, s]) => [verdict, summarizeLatencies(s)])),
    verdicts,
    byKind,
    errors,
    errorExamples,
  };
}

function tryDiagnose(
  compiled: CompiledTopology,
  q: SyntheticQuestion,
): { ok: true; verdict: string } | { ok: false; message: string } {
  try {
    const result = diagnose(compiled, toQuestion(q));
    return { ok: true, verdict: result.verdict };
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0] ?? String(error) };
  }
}

function measureDigest(topology: Topology, options: SizeOptions): DigestFigures {
  const questions = generateQuestions(topology, options.digestWatches, options.seed + 2);
  const createdAt = new Date(0).toISOString();
  const watches: Watch[] = questions.map((q, i) => ({
    id: `w${i}`,
    channel: 'C0BENCH',
    topology: 'bench',
    question: toQuestion(q),
    createdBy: 'U0BENCH',
    createdAt,
    ...(i % 3 === 0 ? { last: { verdict: 'reachable' as const, at: createdAt } } : {}),
  }));
  // The engine digests really use (src/digest/default-engine.ts): fixes unverified. A fresh one, so that its
  // compile cache is empty and the figure includes the one compile a digest of a new topology pays.
  const engine = realEngine();
  const run = timed(() => {
    const outcomes = checkWatches(watches, () => topology, engine);
    const summary = summarize(outcomes);
    digestMessage(summary, { title: 'Reachability digest', footer: 'bench' });
    return summary;
  });
  return {
    watches: watches.length,
    ms: run.ms,
    via: 'src/digest: checkWatches with realEngine() (diagnose with verifyFixes: false) + summarize + digestMessage (one compile, one diagnosis per distinct question)',
    counts: run.value.counts,
  };
}
async function measureStore(topology: Topology): Promise<StoreFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-bench-'));
  try {
    const path = join(dir, 'store.json');
    const first = await openFileStore(path);
    const importWrite = await timedAsync(() =>
      putTopology(first, { name: 'bench', topology, source: 'bench', makeDefault: true }),
    );
    await first.close();
    const opened = await timedAsync(() => openFileStore(path));
    const store = opened.value;
    const write = await timedAsync(() =>
      store.update((data) => {
        data.audit.push({
          at: new Date().toISOString(),
          user: 'U0BENCH',
          channel: 'C0BENCH',
          action: 'bench',
          target: 'bench',
          outcome: 'ok',
        });
      }),
    );
    await store.close();
    const fileMb = (await stat(path)).size / (1024 * 1024);
    return { fileMb, importWriteMs: importWrite.ms, loadMs: opened.ms, writeMs: write.ms };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
