// The diagnosis contract as every adapter reads it: the engine's answer (src/engine, pure, rendering nothing) with
// each fix given its words, KooCLI, Terraform and API forms by the renderers (src/render/fix.ts). Adapters, tools and
// tests ask here; the engine's own tests may ask src/engine/diagnose.ts with a renderer of their own.
import { type DiagnoseOptions, diagnoseWith } from '../engine/diagnose.js';
import type { DiagnosisResult } from '../engine/diagnosis.js';
import type { Question } from '../question/question.js';
import { withoutRender, withRender } from '../render/fix.js';
import type { CompiledTopology } from '../topology/compile.js';

export type { DiagnoseOptions };

/**
 * Answer a question with rendered fixes (placeholders in a walk without words): one Diagnosis for one flow,
 * { verdict, flows } for several. Throws QuestionError.
 */
export function diagnose(
  compiled: CompiledTopology,
  question: Question,
  options: DiagnoseOptions = {},
): DiagnosisResult {
  return diagnoseWith(options.words === false ? withoutRender : withRender, compiled, question, options);
}
