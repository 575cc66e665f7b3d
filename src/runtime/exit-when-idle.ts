// Ending a command's process as soon as it has nothing left to do. Before a natural exit Node tears down its heap:
// after an answer from a large topology (a heap of 100 MB and more) that took about 20 ms. process.exit() skips it;
// it is called only once a natural exit would be next anyway.

import { setTimeout as sleep } from 'node:timers/promises';

/** Resources that hold only the process's own standard streams open. */
const STANDARD_STREAMS = new Set(['TTYWrap', 'PipeWrap']);

/** How long to wait for the last requests (a file closing, say) before leaving the exit to Node. */
const IDLE_WAIT_MS = 100;

/**
 * Exit with `process.exitCode` once nothing but the standard streams keeps the event loop alive and every write to
 * them has been handed to the system. Returns, leaving the process to end by itself, if work is still pending
 * (a timer, a socket, a child) after `waitMs`.
 */
export async function exitWhenIdle(waitMs = IDLE_WAIT_MS): Promise<void> {
  const until = performance.now() + waitMs;
  while (performance.now() < until) {
    if (process.getActiveResourcesInfo().every((kind) => STANDARD_STREAMS.has(kind))) {
      // A write's callback runs once the writes queued before it are done (pipes are asynchronous on some systems).
      await new Promise<void>((resolve) => process.stdout.write('', () => process.stderr.write('', () => resolve())));
      process.exit();
    }
    // A millisecond's sleep, not a spin: a process with a timer or a socket left may wait the whole time.
    await sleep(1);
  }
}
