/**
 * The statistics every figure of the benchmark is reported with: medians over
 * repeated runs (machines are noisy; the median ignores the odd slow run),
 * percentiles of latency samples, and ratios rounded for the table.
 *
 * @example
 * median([3, 1, 2]) // 2
 * percentile([...latencies], 99)
 */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (0–100) by linear interpolation between the nearest ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** `value` rounded to `digits` decimals (for results.json: figures, not float noise). */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
