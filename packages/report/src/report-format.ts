/**
 * How a report writes a metric: leverage and cover ratios as multiples
 * (`3.25×`), shares and ratios of one amount to another as percentages,
 * liquidity in days of traded value, large amounts grouped. A name it does
 * not know is written as a plain number.
 *
 * @example
 * formatMetric("leverage", 3.25)            // "3.25×"
 * formatMetric("hedgeRatio.USD", 0.4)       // "40%"
 * formatMetric("largeExposureRatio", 0.0058) // "0.58%"
 * formatMetric("groupExposure", 58e9)       // "58,000,000,000"
 */
export function formatMetric(name: string, value: number | null): string {
  if (value === null) return "–";
  const base = name.split(".")[0]!;
  if (/^liquidityRatio$|^maxLiquidityRatio$/i.test(base)) return `${trim(value, 2)}× ADV`;
  if (/(dscr|icr|leverage|interestCover|cover)$/i.test(base)) return `${trim(value, 2)}×`;
  if (/(ratio|share|ltv|^vol$|shock$|toEbitda$)/i.test(base) && Math.abs(value) <= 10) return `${trim(value * 100, 2)}%`;
  return formatPlain(value);
}

/** A number as people read it: grouped when large, at most four significant decimals when small. */
export function formatPlain(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  if (Number.isInteger(value)) return String(value);
  return trim(value, Math.abs(value) >= 1 ? 3 : 4);
}

/** A latency: milliseconds below a second, seconds above. */
export function formatLatency(ms: number | undefined): string {
  if (ms === undefined) return "–";
  return ms < 1000 ? `${trim(ms, 1)} ms` : `${trim(ms / 1000, 2)} s`;
}

function trim(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/**
 * When a report was generated, to the minute, in UTC: the same stamp in the HTML and the Markdown.
 *
 * @example
 * formatGeneratedAt(new Date("2026-11-30T09:05:42.123Z")) // "2026-11-30 09:05 UTC"
 */
export function formatGeneratedAt(at: Date): string {
  return at
    .toISOString()
    .replace("T", " ")
    .replace(/:\d\d\.\d+Z$/, " UTC");
}
