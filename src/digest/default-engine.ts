// The real engine behind digests and alerts: compile a topology, diagnose a question against it.
import { diagnose } from '../engine/diagnose.js';
import { type CompiledTopology, compileTopology } from '../topology/compile.js';
import type { PathEngine } from './check.js';

/** compileTopology + diagnose, memoized per topology object so a replaced topology is compiled afresh. */
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
    diagnose: (compiled, question) => diagnose(compiled as CompiledTopology, question),
  };
}

/** One engine for the process: its cache is what makes back-to-back digests cheap. */
export const defaultEngine: PathEngine = realEngine();
