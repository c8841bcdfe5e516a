import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD`: `2026-02-29`
 * is not (2026 is no leap year), `2028-02-29` is.
 *
 * @example
 * isCalendarDate("2026-11-30") // true
 * isCalendarDate("2026-02-30") // false
 */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date, `YYYY-MM-DD`; YAML keeps an unquoted date a string, so files may write either. */
export const CalendarDateSchema = z.string().regex(ISO_DATE, "must be a date written YYYY-MM-DD").refine(isCalendarDate, "is not a real calendar date");

/**
 * Today's date in UTC, `YYYY-MM-DD`: what an assessment speaks for when the
 * case gives no `asOf`.
 *
 * @example
 * todayUtc(new Date("2026-11-30T23:59:00+09:00")) // "2026-11-30"
 */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whole days from `earlier` to `later` (both `YYYY-MM-DD`); negative when
 * `earlier` is after `later`.
 *
 * @example
 * daysBetween("2026-10-31", "2026-11-30") // 30
 */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
}
