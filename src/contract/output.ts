// The `reachbot ask --json` document, without the zod schemas that describe it (src/contract/diagnosis-schema.ts):
// building those schemas took about 10 ms of every CLI start, and printing an answer needs none of them.
import type { DiagnosisResult } from '../engine/diagnosis.js';
import type { Freshness } from '../sync/freshness.js';
import type { DiagnosisOutput } from './diagnosis-schema.js';

/** The version of the `--json` output; raised when a field changes meaning or goes away (not when one is added). */
export const SCHEMA_VERSION = 1;

/** The `--json` document for a result: the result with `schemaVersion` first. */
export function diagnosisOutput(result: DiagnosisResult & { readonly freshness?: Freshness }): DiagnosisOutput {
  return { schemaVersion: SCHEMA_VERSION, ...result } as DiagnosisOutput;
}
