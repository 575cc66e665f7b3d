// Timing and summary statistics for the benchmark. Wall-clock times come from process.hrtime.bigint.

/** Milliseconds elapsed since `start` (a process.hrtime.bigint() reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Run `work` once and return its result with the wall-clock milliseconds it took. */
export function timed<T>(work: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = work();
  return { value, ms: msSince(start) };
}

/** As `timed`, for async work. */
export async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, ms: msSince(start) };
}

/** The q-th quantile (0..1) of samples by the nearest-rank method; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** p50, p99, max and mean of latency samples in milliseconds. */
export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  if (samples.length === 0) return { count: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  return {
    count: samples.length,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    max: samples.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY),
    mean,
  };
}

/** Peak resident set size of this process so far, in MB (getrusage ru_maxrss). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Current resident set size, in MB. */
export function rssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}
