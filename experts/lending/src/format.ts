/**
 * Number formatting for finding messages: a risk officer reads "4.50x" and
 * "USD 120,000,000", not floating-point noise. English and Japanese forms
 * of the same number.
 *
 * @example
 * times(4.5) // "4.50x"
 */
export function times(value: number): string {
  return `${value.toFixed(2)}x`;
}

/**
 * A multiple in Japanese (倍).
 *
 * @example
 * timesJa(4.5) // "4.50倍"
 */
export function timesJa(value: number): string {
  return `${value.toFixed(2)}倍`;
}

/**
 * A ratio as a percentage with one decimal.
 *
 * @example
 * percent(0.855) // "85.5%"
 */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/**
 * A number of years with two decimals, in English and Japanese.
 *
 * @example
 * years(4) // "4.00 years"
 * yearsJa(4) // "4.00年"
 */
export function years(value: number): string {
  return `${value.toFixed(2)} years`;
}
export function yearsJa(value: number): string {
  return `${value.toFixed(2)}年`;
}

/**
 * An amount with its currency, grouped: whole units from a thousand up, else at most two decimals. The same form
 * reads in a Japanese message (a credit file writes "USD 120,000,000" too).
 *
 * @example
 * money(120_000_000, "USD") // "USD 120,000,000"
 */
export function money(value: number, currency: string): string {
  // Whole units from a thousand up: "JPY 5,071,714,285.71" reads as noise in a credit memo; small amounts keep cents.
  return `${currency} ${numberFormat(Math.abs(value) >= 1000 ? 0 : 2).format(value)}`;
}

/**
 * A metric value as a finding may carry it: finite numbers as they are,
 * unlimited or undefined values as null (JSON has no Infinity).
 *
 * @example
 * metricValue(Infinity) // null
 */
export function metricValue(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

// Built once per number of digits: building an Intl.NumberFormat costs far more than formatting with one
// (what `toLocaleString` with options does on every call).
const FORMATS = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let format = FORMATS.get(digits);
  if (!format) FORMATS.set(digits, (format = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits })));
  return format;
}
