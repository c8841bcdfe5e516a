import { SEVERITIES, type ExpertSummary } from "@kyocho/core/assessment";
import type { Assessment, Citation, Finding } from "@kyocho/core";
import { dependencyText } from "./dependency-text.js";
import { heatMapSvg } from "./heat-map-svg.js";
import { escapeHtml as h } from "./html-escape.js";
import { planDiagramSvg } from "./plan-diagram-svg.js";
import { formatGeneratedAt, formatLatency, formatMetric } from "./report-format.js";
import { localizeAssessment } from "./localize-assessment.js";
import { signoffView, type SignoffView } from "./signoff-view.js";
import { reportLabels, type ReportLabels, type ReportLanguage } from "./report-labels.js";
import { domainViews, type DomainView } from "./report-model.js";
import { reportStyles } from "./report-styles.js";
import { REPORT_CONTENT_SECURITY_POLICY } from "./report-content-security-policy.js";

/** Options of {@link renderHtml} and {@link renderMarkdown}. */
export interface ReportOptions {
  /** `auto` (default): Japanese labels when the question is in Japanese. */
  language?: ReportLanguage | "auto";
  /** When the report was made; default now. Pass a fixed date for reproducible files. */
  generatedAt?: Date;
}

/**
 * The assessment as one self-contained HTML page for a credit committee:
 * the decision and rating first, the risk heat map, the conditions, each
 * domain's findings with their metrics and citations, what was missing,
 * the plan as a dependency diagram, the experts (status, role, model,
 * latency) and their models' fallbacks, the key metrics and the knowledge
 * consulted. Styles and SVG are inline, the fonts are the system's, a
 * Content-Security-Policy forbids any fetch or script, and every string from
 * the case or the assessment is escaped. Print-ready (A4).
 *
 * @example
 * writeFileSync("report.html", renderHtml(assessment));
 */
export function renderHtml(assessment: Assessment, options: ReportOptions = {}): string {
  const l = reportLabels(options.language ?? "auto", assessment.question);
  const a = localizeAssessment(assessment, l.lang);
  const generated = formatGeneratedAt(options.generatedAt ?? new Date());
  const domains = domainViews(a);
  const title = `${l.title} · ${a.caseId ?? a.id} · ${l.decisions[a.decision]}`;
  const body = [
    masthead(a, l, generated),
    verdict(a, l),
    a.signoff ? signoffSection(signoffView(a.signoff, l)) : "",
    a.executiveSummary ? executiveSummary(a, l) : "",
    a.incomplete || a.missing.length > 0 ? missing(a, l) : "",
    section(
      "heat-map",
      l.heatMap,
      `<figure><div class="figure-scroll">${heatMapSvg(domains, l)}</div><figcaption>${h(l.heatMapCaption)}</figcaption></figure>`,
    ),
    conditions(a, l),
    section("findings", l.findings, domains.map((d) => domainBlock(d, l)).join("") || `<p class="muted">${h(l.findingsNone)}</p>`),
    plan(a, l),
    experts(a, l),
    models(a, l),
    metrics(a, l),
    knowledge(a, l),
    `<footer><p>${h(l.footer(policyName(a)))}</p>${a.policy.sha256 ? `<p>${h(l.policyFingerprint(a.policy.id, a.policy.sha256))}</p>` : ""}<p>${h(l.assessmentLabel)} ${h(a.id)} · ${h(l.generatedLabel)} ${h(generated)} · kyocho</p></footer>`,
  ].join("\n");
  return `<!doctype html>
<html lang="${l.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kyocho">
<title>${h(title)}</title>
<style>${reportStyles()}</style>
</head>
<body>
<main class="report">
${body}
</main>
</body>
</html>
`;
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}"><h2>${h(heading)}</h2>${content}</section>`;
}

function policyName(a: Assessment): string {
  return `${a.policy.name}${a.policy.version ? ` v${a.policy.version}` : ""}`;
}

function masthead(a: Assessment, l: ReportLabels, generated: string): string {
  const meta = [
    a.caseId ? `<span>${h(l.caseLabel)} <b>${h(a.caseId)}</b></span>` : "",
    `<span>${h(l.assessmentLabel)} <b>${h(a.id)}</b></span>`,
    `<span>${h(l.policyLabel)} <b>${h(policyName(a))}</b></span>`,
    a.asOf ? `<span>${h(l.asOfLabel)} <b id="as-of">${h(a.asOf)}</b></span>` : "",
    `<span>${h(l.generatedLabel)} <b>${h(generated)}</b></span>`,
  ].join("");
  return `<header class="masthead"><div class="brand">${h(l.brand)}</div><div class="doc-title">${h(l.title)}</div>${
    a.question ? `<h1 class="question">${h(a.question)}</h1>` : `<h1 class="question">${h(a.caseId ?? a.id)}</h1>`
  }<div class="meta">${meta}</div></header>`;
}

