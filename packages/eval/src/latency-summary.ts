/** Response times of a run, in milliseconds. */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Mean and percentiles of response times. Percentiles are nearest-rank (the
 * smallest value with at least p% of the values at or below it), so the p95
 * of a set is always one of its values.
 *
 * @example
 * summariseLatency([10, 20, 30, 40]) // { count: 4, meanMs: 25, p50Ms: 20, p95Ms: 40, maxMs: 40 }
 */
export function summariseLatency(values: readonly number[]): LatencySummary {
  if (values.length === 0) return { count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, maxMs: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    meanMs: round(sorted.reduce((sum, v) => sum + v, 0) / sorted.length),
    p50Ms: round(rank(50)),
    p95Ms: round(rank(95)),
    maxMs: round(sorted.at(-1)!),
  };
}
