/**
 * Formats a decimal as a percentage for finding messages.
 *
 * @example
 * percent(0.0734) // "7.34%"
 */
export function percent(value: number): string {
  return `${(value * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

/**
 * Formats an amount for finding messages, with thousands separators.
 *
 * @example
 * amount(1234567.8, "JPY") // "JPY 1,234,568"
 */
export function amount(value: number, currency: string): string {
  return `${currency} ${value.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
}

/**
 * Formats a plain number (a ratio or an index) with up to `digits` decimals.
 *
 * @example
 * decimal(1.23456) // "1.235"
 */
export function decimal(value: number, digits = 3): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}
