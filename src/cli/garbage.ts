// A full garbage collection on demand, for the terminal's large imports. Parsing a large YAML topology with js-yaml
// leaves most of its work as garbage in V8's old generation (a 19 MB file: heap 318 MB, 64 MB of it live), which V8
// collects only later, after the validated copy and the store's serialization have grown the heap further (peak RSS
// 605 MB). Collected right after the parse, the later stages reuse the freed pages instead (peak 460 MB).
// BENCHMARKS.md, "Peak RSS importing YAML".
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this many characters a topology text is not worth a full collection (it costs ~0.1 s on a large heap). */
export const LARGE_TEXT = 4 * 1024 * 1024;

let collector: (() => void) | null | undefined;

/** Collect garbage now, if the runtime lets this process do so; otherwise do nothing. */
export function collectGarbage(): void {
  if (collector === undefined) collector = findCollector();
  collector?.();
}

/**
 * V8's `gc`, exposed for this process without `node --expose-gc`: the flag set at run time installs `gc` in
 * contexts created afterwards, so a new context hands it over. Null when the runtime refuses.
 */
function findCollector(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
