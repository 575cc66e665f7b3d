// The real engine behind digests and alerts: compile a topology, diagnose a question against it.
import { diagnose } from '../answer/diagnose.js';
import { objectLabeller } from '../engine/diagnose.js';
import { compileOnce } from '../store/topologies.js';
import type { CompiledTopology } from '../topology/compile.js';
import type { PathEngine } from './check.js';

// Digests and alerts keep the verdict, the first fix's words and a fingerprint: fix verification (re-walking the path
// with the fixes applied) changes none of the first two and costs a second walk per problem, so it is left to the
// answers people read (docs/ENGINE.md, "Verification"). For the same reason each walk stops once its first blocker
// and first fix are known (test/digest/default-engine.test.ts holds it to the full walk). Sentences keep bare ids: a
// digest shows at most one of each diagnosis, named by `label`.
const DIGEST_WALK = { verifyFixes: false, stopAtFirstBlocker: true, nameObjects: false } as const;

/**
 * compileTopology + diagnose (verdicts, fixes unverified, each walk stopped at its first blocker, words only for the
 * paths a message shows). Compiling goes through the store's cache (one compiled form per topology object, shared
 * with the answers); each engine object has its own cache of reduced outcomes (check.ts), so a new one starts with
 * those empty.
 */
export function realEngine(): PathEngine {
  return {
    compile: compileOnce,
    diagnose: (compiled, question, options) =>
      diagnose(compiled as CompiledTopology, question, {
        ...DIGEST_WALK,
        ...(options?.lang ? { lang: options.lang } : {}),
      }),
    // Every watched path is checked without words; the few a message shows are asked again with them (check.ts).
    verdictOnly: (compiled, question) =>
      diagnose(compiled as CompiledTopology, question, { ...DIGEST_WALK, words: false }),
    label: (compiled, sentence) => objectLabeller(compiled as CompiledTopology)(sentence),
  };
}

/** One engine for the process: its caches are what make back-to-back digests cheap. */
export const defaultEngine: PathEngine = realEngine();