function verdict(a: Assessment, l: ReportLabels): string {
  const bySeverity = [...SEVERITIES]
    .reverse()
    .map((s) => [s, a.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<span class="chip sev-${s}">${n} ${h(l.severities[s])}</span>`)
    .join(" ");
  const answered = a.experts.filter((e) => e.status === "ok").length;
  // A veto is the first thing a reader sees: nothing below it can change the decision.
  const vetoes =
    (a.vetoes ?? []).length > 0
      ? `<div class="vetoes" id="vetoes">${a.vetoes.map((v) => `<p class="veto" data-rule="${h(v.ruleId)}">${h(l.veto(v))}</p>`).join("")}</div>\n`
      : "";
  return `<section class="verdict decision-${a.decision}" id="verdict" aria-label="${h(l.decisionLabel)}">
${vetoes}<div><div class="label">${h(l.decisionLabel)}</div><div class="decision" id="decision" data-decision="${a.decision}">${h(l.decisions[a.decision])}</div><div class="decision-note">${h(l.decisionNotes[a.decision])}</div></div>
<ul class="facts">
<li><span class="label">${h(l.ratingLabel)}</span><span class="chip big sev-${a.rating}" id="rating" data-rating="${a.rating}">${h(l.severities[a.rating])}</span>${a.incomplete ? `<span class="chip big incomplete" id="incomplete">${h(l.incomplete)}</span>` : ""}</li>
<li>${h(l.findingsCount(a.findings.length))} ${bySeverity}</li>
<li>${h(l.expertsAnswered(answered, a.experts.length))}</li>
<li>${h(l.conditionsCount(a.conditions.length))}</li>
</ul>
<p class="summary">${h(l.summary(a))}</p>
${a.reasons.length > 0 ? `<ul class="reasons">${a.reasons.map((r) => `<li>${h(r)}</li>`).join("")}</ul>` : ""}
</section>`;
}

// Right after the verdict: who decided, or who still has to, is what a credit file is read for.
function signoffSection(v: SignoffView): string {
  const facts = [v.needs, v.basis, v.requestedBy]
    .filter(Boolean)
    .map((t) => `<li>${h(t!)}</li>`)
    .join("");
  const overrides = v.overrides.map((o) => `<p class="override">${h(o)}</p>`).join("");
  const returned = v.returned ? `<p class="returned">${h(v.returned)}</p>` : "";
  const head = `<tr>${v.columns.map((c) => `<th>${h(c)}</th>`).join("")}</tr>`;
  const rows = v.rows
    .map(
      (r) =>
        `<tr${r.override ? ' class="override"' : ""}><td>${h(r.name)}</td><td>${h(r.role)}</td><td>${h(r.at)}</td><td>${h(r.decision)}</td><td>${r.conditions.map((c) => h(c)).join("<br>")}</td><td>${h(r.reason)}</td></tr>`,
    )
    .join("");
  const table = v.rows.length > 0 ? `<table class="signatures"><thead>${head}</thead><tbody>${rows}</tbody></table>` : `<p class="muted">${h(v.none)}</p>`;
  const conditions =
    v.conditions.length > 0 ? `<h3>${h(v.conditionsHeading)}</h3><ol class="conditions">${v.conditions.map((c) => `<li>${h(c)}</li>`).join("")}</ol>` : "";
  return `<section id="signoff" data-status="${v.status}"><h2>${h(v.heading)}: ${h(v.statusText)}</h2>${overrides}${returned}<ul class="facts">${facts}</ul>${table}${conditions}</section>`;
}

function executiveSummary(a: Assessment, l: ReportLabels): string {
  const s = a.executiveSummary!;
  return section(
    "executive-summary",
    l.executiveSummary,
    `<div class="exec"><p>${h(s.text)}</p><p class="small muted">${h(l.executiveSummaryNote(s.model, s.host))}</p></div>`,
  );
}

function missing(a: Assessment, l: ReportLabels): string {
  const items = a.missing
    .map(
      (m) =>
        `<li>${h(m.message)}${m.fields && m.fields.length > 0 ? ` <span class="small muted">(${h(l.fields)}: ${h(m.fields.join(", "))})</span>` : ""}</li>`,
    )
    .join("");
  return `<section class="callout" id="missing"><h2>${h(l.missing)}</h2><p>${h(l.incompleteNote)} ${h(l.missingNote)}</p><ul>${items}</ul></section>`;
}

function conditions(a: Assessment, l: ReportLabels): string {
  if (a.conditions.length === 0) return section("conditions", l.conditions, `<p class="muted">${h(l.conditionsNone)}</p>`);
  const items = a.conditions.map((c) => {
    const from = a.findings.filter((f) => f.condition === c).map((f) => f.ruleId);
    return `<li>${h(c)}${from.length > 0 ? ` <span class="from">(${h([...new Set(from)].join(", "))})</span>` : ""}</li>`;
  });
  return section("conditions", l.conditions, `<ol class="conditions">${items.join("")}</ol>`);
}

function domainBlock(d: DomainView, l: ReportLabels): string {
  const name = l.domains[d.domain] ?? d.domain;
  const head = `<h3>${h(name)} <span class="chip sev-${d.rating}">${h(l.severities[d.rating])}</span></h3>`;
  if (d.findings.length === 0)
    return `<div class="domain-block sev-border-${d.rating}" data-domain="${h(d.domain)}">${head}<p class="none">${h(l.noDomainFindings)}</p></div>`;
  const rows = d.findings.map((f) => findingRow(f, l)).join("");
  return `<div class="domain-block sev-border-${d.rating}" data-domain="${h(d.domain)}">${head}<table class="findings"><thead><tr><th style="width:92px">${h(l.severityColumn)}</th><th style="width:190px">${h(l.ruleColumn)}</th><th>${h(l.findingColumn)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function findingRow(f: Finding, l: ReportLabels): string {
  const metrics = Object.entries(f.metrics);
  const detail = [
    metrics.length > 0
      ? `<ul class="metrics-inline">${metrics.map(([k, v]) => `<li><span class="k">${h(k)}</span> ${h(formatMetric(k, v))}</li>`).join("")}</ul>`
      : "",
    f.condition ? `<p class="finding-detail"><b>${h(l.condition)}:</b> ${h(f.condition)}</p>` : "",
    f.fields && f.fields.length > 0 ? `<p class="finding-detail"><b>${h(l.fields)}:</b> ${h(f.fields.join(", "))}</p>` : "",
    f.citations.length > 0 ? `<p class="finding-detail cite"><b>${h(l.sources)}:</b> ${f.citations.map(cite).join("; ")}</p>` : "",
  ].join("");
  return `<tr class="finding" data-rule="${h(f.ruleId)}"><td><span class="chip sev-${f.severity}">${h(l.severities[f.severity])}</span></td><td><div class="rule-title">${h(f.title)}</div><div class="rule-id">${h(f.ruleId)}${f.source === "model" ? `<span class="model-tag">${h(l.fromModel)}</span>` : ""}</div></td><td><p class="finding-message">${h(f.message)}</p>${detail}</td></tr>`;
}

function cite(c: Citation): string {
  return `<span class="doc">${h(c.document)}</span> § ${h(c.section)}`;
}

function plan(a: Assessment, l: ReportLabels): string {
  const rows = a.plan.tasks
    .map(
      (t) =>
        `<tr><td><b>${h(l.domains[t.expert] ?? t.expert)}</b><div class="rule-id">${h(t.id)}</div></td><td>${h(l.roles[t.role])}</td><td>${h(dependencyText(t, l.awaitsAnswer).join(", ") || "–")}${t.speculative ? `<div class="small">${h(l.speculative)}</div>` : ""}</td><td class="small">${h(t.question)}</td></tr>`,
    )
    .join("");
  const warnings =
    a.plan.warnings.length > 0
      ? `<p class="small"><b>${h(l.planWarnings)}:</b></p><ul class="small">${a.plan.warnings.map((w) => `<li>${h(w)}</li>`).join("")}</ul>`
      : "";
  return section(
    "plan",
    l.plan,
    `<figure><div class="figure-scroll">${planDiagramSvg(a, l)}</div><figcaption>${h(l.planCaption(a.plan.planner, a.plan.tasks.length))}</figcaption></figure>` +
      `<table class="tasks" style="margin-top:12px"><thead><tr><th style="width:170px">${h(l.taskColumn)}</th><th style="width:80px">${h(l.roleColumn)}</th><th style="width:100px">${h(l.afterColumn)}</th><th>${h(l.subQuestionColumn)}</th></tr></thead><tbody>${rows}</tbody></table>` +
      (a.plan.rationale ? `<p class="small muted">${h(a.plan.rationale)}</p>` : "") +
      warnings,
  );
}

function experts(a: Assessment, l: ReportLabels): string {
  const rows = a.experts.map((e) => {
    const model = e.modelUse
      ? `${h(e.modelUse.model)} <span class="muted">@ ${h(e.modelUse.host)}</span>`
      : e.model
        ? h(e.model)
        : `<span class="muted">${h(l.rulesOnly)}</span>`;
    const notes = [...(e.error ? [`${e.error.code}: ${e.error.message}`] : []), ...withoutModelNote(e)];
    return `<tr class="expert" data-expert="${h(e.name)}"><td><b>${h(e.name)}</b><div class="muted small">${h(l.domains[e.domain] ?? e.domain)}</div></td><td>${h(l.roles[e.role])}</td><td class="status-${e.status}">${h(l.statuses[e.status])}</td><td class="small">${model}</td><td class="num">${h(formatLatency(e.latencyMs))}</td><td class="num">${e.findings}</td><td class="small">${notes.map((n) => h(n)).join("<br>")}</td></tr>`;
  });
  return section(
    "experts",
    l.experts,
    `<table><thead><tr><th>${h(l.expertColumn)}</th><th>${h(l.roleColumn)}</th><th>${h(l.statusColumn)}</th><th>${h(l.modelColumn)}</th><th style="text-align:right">${h(l.latencyColumn)}</th><th style="text-align:right">${h(l.findingsColumn)}</th><th>${h(l.notesColumn)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
  );
}

/** An expert's notes without the one its model path adds: the models section says the same, in full. */
export function withoutModelNote(e: ExpertSummary): string[] {
  if (!e.modelUse) return e.notes;
  return e.notes.filter((n) => !/^(warning: )?model .+ at .+ \(reasoning (on|off)\)/.test(n));
}

function models(a: Assessment, l: ReportLabels): string {
  const used = a.experts.filter((e): e is ExpertSummary & { modelUse: NonNullable<ExpertSummary["modelUse"]> } => e.modelUse !== undefined);
  if (used.length === 0) return "";
  const rows = used.map((e) => {
    const m = e.modelUse;
    const outcome =
      m.outcome === "accepted"
        ? `<span class="status-ok">${h(l.accepted(m.findingsAdded))}</span>`
        : `<span class="status-failed">${h(l.fallback)}</span>${m.reason ? `<div class="small muted">${h(m.reason)}</div>` : ""}`;
    const narrative = m.narrative ? `<div class="small" style="margin-top:4px">${h(m.narrative)}</div>` : "";
    return `<tr class="model-use" data-outcome="${m.outcome}"><td><b>${h(e.name)}</b></td><td class="small">${h(m.model)}<div class="muted">${h(m.host)}</div></td><td>${h(m.reasoning ? l.reasoningOn : l.reasoningOff)}</td><td class="num">${m.calls}</td><td class="num">${h(formatLatency(m.latencyMs))}</td><td>${outcome}${narrative}</td></tr>`;
  });
  return section(
    "models",
    l.models,
    `<table><thead><tr><th>${h(l.expertColumn)}</th><th>${h(l.modelColumn)}</th><th>${h(l.modeColumn)}</th><th style="text-align:right">${h(l.callsColumn)}</th><th style="text-align:right">${h(l.latencyColumn)}</th><th>${h(l.outcomeColumn)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
  );
}

function metrics(a: Assessment, l: ReportLabels): string {
  const cards = a.experts
    .map((e) => [e, Object.entries(e.metrics).filter(([, v]) => v !== null)] as const)
    .filter(([, entries]) => entries.length > 0)
    .map(
      ([e, entries]) =>
        `<div class="metrics-card" data-expert="${h(e.name)}"><h3>${h(l.domains[e.domain] ?? e.name)}</h3><dl>${entries.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(formatMetric(k, v))}</dd>`).join("")}</dl></div>`,
    );
  if (cards.length === 0) return "";
  return section("metrics", l.metrics, `<div class="metrics-grid">${cards.join("")}</div>`);
}

function knowledge(a: Assessment, l: ReportLabels): string {
  const blocks = a.experts
    .map((e) => [e, e.citations.filter((c) => c.excerpt)] as const)
    .filter(([, passages]) => passages.length > 0)
    .map(
      ([e, passages]) =>
        `<h3>${h(l.domains[e.domain] ?? e.name)}</h3>` +
        passages
          .map(
            (p) =>
              `<div class="passage"><div class="where"><span class="cite"><span class="doc">${h(p.document)}</span></span> § <b>${h(p.section)}</b></div><blockquote>${h(p.excerpt)}</blockquote></div>`,
          )
          .join(""),
    );
  return section("knowledge", l.knowledge, blocks.join("") || `<p class="muted">${h(l.knowledgeNone)}</p>`);
}
