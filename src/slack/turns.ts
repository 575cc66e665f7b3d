// Answer work in turns of the event loop. Each handler acks at once, but if 50 requests arrive together their
// answers (parse, diagnose, render: a few ms each) would all run in the same turn after it, and requests arriving
// meanwhile would wait for all of them before Bolt even reads them (measured: event-loop delay p99 128 ms, max
// 308 ms, slash ack p99 0.16–1.2 s at 50 concurrent, while the app acked a request it had read in < 8 ms). Taking
// turns, one answer's CPU work per turn, lets the loop read and ack new requests between two answers. In HTTP
// mode a piece also waits for new connections to be let in first (src/slack/connection-arrivals.ts).
import type { ConnectionArrivals } from './connection-arrivals.js';

export interface TurnsOptions {
  /** New connections to let in before each piece (none: pieces never wait for arrivals). */
  readonly arrivals?: Pick<ConnectionArrivals, 'afterQuietTurn'>;
  /** The longest a piece waits for a stream of new connections to stop, in ms (default 200). */
  readonly maxWaitMs?: number;
}

/** The default bound on waiting for arrivals: answers come late rather than never under a steady stream. */
export const DEFAULT_ANSWER_WAIT_MS = 200;

/** Runs CPU work one piece per turn of the event loop, in arrival order, after new connections are let in. */
export class Turns {
  #tail: Promise<unknown> = Promise.resolve();
  readonly #options: TurnsOptions;

  constructor(options: TurnsOptions = {}) {
    this.#options = options;
  }

  /** Run `work` in its own turn, after the work queued before it; its I/O waits should stay outside. */
  take<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.#tail.then(
      () =>
        new Promise<T>((resolve, reject) => {
          const go = () => {
            try {
              resolve(work());
            } catch (error) {
              reject(error);
            }
          };
          const arrivals = this.#options.arrivals;
          if (arrivals) arrivals.afterQuietTurn(go, this.#options.maxWaitMs ?? DEFAULT_ANSWER_WAIT_MS);
          else setImmediate(go);
        }),
    );
    // A failing piece must not stop the ones after it.
    this.#tail = run.catch(() => undefined);
    return run;
  }
}
