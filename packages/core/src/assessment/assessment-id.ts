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
  const digest = createHash("sha256")
    .update(stableStringify([input.question ?? "", input.case ?? null, input.policyId]))
    .digest("hex");
  return `a-${digest.slice(0, 20)}`;
}

/**
 * JSON with object keys sorted and `undefined` members left out, so equal
 * values always give equal text. Written without intermediate arrays per
 * object: it runs for every assessment id and every queue job id.
 *
 * @example
 * stableStringify({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + stableStringify(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Default sort: UTF-16 code units, the same order as comparing the keys with < and >.
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${stableStringify(member)}`;
    first = false;
  }
  return `${out}}`;
}
