import { SEVERITIES } from "@kyocho/core/assessment";
import type { Assessment } from "@kyocho/core";
import { dependencyText } from "./dependency-text.js";
import { markdownCode as code, escapeMarkdown as m } from "./markdown-escape.js";
import { withoutModelNote, type ReportOptions } from "./render-html.js";
import { formatGeneratedAt, formatLatency, formatMetric } from "./report-format.js";
import { localizeAssessment } from "./localize-assessment.js";
import { reportLabels } from "./report-labels.js";
import { signoffView } from "./signoff-view.js";
import { domainViews } from "./report-model.js";

/**
 * The assessment as Markdown, for a ticket, a wiki page or an e-mail: the
 * same sections as the HTML report, with the heat map as a table and the
 * plan as a list of sub-tasks and what they run after. Every string from the
 * case or the assessment is escaped.
 *
 * @example
 * writeFileSync("report.md", renderMarkdown(assessment));
 */
export function renderMarkdown(assessment: Assessment, options: ReportOptions = {}): string {
  const l = reportLabels(options.language ?? "auto", assessment.question);
  const a = localizeAssessment(assessment, l.lang);
  const generated = formatGeneratedAt(options.generatedAt ?? new Date());
  const policy = `${a.policy.name}${a.policy.version ? ` v${a.policy.version}` : ""}`;
  const domains = domainViews(a);
  const out: string[] = [];
  const row = (cells: string[]) => out.push(`| ${cells.join(" | ")} |`);

  out.push(`# ${l.title}: ${m(l.decisions[a.decision])} (${m(l.ratingLabel)} ${m(l.severities[a.rating])})`, "");
  // A veto is the first thing a reader sees: nothing below it can change the decision.
  for (const v of a.vetoes ?? []) out.push(`**${m(l.veto(v))}**`, "");
  if (a.question) out.push(`> ${m(a.question)}`, "");
  out.push(
    [
      a.caseId ? `${l.caseLabel} ${code(a.caseId)}` : "",
      `${l.assessmentLabel} ${code(a.id)}`,
      `${l.policyLabel} ${m(policy)}`,
      a.asOf ? `${l.asOfLabel} ${a.asOf}` : "",
      `${l.generatedLabel} ${generated}`,
    ]
      .filter(Boolean)
      .join(" · "),
    "",
  );
  out.push(
    `**${l.decisionLabel}: ${m(l.decisions[a.decision])}** · **${l.ratingLabel}: ${m(l.severities[a.rating])}**${a.incomplete ? ` · **${l.incomplete}**` : ""}`,
    "",
  );
  out.push(m(l.decisionNotes[a.decision]), "", m(l.summary(a)), "");
  for (const r of a.reasons) out.push(`- ${m(r)}`);
  if (a.reasons.length > 0) out.push("");

  if (a.signoff) {
    const v = signoffView(a.signoff, l);
    out.push(`## ${m(v.heading)}: ${m(v.statusText)}`, "");
    for (const o of v.overrides) out.push(`**${m(o)}**`, "");
    if (v.returned) out.push(`**${m(v.returned)}**`, "");
    for (const fact of [v.needs, v.basis, v.requestedBy]) if (fact) out.push(`- ${m(fact)}`);
    out.push("");
    if (v.rows.length === 0) out.push(m(v.none), "");
    else {
      row(v.columns.map((c) => m(c)));
      row(v.columns.map(() => "---"));
      for (const r of v.rows) row([m(r.name), m(r.role), m(r.at), m(r.decision), r.conditions.map((c) => m(c)).join("; "), m(r.reason)]);
      out.push("");
    }
    if (v.conditions.length > 0) {
      out.push(`**${m(v.conditionsHeading)}**`, "");
      v.conditions.forEach((c, i) => out.push(`${i + 1}. ${m(c)}`));
      out.push("");
    }
  }
  if (a.executiveSummary) {
    out.push(
      `## ${l.executiveSummary}`,
      "",
      m(a.executiveSummary.text),
      "",
      `_${m(l.executiveSummaryNote(a.executiveSummary.model, a.executiveSummary.host))}_`,
      "",
    );
  }
  if (a.missing.length > 0) {
    out.push(`## ${l.missing}`, "", `${m(l.incompleteNote)} ${m(l.missingNote)}`, "");
    for (const item of a.missing) out.push(`- ${m(item.message)}${item.fields?.length ? ` (${m(l.fields)}: ${m(item.fields.join(", "))})` : ""}`);
    out.push("");
  }

  out.push(`## ${l.heatMap}`, "");
  row([l.domainColumn, ...SEVERITIES.map((s) => l.severities[s]), l.ratingLabel]);
  row(["---", ...SEVERITIES.map(() => "---:"), "---"]);
  for (const d of domains)
    row([m(l.domains[d.domain] ?? d.domain), ...SEVERITIES.map((s) => (d.counts[s] > 0 ? `**${d.counts[s]}**` : "·")), `**${m(l.severities[d.rating])}**`]);
  out.push("");

  out.push(`## ${l.conditions}`, "");
  if (a.conditions.length === 0) out.push(m(l.conditionsNone));
  a.conditions.forEach((c, i) => out.push(`${i + 1}. ${m(c)}`));
  out.push("");

  out.push(`## ${l.findings}`, "");
  for (const d of domains) {
    out.push(`### ${m(l.domains[d.domain] ?? d.domain)} (${m(l.severities[d.rating])})`, "");
    if (d.findings.length === 0) {
      out.push(m(l.noDomainFindings), "");
      continue;
    }
    row([l.severityColumn, l.ruleColumn, l.findingColumn]);
    row(["---", "---", "---"]);
    for (const f of d.findings) {
      const details = [
        m(f.message),
        Object.keys(f.metrics).length > 0
          ? Object.entries(f.metrics)
              .map(([k, v]) => `${m(k)} ${m(formatMetric(k, v))}`)
              .join(", ")
          : "",
        f.condition ? `${m(l.condition)}: ${m(f.condition)}` : "",
        f.fields?.length ? `${m(l.fields)}: ${m(f.fields.join(", "))}` : "",
        f.citations.length > 0 ? `${m(l.sources)}: ${f.citations.map((c) => `${m(c.document)} § ${m(c.section)}`).join("; ")}` : "",
      ].filter(Boolean);
      row([`**${m(l.severities[f.severity])}**`, `${m(f.title)} ${code(f.ruleId)}${f.source === "model" ? ` (${m(l.fromModel)})` : ""}`, details.join("<br>")]);
    }
    out.push("");
  }

  out.push(`## ${l.plan}`, "", m(l.planCaption(a.plan.planner, a.plan.tasks.length)), "");
  for (const t of a.plan.tasks) {
    out.push(
      `- **${m(l.domains[t.expert] ?? t.expert)}** (${code(t.id)}, ${m(l.roles[t.role])})${t.dependsOn.length > 0 ? ` ← ${m(dependencyText(t, l.awaitsAnswer).join(", "))}` : ""}${t.speculative ? ` _(${m(l.speculative)})_` : ""}: ${m(t.question)}`,
    );
  }
  out.push(`- **${m(l.merge)}** → ${m(l.decisions[a.decision])}`, "");
  if (a.plan.warnings.length > 0) {
    out.push(`${m(l.planWarnings)}:`, "");
    for (const w of a.plan.warnings) out.push(`- ${m(w)}`);
    out.push("");
  }

  out.push(`## ${l.experts}`, "");
  row([l.expertColumn, l.roleColumn, l.statusColumn, l.modelColumn, l.latencyColumn, l.findingsColumn, l.notesColumn]);
  row(["---", "---", "---", "---", "---:", "---:", "---"]);
  for (const e of a.experts) {
    const model = e.modelUse ? `${e.modelUse.model} @ ${e.modelUse.host}` : (e.model ?? l.rulesOnly);
    const notes = [...(e.error ? [`${e.error.code}: ${e.error.message}`] : []), ...withoutModelNote(e)].map(m).join("<br>");
    row([`**${m(e.name)}**`, m(l.roles[e.role]), m(l.statuses[e.status]), m(model), formatLatency(e.latencyMs), String(e.findings), notes]);
  }
  out.push("");

  const used = a.experts.filter((e) => e.modelUse);
  if (used.length > 0) {
    out.push(`## ${l.models}`, "");
    row([l.expertColumn, l.modelColumn, l.modeColumn, l.callsColumn, l.latencyColumn, l.outcomeColumn]);
    row(["---", "---", "---", "---:", "---:", "---"]);
    for (const e of used) {
      const u = e.modelUse!;
      const outcome = u.outcome === "accepted" ? l.accepted(u.findingsAdded) : `${l.fallback}${u.reason ? `: ${u.reason}` : ""}`;
      row([m(e.name), m(`${u.model} @ ${u.host}`), m(u.reasoning ? l.reasoningOn : l.reasoningOff), String(u.calls), formatLatency(u.latencyMs), m(outcome)]);
    }
    out.push("");
  }

  const withMetrics = a.experts.filter((e) => Object.values(e.metrics).some((v) => v !== null));
  if (withMetrics.length > 0) {
    out.push(`## ${l.metrics}`, "");
    for (const e of withMetrics) {
      out.push(
        `**${m(l.domains[e.domain] ?? e.name)}**: ${Object.entries(e.metrics)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => `${m(k)} ${m(formatMetric(k, v))}`)
          .join(" · ")}`,
        "",
      );
    }
  }

  out.push(`## ${l.knowledge}`, "");
  const consulted = a.experts.filter((e) => e.citations.some((c) => c.excerpt));
  if (consulted.length === 0) out.push(m(l.knowledgeNone), "");
  for (const e of consulted) {
    out.push(`**${m(l.domains[e.domain] ?? e.name)}**`, "");
    for (const c of e.citations.filter((x) => x.excerpt)) out.push(`- ${m(c.document)} § ${m(c.section)}: ${m(c.excerpt)}`);
    out.push("");
  }

  out.push("---", "", `_${m(l.footer(policy))}_`, "");
  if (a.policy.sha256) out.push(`_${m(l.policyFingerprint(a.policy.id, a.policy.sha256))}_`, "");
  return out.join("\n");
}
