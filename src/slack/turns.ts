// Answer work in turns of the event loop. Each handler acks at once, but if 50 requests arrive together their
// answers (parse, diagnose, render: a few ms each) would all run in the same turn after it, and requests arriving
// meanwhile would wait for all of them before Bolt even reads them (measured: event-loop delay p99 128 ms, max
// 308 ms, slash ack p99 0.16–1.2 s at 50 concurrent, while the app acked a request it had read in < 8 ms). Taking
// turns, one answer's CPU work per turn, lets the loop read and ack new requests between two answers.

/** Runs CPU work one piece per turn of the event loop, in arrival order. */
export class Turns {
  #tail: Promise<unknown> = Promise.resolve();

  /** Run `work` in its own turn, after the work queued before it; its I/O waits should stay outside. */
  take<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.#tail.then(
      () =>
        new Promise<T>((resolve, reject) => {
          setImmediate(() => {
            try {
              resolve(work());
            } catch (error) {
              reject(error);
            }
          });
        }),
    );
    // A failing piece must not stop the ones after it.
    this.#tail = run.catch(() => undefined);
    return run;
  }
}
