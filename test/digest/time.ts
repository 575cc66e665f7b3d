// Fake time for scheduler tests: timers and Date are faked, but setImmediate and nextTick are not, so nock's
// intercepted fetch (which needs real event-loop turns) completes between steps of fake time.
import { vi } from 'vitest';

/** Fake timers and Date, starting at `iso`. */
export function useFakeTime(iso: string): void {
  vi.useFakeTimers({
    now: new Date(iso),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

/** Let real I/O (an intercepted HTTP request) make progress. */
export async function flushIo(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** How long before a job's next run the clock may still be moved at once (croner re-checks every 30 s). */
const QUIET_MARGIN_MS = 60_000;

/** When the scheduler's next run is due (ms since the epoch), if anything is scheduled. */
export type NextDue = () => number | undefined;

/**
 * Move fake time forward by `ms` in steps, letting I/O settle after each step. A span that ends a minute before
 * `nextDue()` is crossed by setting the clock, as a suspended machine would see it: pending timers keep their
 * remaining delays, so croner's next 30-second wake-up recomputes the next run from the new time. Stepping through
 * it instead would run croner's calendar search on the faked Date at each of those wake-ups (8,640 in three quiet
 * days: seconds of the suite) to re-arm a timer and nothing else. Were a run due inside the span (`nextDue` wrong),
 * it would fire late, after the jump, and post at the wrong fake time: the tests that check the times would fail.
 */
export async function advance(ms: number, stepMs = 60_000, nextDue?: NextDue): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const due = nextDue?.();
    const quietUntil = Math.min(end, due === undefined ? end : due - QUIET_MARGIN_MS);
    if (nextDue && quietUntil - Date.now() > stepMs) {
      vi.setSystemTime(quietUntil);
      await flushIo();
      continue;
    }
    await vi.advanceTimersByTimeAsync(Math.min(stepMs, end - Date.now()));
    await flushIo();
  }
}

/** Move fake time forward to `iso` (see `advance`). */
export function advanceTo(iso: string, stepMs?: number, nextDue?: NextDue): Promise<void> {
  return advance(Date.parse(iso) - Date.now(), stepMs, nextDue);
}
