import type { Severity } from "@kyocho/core";

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
 * Formats an amount for English finding messages, with thousands separators.
 *
 * @example
 * amount(1234567.8, "JPY") // "JPY 1,234,568"
 * amount(-0.4, "JPY") // "JPY 0"
 * amount(0.6, "JPY", 2) // "JPY 0.6"
 */
export function amount(value: number, currency: string, digits = 0): string {
  return `${currency} ${grouped(value, digits)}`;
}

const JAPANESE_UNITS: Record<string, string> = { JPY: "円", USD: "米ドル", EUR: "ユーロ", GBP: "英ポンド", CNY: "人民元" };

/**
 * Formats an amount as a Japanese credit officer writes it: 1,234,568円,
 * 2,000米ドル; other currencies keep their code after the number.
 *
 * @example
 * amountJa(1234567.8, "JPY") // "1,234,568円"
 * amountJa(5000, "AUD") // "5,000 AUD"
 */
export function amountJa(value: number, currency: string, digits = 0): string {
  const unit = JAPANESE_UNITS[currency];
  return unit === undefined ? `${grouped(value, digits)} ${currency}` : `${grouped(value, digits)}${unit}`;
}

function grouped(value: number, digits: number): string {
  const text = numberFormat(digits).format(value);
  return text === "-0" ? "0" : text;
}

/**
 * Formats a plain number (a ratio or an index) with up to `digits` decimals.
 *
 * @example
 * decimal(1.23456) // "1.235"
 */
export function decimal(value: number, digits = 3): string {
  return numberFormat(digits).format(value);
}

const SEVERITY_JA: Record<Severity, string> = { info: "参考", low: "低", medium: "中", high: "高", critical: "重大" };

/**
 * The Japanese label of a severity, as the Japanese report prints it.
 *
 * @example
 * severityJa("high") // "高"
 */
export function severityJa(severity: Severity): string {
  return SEVERITY_JA[severity];
}

/**
 * Ids of positions for a message, joined for English or Japanese.
 *
 * @example
 * idList(["a", "b"], "ja") // "a、b"
 */
export function idList(ids: readonly string[], language: "en" | "ja"): string {
  return ids.join(language === "ja" ? "、" : ", ");
}

// Built once per number of digits: building an Intl.NumberFormat costs far more than formatting with one
// (what `toLocaleString` with options does on every call).
const FORMATS = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let format = FORMATS.get(digits);
  if (!format) FORMATS.set(digits, (format = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits })));
  return format;
}
