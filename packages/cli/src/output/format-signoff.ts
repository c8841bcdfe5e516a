import { printableDeep } from "@kyocho/core/validation";
import type { Assessment } from "@kyocho/core";
import type { Signoff } from "@kyocho/core/assessment";
import type { Style } from "./style.js";

/**
 * One line for where an assessment stands in its 稟議, as `kyocho ask` and
 * `kyocho signoff` print it: "Sign-off AWAITING credit_committee (1 of 2 signatures)".
 */
export function signoffLine(signoff: Signoff, style: Style): string {
  const { required } = signoff;
  if (signoff.status === "awaiting_signoff") {
    return `${style.bold("Sign-off")} ${style.severity("medium", "AWAITING")} ${required.role} (${signoff.signatures.length} of ${required.signatures} signature${required.signatures === 1 ? "" : "s"})`;
  }
  const final = signoff.status.replaceAll("_", " ").toUpperCase();
  return `${style.bold("Sign-off")} ${style.bold(final)} by ${signoff.signatures.map((s) => `${s.name} (${s.role})`).join(", ")}${signoff.returnedReason ? `: ${signoff.returnedReason}` : ""}`;
}

/** What `kyocho signoff` prints: the assessment, its status after the signature, and every override in words. */
export function formatSignoff(assessment: Assessment, style: Style): string {
  const a = printableDeep(assessment);
  const signoff = a.signoff!;
  const lines = [`kyocho assessment ${a.id}${a.caseId ? ` · case ${a.caseId}` : ""}`, signoffLine(signoff, style)];
  for (const s of signoff.signatures) {
    lines.push(
      `  ${s.at}  ${s.name} (${s.role}): ${s.decision}${s.conditions.length > 0 ? ` — ${s.conditions.join("; ")}` : ""}${s.reason ? style.dim(` (reason: ${s.reason})`) : ""}`,
    );
    if (s.override)
      lines.push(
        style.severity(
          "high",
          `  ${s.decision} against ${/^[aeiou]/.test(signoff.required.basis.recommendation) ? "an" : "a"} ${signoff.required.basis.recommendation} recommendation by ${s.name}, reason: ${s.reason ?? ""}`,
        ),
      );
  }
  if (signoff.status === "approved_with_conditions") lines.push("Conditions", ...signoff.conditions.map((c, i) => `  ${i + 1}. ${c}`));
  return `${lines.join("\n")}\n`;
}
