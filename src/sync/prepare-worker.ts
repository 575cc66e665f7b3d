// The validation worker of a scheduled sync (prepare.ts starts it): parses the imported document, validates it and
// hands the validated topology back in slices, so the main thread never runs the validation (seconds for a large
// network) and takes the result in short steps between answers.
import { parentPort, workerData } from 'node:worker_threads';
import { carryKubernetesSide } from '../kubernetes/merge.js';
import { validateTopology } from '../topology/load.js';
import type { Topology } from '../topology/schema.js';
import type { PrepareJob, PrepareSlice, PrepareVerdict } from './prepare-protocol.js';
import { SLICE_ITEMS } from './prepare-protocol.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts runs only as a worker thread');
const job = workerData as PrepareJob;

const parsed = JSON.parse(job.documentText) as Topology;
const document = job.carryFrom ? carryKubernetesSide({ clusters: job.carryFrom } as Topology, parsed) : parsed;
const result = validateTopology(document);
if (!result.ok) {
  const verdict: PrepareVerdict = {
    kind: 'invalid',
    issues: result.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)),
  };
  port.postMessage(verdict);
} else {
  const topology = result.topology as unknown as Record<string, unknown>;
  const text = JSON.stringify(topology);
  if (text === job.previousText) {
    port.postMessage({ kind: 'same' } satisfies PrepareVerdict);
  } else {
    const slices: PrepareSlice[] = [];
    const keys: { key: string; slices: number }[] = [];
    for (const [key, value] of Object.entries(topology)) {
      if (!Array.isArray(value)) {
        slices.push({ key, value });
        keys.push({ key, slices: 1 });
        continue;
      }
      let count = 0;
      for (let at = 0; at < value.length || count === 0; at += SLICE_ITEMS) {
        slices.push({ key, value: value.slice(at, at + SLICE_ITEMS) });
        count += 1;
      }
      keys.push({ key, slices: count });
    }
    port.postMessage({ kind: 'valid', text, keys } satisfies PrepareVerdict);
    // One slice per request: the main thread asks for the next when it has taken the last.
    let next = 0;
    port.on('message', () => {
      port.postMessage(slices[next] ?? null);
      next += 1;
      if (next >= slices.length) port.close();
    });
  }
}
