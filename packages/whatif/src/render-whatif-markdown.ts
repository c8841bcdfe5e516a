import { DECISIONS } from "@kyocho/core/assessment";
import {
  DECISION_WORDS,
  EMBEDDED_NOTE,
  findingChangeText,
  formatAmount,
  policyTitle,
  ratingMoves,
  ruleRows,
  usedDecisions,
  type WhatIfReport,
} from "./whatif-report.js";

const cell = (value: unknown) =>
  String(value)
    .replace(/[\\|`*_[\]<>]/g, (ch) => `\\${ch}`)
    .replace(/\r?\n/g, " ");

/** The what-if as Markdown: the same sections as the HTML report, the matrix as a table. */
export function renderWhatIfMarkdown(report: WhatIfReport): string {
  const { summary: s } = report;
  const out: string[] = [];
  // Cells are written as given: whatever comes from a case or a policy is escaped with cell() where it is put in.
  const row = (cells: Array<string | number>) => out.push(`| ${cells.join(" | ")} |`);
  out.push(`# Policy what-if: ${cell(policyTitle(s.policies.before))} → ${cell(policyTitle(s.policies.after))}`, "");
  out.push(
    `${s.cases} case(s) re-assessed from ${cell(report.source)}${s.errors ? `; ${s.errors} input(s) could not be assessed` : ""}. Generated ${report.generatedAt}.`,
    "",
  );
  out.push(`> ${EMBEDDED_NOTE}`, "", "## What changed in the policy", "");
  for (const c of report.changes) out.push(`- ${cell(c.text)}`);
  if (report.changes.length === 0) out.push("- nothing: the two policies validate to the same content");
  const used = usedDecisions(s);
  out.push("", "## Decisions (rows: before, columns: after)", "");
  row(["before → after", ...used.map((d) => DECISION_WORDS[d])]);
  row(["---", ...used.map(() => "---:")]);
  for (const from of used)
    row([DECISION_WORDS[from], ...used.map((to) => (from === to ? s.decisions[from][to] : s.decisions[from][to] ? `**${s.decisions[from][to]}**` : "·"))]);
  out.push(
    "",
    `Decisions changed: ${s.decisionChanged}; ratings changed: ${s.ratingChanged}; cases whose findings changed: ${s.findingsChanged}; incomplete: ${s.incomplete.before} → ${s.incomplete.after} (${s.incomplete.became} became, ${s.incomplete.cleared} no longer).`,
    "",
  );
  if (ratingMoves(s).length > 0) out.push(`Rating moves: ${ratingMoves(s).join("; ")}.`, "");
  out.push("## Cases that changed", "");
  if (s.changedTotal === 0) out.push("None.");
  else {
    row(["case", "decision", "rating", "why"]);
    row(["---", "---", "---", "---"]);
    for (const c of s.changed)
      row([
        cell(c.id),
        `${DECISION_WORDS[c.before.decision]} → ${DECISION_WORDS[c.after.decision]}`,
        `${c.before.rating} → ${c.after.rating}`,
        cell(c.findingChanges.map(findingChangeText).join("; ")),
      ]);
    if (s.changedOmitted > 0) out.push("", `… and ${s.changedOmitted} more changed case(s), not listed here.`);
  }
  out.push("", "## Rules: cases each fires on", "");
  row(["rule", "before", "after"]);
  row(["---", "---:", "---:"]);
  for (const [r, b, a] of ruleRows(s)) row([cell(r), b, b === a ? a : `**${a}**`]);
  for (const [currency, e] of Object.entries(s.exposure)) {
    out.push("", `## Facility amounts by decision (${cell(currency)})`, "");
    row(["decision", "before", "after"]);
    row(["---", "---:", "---:"]);
    for (const d of DECISIONS) if (e.before[d] || e.after[d]) row([DECISION_WORDS[d], formatAmount(e.before[d]), formatAmount(e.after[d])]);
  }
  out.push(
    "",
    `_Policies: ${cell(s.policies.before.id)} SHA-256 ${s.policies.before.sha256}; ${cell(s.policies.after.id)} SHA-256 ${s.policies.after.sha256}._`,
    "",
  );
  return out.join("\n");
}
