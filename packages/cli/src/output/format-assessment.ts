import { printableDeep } from "@kyocho/core/validation";
import type { Assessment, Finding } from "@kyocho/core";
import type { Veto } from "@kyocho/core/assessment";
import { dependencyText } from "@kyocho/report";
import type { Style } from "./style.js";

/**
 * The assessment as an analyst reads it in a terminal: decision first, then
 * findings by severity with the numbers and the rule they come from, the
 * conditions, what was missing, and how each expert fared.
 *
 * @example
 * process.stdout.write(formatAssessment(assessment, createStyle(process.stdout)));
 */
export function formatAssessment(assessment: Assessment, style: Style): string {
  // Case text and model answers are printed: their control characters are shown, never obeyed by the terminal.
  const a = printableDeep(assessment);
  const lines: string[] = [];
  const head = `${style.bold("Decision")} ${style.decision(a.decision, a.decision.toUpperCase())}   ${style.bold("Rating")} ${style.severity(a.rating, a.rating.toUpperCase())}${a.incomplete ? `   ${style.severity("high", "INCOMPLETE")}` : ""}`;
  lines.push(`kyocho assessment ${a.id}${a.caseId ? ` · case ${a.caseId}` : ""} · ${a.policy.name}${a.asOf ? ` · as of ${a.asOf}` : ""}`);
  if (a.question) lines.push(style.dim(`Q: ${a.question}`));
  lines.push("", head);
  // A veto is read first: nothing below it can change the decision.
  for (const v of a.vetoes ?? []) lines.push(style.severity("critical", `Declined: ${vetoName(v)} veto — ${v.message}`) + style.dim(` (${v.ruleId})`));
  lines.push(a.summary, "");
  if (a.executiveSummary) {
    lines.push(
      style.bold("Executive summary"),
      a.executiveSummary.text,
      style.dim(`  written by ${a.executiveSummary.model} at ${a.executiveSummary.host}; rating and decision are the policy's`),
      "",
    );
  }

  lines.push(style.bold("Findings"));
  if (a.findings.length === 0) lines.push("  none");
  for (const f of a.findings) lines.push(...formatFinding(f, style));

  if (a.conditions.length > 0) {
    lines.push("", style.bold("Conditions"));
    a.conditions.forEach((c, i) => lines.push(`  ${i + 1}. ${c}`));
  }
  if (a.missing.length > 0) {
    lines.push("", style.bold("Missing (the assessment is incomplete)"));
    for (const m of a.missing) lines.push(`  - ${m.message}`);
  }

  lines.push("", style.bold("Experts"));
  const width = Math.max(...a.experts.map((e) => e.name.length), 6);
  for (const e of a.experts) {
    const task = a.plan.tasks.find((t) => t.id === e.taskId);
    const after = task && task.dependsOn.length > 0 ? style.dim(` after ${dependencyText(task, "its answer").join(", ")}`) : "";
    const latency = e.latencyMs !== undefined ? `${e.latencyMs.toFixed(1)} ms` : "-";
    const status = e.status === "ok" ? e.status : style.severity("high", e.status);
    lines.push(
      `  ${e.name.padEnd(width)}  ${status.padEnd(e.status === "ok" ? 7 : 7 + (status.length - e.status.length))}  ${e.role.padEnd(8)}  ${latency.padStart(9)}  ${e.findings} finding${e.findings === 1 ? "" : "s"}${after}${e.error ? `  ${style.dim(e.error.message)}` : ""}`,
    );
  }
  const modelLines = a.experts.filter((e) => e.modelUse);
  if (modelLines.length > 0) {
    lines.push("", style.bold("Models"));
    for (const e of modelLines) {
      const m = e.modelUse!;
      const outcome =
        m.outcome === "accepted"
          ? `accepted, ${m.findingsAdded} finding(s) added`
          : style.severity("medium", `fallback to the rules: ${m.reason ?? "no reason given"}`);
      lines.push(
        `  ${e.name.padEnd(width)}  ${m.model} at ${m.host} (${m.reasoning ? "reasoning" : "non-thinking"}, ${m.calls} call(s), ${m.latencyMs.toFixed(0)} ms): ${outcome}`,
      );
      if (m.narrative) lines.push(style.dim(`  ${" ".repeat(width)}  ${truncate(m.narrative, 300)}`));
    }
  }

  const metricLines = a.experts.filter((e) => Object.values(e.metrics).some((v) => v !== null));
  if (metricLines.length > 0) {
    lines.push("", style.bold("Key metrics"));
    for (const e of metricLines) lines.push(`  ${e.name.padEnd(width)}  ${formatMetrics(e.metrics, 8)}`);
  }

  // What the experts' knowledge documents say about the question: the whole answer of a question-only run.
  const guidance = a.experts.filter((e) => e.citations.length > 0);
  if (guidance.length > 0) {
    lines.push("", style.bold("Knowledge consulted"));
    for (const e of guidance) {
      for (const c of e.citations.slice(0, 2)) {
        lines.push(`  ${e.name.padEnd(width)}  ${c.document} § ${c.section}`);
        if (c.excerpt) lines.push(style.dim(`  ${" ".repeat(width)}  ${truncate(c.excerpt, 160)}`));
      }
    }
  }
  if (a.plan.warnings.length > 0) {
    lines.push("", style.bold("Plan warnings"));
    for (const w of a.plan.warnings) lines.push(`  - ${w}`);
  }
  return `${lines.join("\n")}\n`;
}

function formatMetrics(metrics: Record<string, number | null>, limit: number): string {
  const entries = Object.entries(metrics).filter(([, v]) => v !== null);
  const shown = entries.slice(0, limit).map(([k, v]) => `${k}=${formatNumber(v!)}`);
  return entries.length > limit ? `${shown.join(" ")} (+${entries.length - limit} more in --json)` : shown.join(" ");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function formatFinding(f: Finding, style: Style): string[] {
  const metrics = formatMetrics(f.metrics, 8);
  const cite = f.citations.map((c) => `${c.document} § ${c.section}`).join("; ");
  const out = [`  ${style.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.ruleId.padEnd(15)} ${f.expert.padEnd(8)} ${f.message}`];
  if (metrics) out.push(style.dim(`  ${" ".repeat(8)} ${" ".repeat(15)} ${" ".repeat(8)} ${metrics}`));
  if (f.fields && f.fields.length > 0) out.push(style.dim(`  ${" ".repeat(33)} fields: ${f.fields.join(", ")}`));
  if (cite) out.push(style.dim(`  ${" ".repeat(33)} ↳ ${cite}`));
  return out;
}

/** Numbers as people read them: ratios to 3 decimals, large amounts grouped. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return value.toLocaleString("en-US");
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  return String(Math.round(value * 1000) / 1000);
}

/** A veto as the analyst says it: "sanctions veto", "anti-social forces veto"; a policy's own vetoes by their title. */
function vetoName(v: Veto): string {
  if (v.ruleId === "LEG-SANC") return "sanctions";
  if (v.ruleId === "LEG-ASF") return "anti-social forces (反社)";
  return v.title.toLowerCase();
}
