import { DECISIONS } from "@kyocho/core/assessment";
import { DECISION_WORDS, EMBEDDED_NOTE, findingChangeText, formatAmount, policyTitle, ratingMoves, ruleRows, type WhatIfReport } from "./whatif-report.js";

/**
 * The what-if for a terminal: the policy changes, the decision changes
 * (from → to, counts), every changed case with the rules that moved, the
 * rules that fire on a different number of cases, and the exposure by
 * decision.
 */
export function renderWhatIfText(report: WhatIfReport): string {
  const { summary: s, changes } = report;
  const out: string[] = [];
  out.push(`Policy what-if: ${policyTitle(s.policies.before)} → ${policyTitle(s.policies.after)}`);
  out.push(`Cases: ${s.cases} re-assessed from ${report.source}${s.errors ? `, ${s.errors} not assessed (input errors)` : ""}`);
  out.push(EMBEDDED_NOTE, "");
  out.push("What changed in the policy:");
  for (const c of changes) out.push(`  - ${c.text}`);
  if (changes.length === 0) out.push("  (nothing: the two policies validate to the same content)");
  out.push(
    "",
    `Decisions: ${s.decisionChanged} changed, ratings: ${s.ratingChanged} changed, findings: ${s.findingsChanged} case(s) changed, incomplete: ${s.incomplete.before} → ${s.incomplete.after}`,
  );
  for (const from of DECISIONS)
    for (const to of DECISIONS)
      if (from !== to && s.decisions[from][to] > 0) out.push(`  ${DECISION_WORDS[from]} → ${DECISION_WORDS[to]}: ${s.decisions[from][to]}`);
  for (const move of ratingMoves(s)) out.push(`  rating ${move}`);
  if (s.changedTotal > 0) {
    out.push("", "Cases that changed:");
    for (const c of s.changed) {
      const moved =
        c.before.decision !== c.after.decision
          ? `${DECISION_WORDS[c.before.decision]} → ${DECISION_WORDS[c.after.decision]}`
          : `${DECISION_WORDS[c.after.decision]} (unchanged)`;
      out.push(
        `  ${String(c.id)}: ${moved}; rating ${c.before.rating} → ${c.after.rating}${c.before.incomplete !== c.after.incomplete ? `; incomplete ${c.before.incomplete} → ${c.after.incomplete}` : ""}`,
      );
      for (const f of c.findingChanges) out.push(`      ${findingChangeText(f)}`);
    }
    if (s.changedOmitted > 0) out.push(`  … and ${s.changedOmitted} more (in the JSON or HTML output's changed-case files)`);
  }
  const rules = ruleRows(s).filter(([, b, a]) => b !== a);
  out.push("", "Rules firing on a different number of cases:");
  for (const [r, b, a] of rules) out.push(`  ${r}: ${b} → ${a}`);
  if (rules.length === 0) out.push("  (none)");
  for (const [currency, e] of Object.entries(s.exposure)) {
    out.push("", `Facility amounts by decision (${currency}):`);
    for (const d of DECISIONS) if (e.before[d] || e.after[d]) out.push(`  ${DECISION_WORDS[d]}: ${formatAmount(e.before[d])} → ${formatAmount(e.after[d])}`);
  }
  return `${out.join("\n")}\n`;
}
