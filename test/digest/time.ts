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

/** Move fake time forward by `ms` in steps, letting I/O settle after each step. */
export async function advance(ms: number, stepMs = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await vi.advanceTimersByTimeAsync(Math.min(stepMs, end - Date.now()));
    await flushIo();
  }
}

/** Move fake time forward to `iso`. */
export function advanceTo(iso: string, stepMs?: number): Promise<void> {
  return advance(Date.parse(iso) - Date.now(), stepMs);
}
