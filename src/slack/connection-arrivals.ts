// New connections to an HTTP server, counted so that work can make way for them. Since libuv 1.45 (Node 20) a
// listening socket accepts one connection per turn of the event loop (libuv/libuv#3696): 50 requests arriving on
// new connections need 50 turns to be accepted, and whatever work each turn carries delays the last of them.
// A turn that accepted no connection means none was waiting, so "wait for a quiet turn" lets a burst in first.
import type { Server } from 'node:net';

/** The connections a server has accepted; the count moves once per accepted connection. */
export class ConnectionArrivals {
  #count = 0;
  readonly #now: () => number;

  /** `now`: a monotonic clock in ms (default performance.now). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  get count(): number {
    return this.#count;
  }

  /** Count the connections `server` accepts from now on. */
  watch(server: Server): void {
    server.on('connection', () => this.note());
  }

  /** Count one accepted connection. */
  note(): void {
    this.#count += 1;
  }

  /**
   * Call `go` in a later turn of the event loop, once a whole turn has passed without a new connection, or after
   * `maxWaitMs` at the latest (so a steady stream of connections delays work by at most that much).
   */
  afterQuietTurn(go: () => void, maxWaitMs: number): void {
    const started = this.#now();
    let seen = 0;
    // The count is first read in a check phase, so that the next comparison spans one whole turn (its poll phase,
    // where connections are accepted); read now, it would miss one accepted earlier in this same turn.
    const check = () => {
      if (this.#count === seen || this.#now() - started >= maxWaitMs) {
        go();
        return;
      }
      seen = this.#count;
      setImmediate(check);
    };
    setImmediate(() => {
      seen = this.#count;
      setImmediate(check);
    });
  }
}
