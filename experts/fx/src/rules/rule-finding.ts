
/**
 * A ratio as a percentage for messages, without trailing noise.
 *
 * @example
 * percent(0.125) // "12.5%"
 */
export function percent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

/**
 * A money amount for messages, rounded to whole units with thousands separators.
 *
 * @example
 * money(1234567.8, "JPY") // "JPY 1,234,568"
 */
export function money(value: number, currency: string): string {
  return `${currency} ${Math.round(value).toLocaleString("en-US")}`;
}
