// Long CPU-bound steps written as generators that yield between chunks of work, so one code path serves both the
// CLI (run to the end at once) and the bot (pause on the event loop at each yield, so answers keep flowing while a
// scheduled sync imports a large network).

/** A long computation that yields (no value) wherever it may pause, and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Run the steps straight through. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Run the steps, awaiting `pause` at every yield (by default: let the event loop run whatever is waiting). */
export async function runCooperatively<T>(steps: Steps<T>, pause: () => Promise<void> = yieldToEventLoop): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

/** Let whatever waits on the event loop (a question, a Slack ack, I/O) run before going on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Counts work done and says when a chunk of `every` units is full (the place for a yield). */
export function chunker(every: number): (units?: number) => boolean {
  let done = 0;
  return (units = 1) => {
    done += units;
    if (done < every) return false;
    done = 0;
    return true;
  };
}
