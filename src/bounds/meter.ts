// Counting the work a computation does on untrusted input, so tests can assert it stays near-linear
// in the input without timing anything.

/** Receives one tick per unit of work (a comparison, a token visited, a value walked). */
export interface WorkMeter {
  tick(units?: number): void;
}

/** A meter that ignores ticks: the default in production. */
export const noMeter: WorkMeter = { tick() {} };

/** A meter that adds up its ticks, for tests and benchmarks. */
export function countingMeter(): WorkMeter & { readonly count: number } {
  let count = 0;
  return {
    tick(units = 1) {
      count += units;
    },
    get count() {
      return count;
    },
  };
}
