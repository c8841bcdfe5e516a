import { daysBetween } from "@kyocho/core/case";

/** How current a piece of dated evidence is on the assessment date. */
export type EvidenceAge =
  { state: "missing" } | { state: "undated" } | { state: "stale"; date: string; ageDays: number } | { state: "current"; date: string; ageDays: number };

/**
 * Ages a piece of evidence against `asOf`: missing, undated (a v1 yes/no
 * with no date, which a compliance officer cannot file as evidence), stale
 * (older than `maxAgeDays`), or current.
 *
 * @example
 * evidenceAge({ date: "2026-10-01" }, "2026-11-30", 30) // { state: "stale", date: "2026-10-01", ageDays: 60 }
 */
export function evidenceAge(evidence: { date?: string | undefined } | undefined, asOf: string, maxAgeDays: number): EvidenceAge {
  if (!evidence) return { state: "missing" };
  if (!evidence.date) return { state: "undated" };
  const ageDays = daysBetween(evidence.date, asOf);
  return ageDays > maxAgeDays ? { state: "stale", date: evidence.date, ageDays } : { state: "current", date: evidence.date, ageDays };
}
