import { createHash } from "node:crypto";

/**
 * A deterministic assessment id: the same question, case and policy always
 * get the same id, so a re-submitted question maps to the same queue jobs
 * and is never run twice.
 *
 * @example
 * assessmentIdFor({ question: "Can we lend?", case: c, policyId: "reference-v1" }) // "a-3f9c…"
 */
export function assessmentIdFor(input: { question?: string | undefined; case?: unknown; policyId: string }): string {
  const digest = createHash("sha256").update(stableStringify([input.question ?? "", input.case ?? null, input.policyId])).digest("hex");
  return `a-${digest.slice(0, 20)}`;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}
