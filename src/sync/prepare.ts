// Validating a sync's import off the main thread (issue #9): the document goes to a worker thread as JSON text, the
// worker validates it (the step that blocked answers for seconds on a large network) and sends the validated
// topology back in slices, which the main thread takes one per turn of the event loop. Nothing but strings, issues
// and plain data crosses the boundary.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { yieldToEventLoop } from '../import/cooperative.js';
import { isBuildFresh } from '../runtime/built-code.js';
import type { Topology } from '../topology/schema.js';
import type { PrepareJob, PrepareSlice, PrepareVerdict } from './prepare-protocol.js';

/** What the worker made of a document. */
export type Prepared =
  | { readonly kind: 'invalid'; readonly issues: readonly string[] }
  | { readonly kind: 'same' }
  | { readonly kind: 'valid'; readonly topology: Topology; readonly text: string };

/** Validates a document off the main thread; rejects when the worker fails (crash, out of memory). */
export type PrepareTopology = (job: PrepareJob) => Promise<Prepared>;

export interface WorkerPrepareOptions {
  /** Caps the worker's heap (a hostile source then fails its sync instead of growing the bot). */
  readonly resourceLimits?: ResourceLimits;
  /** Called with each frozen slice's value as it arrives (the caller freezes the rest). */
  readonly freeze?: (value: unknown) => void;
  /** Under tsx: run the TypeScript worker even when dist/ is fresh (default: the built one then). */
  readonly sources?: boolean;
}

/**
 * The worker: JavaScript when built, the bundled one (dist/bundle/prepare-worker.js, which `npm run build` makes)
 * when there is one, as it starts in 175 ms instead of 260 (one module, not a hundred). Under tsx and vitest, the
 * built worker when dist/ is fresh (a worker compiling the TypeScript sources took seconds per sync, most of the
 * sync tests' time), else the TypeScript file, loaded through tsx's API from a small bootstrap (Node 20 does not
 * apply a loader given in a worker's `execArgv` to its entry).
 */
function workerSource(sources = false): { source: string | URL; eval: boolean } {
  const here = import.meta.url;
  // From dist/sync/ or from a bundle in dist/bundle/ (the CLI's or the bot's), the bundle directory is ../bundle/.
  if (!here.endsWith('.ts'))
    return { source: builtWorker(new URL('../bundle/', here), new URL('./', here)), eval: false };
  const root = new URL('../../', here);
  if (!sources && isBuildFresh(root))
    return { source: builtWorker(new URL('dist/bundle/', root), new URL('dist/sync/', root)), eval: false };
  const entry = new URL('./prepare-worker.ts', here).href;
  const tsxApi = pathToFileURL(
    join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  // tsx's file cache is off in the worker: two test workers compiling the same file at once could read a half-written
  // cache entry (a suspected cause of a sync failing only in the full suite).
  const source = `process.env.TSX_DISABLE_CACHE = '1'; import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { source, eval: true };
}

/** The bundled worker in `bundle` if the build made one, else the compiled module in `modules`. */
function builtWorker(bundle: URL, modules: URL): URL {
  const bundled = new URL('prepare-worker.js', bundle);
  return existsSync(bundled) ? bundled : new URL('prepare-worker.js', modules);
}

/** Validate `job.documentText` in a worker thread started for this job (and gone after it). */
export function prepareInWorker(options: WorkerPrepareOptions = {}): PrepareTopology {
  return (job) =>
    new Promise<Prepared>((resolve, reject) => {
      const { source, eval: isCode } = workerSource(options.sources);
      const worker = new Worker(source, {
        eval: isCode,
        workerData: job,
        ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      });
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        reject(new Error(`the validation worker failed: ${error instanceof Error ? error.message : String(error)}`));
      };
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`it stopped (exit code ${code}) before answering`)));
      worker.once('message', (verdict: PrepareVerdict) => {
        if (verdict.kind !== 'valid') {
          settled = true;
          void worker.terminate();
          resolve(verdict);
          return;
        }
        receiveSlices(worker, verdict, options.freeze).then((topology) => {
          if (settled) return;
          settled = true;
          void worker.terminate();
          resolve({ kind: 'valid', topology, text: verdict.text });
        }, fail);
      });
    });
}

/** Take the topology slice by slice, yielding to the event loop between slices. */
async function receiveSlices(
  worker: Worker,
  verdict: Extract<PrepareVerdict, { kind: 'valid' }>,
  freeze: ((value: unknown) => void) | undefined,
): Promise<Topology> {
  const topology: Record<string, unknown> = {};
  for (const { key, slices } of verdict.keys) {
    const parts: unknown[] = [];
    for (let i = 0; i < slices; i += 1) {
      await yieldToEventLoop();
      const slice = await nextSlice(worker);
      if (slice.key !== key) throw new Error(`slice of "${slice.key}" where "${key}" was due`);
      freeze?.(slice.value);
      parts.push(slice.value);
    }
    topology[key] = Array.isArray(parts[0]) ? (parts as unknown[][]).flat() : parts[0];
  }
  return topology as unknown as Topology;
}

function nextSlice(worker: Worker): Promise<PrepareSlice> {
  return new Promise((resolve, reject) => {
    const onMessage = (slice: PrepareSlice | null) => {
      worker.off('exit', onExit);
      if (slice === null) reject(new Error('the worker ran out of slices'));
      else resolve(slice);
    };
    const onExit = () => {
      worker.off('message', onMessage);
      reject(new Error('the worker stopped while sending the topology'));
    };
    worker.once('message', onMessage);
    worker.once('exit', onExit);
    worker.postMessage('next');
  });
}
