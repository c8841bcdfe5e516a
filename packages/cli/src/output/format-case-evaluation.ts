import type { CaseEvaluation, ConfigurationResult } from "@kyocho/eval";
import type { Style } from "./style.js";

const figure = (n: number | null) => (n === null ? "–" : n.toFixed(3));
const ms = (n: number) => (n < 1000 ? `${n.toFixed(1)} ms` : `${(n / 1000).toFixed(2)} s`);

/**
 * A case evaluation for a terminal: decision and rating accuracy, the
 * findings' precision and recall, mean and p95 response time, the table of
 * per-rule precision and recall, and every case that differed from its
 * expected result.
 */
export function formatCaseEvaluation(dir: string, configuration: string, e: CaseEvaluation, style: Style): string {
  const lines = [
    style.bold(`Cases: ${dir} (${e.cases} with expected results, ${configuration})`),
    `  decision accuracy  ${figure(e.decisionAccuracy)}  (${e.correctDecisions}/${e.cases})`,
    `  rating accuracy    ${figure(e.ratingAccuracy)}  (${e.correctRatings}/${e.cases})`,
    `  findings           precision ${figure(e.findings.precision)}  recall ${figure(e.findings.recall)}  (${e.findings.truePositives} right, ${e.findings.falsePositives} extra, ${e.findings.falseNegatives} missed)`,
    `  response time      mean ${ms(e.latency.meanMs)}  p95 ${ms(e.latency.p95Ms)}  max ${ms(e.latency.maxMs)}`,
    "",
    style.dim("  rule               expected  reported  precision  recall"),
  ];
  for (const r of e.byRule) {
    const expected = r.truePositives + r.falseNegatives;
    const reported = r.truePositives + r.falsePositives;
    lines.push(
      `  ${r.ruleId.padEnd(18)} ${String(expected).padStart(8)}  ${String(reported).padStart(8)}  ${figure(r.precision).padStart(9)}  ${figure(r.recall).padStart(6)}`,
    );
  }
  lines.push("");
  if (e.mismatches.length === 0) {
    lines.push("Every case matched its expected result.");
  } else {
    lines.push(style.bold(`Differences (${e.mismatches.length} case${e.mismatches.length === 1 ? "" : "s"})`));
    for (const m of e.mismatches) {
      const parts = [
        m.decision ? `decision ${m.decision.actual}, expected ${m.decision.expected}` : "",
        m.rating ? `rating ${m.rating.actual}, expected ${m.rating.expected}` : "",
        m.incomplete ? `incomplete ${m.incomplete.actual}, expected ${m.incomplete.expected}` : "",
        m.error ? `error: ${m.error}` : "",
      ].filter(Boolean);
      lines.push(`  ${m.name}${parts.length ? `: ${parts.join("; ")}` : ""}`);
      if (m.missed.length > 0) lines.push(style.dim(`    missed: ${m.missed.join(", ")}`));
      if (m.extra.length > 0) lines.push(style.dim(`    extra:  ${m.extra.join(", ")}`));
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Configurations side by side, one row each, in the format
 * `configuration | reasoning | context | accuracy | mean response time`
 * (accuracy is decision accuracy; `–` where a setting does not apply).
 */
export function formatComparison(dir: string, rows: readonly ConfigurationResult[], style: Style): string {
  const cells = rows.map((r) => [
    r.name,
    r.reasoning === null ? "–" : String(r.reasoning),
    r.context === null ? "–" : String(r.context),
    `${figure(r.evaluation.decisionAccuracy)} (${r.evaluation.correctDecisions}/${r.evaluation.cases})`,
    ms(r.evaluation.latency.meanMs),
  ]);
  const head = ["configuration", "reasoning", "context", "accuracy", "mean response time"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i >= 3 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(" | ");
  const cases = rows[0]?.evaluation.cases ?? 0;
  return [
    style.bold(`Cases: ${dir} (${cases} with expected results), ${rows.length} configuration${rows.length === 1 ? "" : "s"}`),
    style.dim(line(head)),
    widths.map((w) => "-".repeat(w)).join("-|-"),
    ...cells.map(line),
    "",
    style.dim("accuracy: share of cases with the expected decision; response time: one whole assessment (plan, experts, merge)."),
    "",
  ].join("\n");
}
