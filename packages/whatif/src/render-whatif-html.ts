import { DECISIONS } from "@kyocho/core/assessment";
import { escapeHtml, REPORT_CONTENT_SECURITY_POLICY } from "@kyocho/report";
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

/** Every string from a case or a policy is escaped: a borrower named `<script>` is text. */
const h = escapeHtml;

// The page carries the assessment report's REPORT_CONTENT_SECURITY_POLICY: nothing is fetched or run. Links to the
// changed cases' assessments are relative links to files written beside the page: a navigation the reader chooses,
// not a fetch.
const STYLES = `
:root{--ink:#1f2733;--muted:#5b6472;--rule:#dde2e8;--wash:#f6f7f9;--accent:#243b63}
*{box-sizing:border-box}html{background:#eef0f3}
body{margin:0;color:var(--ink);font-family:system-ui,-apple-system,"Segoe UI","Helvetica Neue",Arial,"Noto Sans CJK JP","Hiragino Sans",Meiryo,sans-serif;font-size:14.5px;line-height:1.55;font-variant-numeric:tabular-nums;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.report{max-width:1100px;margin:24px auto;background:#fff;padding:40px 48px 32px;box-shadow:0 1px 3px rgba(20,30,50,.12)}
.brand{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--accent);font-weight:700}
h1{font-size:22px;margin:8px 0}h2{font-size:16px;margin:28px 0 10px;border-bottom:1px solid var(--rule);padding-bottom:4px}
.meta{color:var(--muted);font-size:12.5px}.note{background:var(--wash);border-left:4px solid var(--accent);padding:8px 12px;margin:14px 0}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid var(--rule);padding:5px 8px;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600}td.n,th.n{text-align:right}
.heat{table-layout:fixed}.heat th.n,.heat td.n{text-align:center}.heat td.n{font-weight:700}.heat .same{background:var(--wash);color:var(--muted);font-weight:400}
.up{color:#9b1c1c}.down{color:#2f7d4f}ul.changes li{margin:2px 0}
footer{margin-top:30px;color:var(--muted);font-size:12px}
@media print{html{background:#fff}.report{box-shadow:none;margin:0;max-width:none;padding:0}}
`;

/**
 * The what-if as one self-contained HTML page: the policy changes, the
 * decision matrix as a heat map (the darker a cell off the diagonal, the
 * more cases moved that way), the changed cases as a table with links to
 * each case's two assessments (`report.link`), rules by cases fired, and
 * the exposure by decision before and after.
 */
export function renderWhatIfHtml(report: WhatIfReport): string {
  const { summary: s } = report;
  const used = usedDecisions(s);
  const offDiagonal = Math.max(1, ...DECISIONS.flatMap((f) => DECISIONS.filter((t) => t !== f).map((t) => s.decisions[f][t])));
  const heat = (n: number) => `background:rgba(197,48,48,${(0.12 + (0.78 * n) / offDiagonal).toFixed(2)});color:${n / offDiagonal > 0.5 ? "#fff" : "#1f2733"}`;
  const matrix = `<table class="heat"><tr><th>before \\ after</th>${used.map((d) => `<th class="n">${h(DECISION_WORDS[d])}</th>`).join("")}</tr>${used
    .map(
      (from) =>
        `<tr><th>${h(DECISION_WORDS[from])}</th>${used
          .map((to) => {
            const n = s.decisions[from][to];
            if (from === to) return `<td class="n same">${n}</td>`;
            return n > 0 ? `<td class="n" style="${heat(n)}">${n}</td>` : `<td class="n">·</td>`;
          })
          .join("")}</tr>`,
    )
    .join("")}</table>`;
  const link = (c: (typeof s.changed)[number], side: "before" | "after") => {
    const href = report.link?.(c, side);
    return href ? `<a href="${h(href)}">${side}</a>` : "";
  };
  const changed =
    s.changedTotal === 0
      ? `<p>No case changed decision, rating or completeness.</p>`
      : `<table><tr><th>case</th><th>decision</th><th>rating</th><th>why</th><th>assessments</th></tr>${s.changed
          .map(
            (c) =>
              `<tr><td>${h(c.id)}</td><td${c.before.decision !== c.after.decision ? ' class="up"' : ""}>${h(DECISION_WORDS[c.before.decision])} → ${h(DECISION_WORDS[c.after.decision])}</td><td>${h(c.before.rating)} → ${h(c.after.rating)}</td><td>${c.findingChanges.map((f) => h(findingChangeText(f))).join("<br>")}</td><td>${[link(c, "before"), link(c, "after")].filter(Boolean).join(" · ")}</td></tr>`,
          )
          .join(
            "",
          )}</table>${s.changedOmitted > 0 ? `<p class="meta">… and ${s.changedOmitted} more changed case(s), written to the assessments folder but not listed here.</p>` : ""}`;
  const rules = `<table><tr><th>rule</th><th class="n">before</th><th class="n">after</th></tr>${ruleRows(s)
    .map(([r, b, a]) => `<tr><td>${h(r)}</td><td class="n">${b}</td><td class="n${a > b ? " up" : a < b ? " down" : ""}">${a}</td></tr>`)
    .join("")}</table>`;
  const exposure = Object.entries(s.exposure)
    .map(
      ([currency, e]) =>
        `<h2>Facility amounts by decision (${h(currency)})</h2><table><tr><th>decision</th><th class="n">before</th><th class="n">after</th></tr>${DECISIONS.filter(
          (d) => e.before[d] || e.after[d],
        )
          .map((d) => `<tr><td>${h(DECISION_WORDS[d])}</td><td class="n">${formatAmount(e.before[d])}</td><td class="n">${formatAmount(e.after[d])}</td></tr>`)
          .join("")}</table>`,
    )
    .join("");
  const title = `Policy what-if: ${policyTitle(s.policies.before)} → ${policyTitle(s.policies.after)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kyocho">
<title>${h(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main class="report">
<div class="brand">kyocho 協調 · policy what-if</div>
<h1>${h(title)}</h1>
<p class="meta">${s.cases} case(s) re-assessed from ${h(report.source)}${s.errors ? `; ${s.errors} input(s) could not be assessed` : ""} · generated ${h(report.generatedAt)}</p>
<p class="note">${h(EMBEDDED_NOTE)}</p>
<h2>What changed in the policy</h2>
<ul class="changes">${report.changes.map((c) => `<li>${h(c.text)}</li>`).join("") || "<li>nothing: the two policies validate to the same content</li>"}</ul>
<h2>Decisions: ${s.decisionChanged} changed (rows before, columns after)</h2>
${matrix}
<p class="meta">Ratings changed: ${s.ratingChanged}${ratingMoves(s).length > 0 ? ` (${h(ratingMoves(s).join("; "))})` : ""}. Cases whose findings changed: ${s.findingsChanged}. Incomplete: ${s.incomplete.before} → ${s.incomplete.after} (${s.incomplete.became} became incomplete, ${s.incomplete.cleared} no longer).</p>
<h2>Cases that changed (${s.changedTotal})</h2>
${changed}
<h2>Rules: cases each fires on</h2>
${rules}
${exposure}
<footer><p>Before: ${h(s.policies.before.id)}, SHA-256 ${h(s.policies.before.sha256)}<br>After: ${h(s.policies.after.id)}, SHA-256 ${h(s.policies.after.sha256)}</p></footer>
</main>
</body>
</html>
`;
}
