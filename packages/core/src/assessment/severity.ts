import { z } from "zod";

/** Finding severities, low to high. */
export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Ratings are severities without `info` (which counts as `low`). */
export const RATINGS = ["low", "medium", "high", "critical"] as const;
export const RatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof RatingSchema>;

/**
 * Compares two severities by rank.
 *
 * @example
 * [..."high critical low".split(" ")].sort(compareSeverity) // low, high, critical
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return compareSeverity(a, b) >= 0 ? a : b;
}

/** A severity as a rating: `info` counts as `low`. */
export function toRating(severity: Severity): Rating {
  return severity === "info" ? "low" : severity;
}
