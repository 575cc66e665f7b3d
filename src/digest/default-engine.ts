// The real engine behind digests and alerts: compile a topology, diagnose a question against it.
import { diagnose } from '../engine/diagnose.js';
import { type CompiledTopology, compileTopology } from '../topology/compile.js';
import type { PathEngine } from './check.js';

/** compileTopology + diagnose (verdicts, fixes unverified), compiled once per topology object (a replaced one afresh). */
export function realEngine(): PathEngine {
  const cache = new WeakMap<object, CompiledTopology>();
  return {
    compile(topology) {
      let compiled = cache.get(topology);
      if (!compiled) {
        compiled = compileTopology(topology);
        cache.set(topology, compiled);
      }
      return compiled;
    },
    // Digests and alerts keep the verdict, the first fix's words and a fingerprint: fix verification (re-walking
    // the path with the fixes applied) changes none of the first two and costs a second walk per problem, so it is
    // left to the answers people read (docs/ENGINE.md, "Verification").
    diagnose: (compiled, question) => diagnose(compiled as CompiledTopology, question, { verifyFixes: false }),
  };
}

/** One engine for the process: its cache is what makes back-to-back digests cheap. */
export const defaultEngine: PathEngine = realEngine();
