// The real engine behind digests and alerts: compile a topology, diagnose a question against it.
import { diagnose } from '../answer/diagnose.js';
import { objectLabeller } from '../engine/diagnose.js';
import { compileOnce } from '../store/topologies.js';
import type { CompiledTopology } from '../topology/compile.js';
import type { PathEngine } from './check.js';

/**
 * compileTopology + diagnose (verdicts, fixes unverified, each walk stopped at its first blocker). Compiling goes
 * through the store's cache (one compiled form per topology object, shared with the answers); each engine object
 * has its own cache of reduced outcomes (check.ts), so a new one starts with those empty.
 */
export function realEngine(): PathEngine {
  return {
    compile: compileOnce,
    // Digests and alerts keep the verdict, the first fix's words and a fingerprint: fix verification (re-walking
    // the path with the fixes applied) changes none of the first two and costs a second walk per problem, so it is
    // left to the answers people read (docs/ENGINE.md, "Verification"). For the same reason each walk stops once
    // its first blocker and first fix are known (test/digest/default-engine.test.ts holds it to the full walk).
    // Sentences keep bare ids: a digest shows at most one of each diagnosis, named by `label`.
    diagnose: (compiled, question, options) =>
      diagnose(compiled as CompiledTopology, question, {
        verifyFixes: false,
        stopAtFirstBlocker: true,
        nameObjects: false,
        ...(options?.lang ? { lang: options.lang } : {}),
      }),
    label: (compiled, sentence) => objectLabeller(compiled as CompiledTopology)(sentence),
  };
}

/** One engine for the process: its caches are what make back-to-back digests cheap. */
export const defaultEngine: PathEngine = realEngine();
