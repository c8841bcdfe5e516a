import { DECISION_COLOURS, FONT_STACK, SEVERITY_COLOURS } from "./report-palette.js";

/**
 * The report's stylesheet, inlined in the HTML: a committee-paper layout
 * (verdict first, quiet tables, generous margins), system fonts only, and
 * print rules (A4, colours kept, no section split across pages where it
 * can be avoided).
 */
export function reportStyles(): string {
  const severity = Object.entries(SEVERITY_COLOURS)
    .map(([s, c]) => `.sev-${s}{background:${c};color:#fff}.domain-block.sev-border-${s}{border-left-color:${c}}`)
    .join("\n");
  const decision = Object.entries(DECISION_COLOURS)
    .map(([d, c]) => `.verdict.decision-${d}{border-top-color:${c}}.verdict.decision-${d} .decision{color:${c}}`)
    .join("\n");
  return `
:root{--ink:#1f2733;--muted:#5b6472;--rule:#dde2e8;--paper:#ffffff;--wash:#f6f7f9;--accent:#243b63}
*{box-sizing:border-box}
html{background:#eef0f3}
body{margin:0;color:var(--ink);font-family:${FONT_STACK};font-size:14.5px;line-height:1.55;font-variant-numeric:tabular-nums;-webkit-print-color-adjust:exact;print-color-adjust:exact}
:lang(ja) body, body:lang(ja){line-height:1.7}
.report{max-width:1040px;margin:24px auto;background:var(--paper);padding:40px 48px 32px;box-shadow:0 1px 3px rgba(20,30,50,.12)}
.masthead{border-bottom:2px solid var(--accent);padding-bottom:14px;margin-bottom:22px}
.brand{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--accent);font-weight:700}
.doc-title{font-size:13px;color:var(--muted);margin-top:2px}
h1.question{font-size:22px;line-height:1.35;margin:10px 0 10px;font-weight:700}
.meta{display:flex;flex-wrap:wrap;gap:4px 22px;font-size:12.5px;color:var(--muted)}
.meta b{color:var(--ink);font-weight:600}
.verdict{display:grid;grid-template-columns:minmax(0,1.25fr) minmax(0,1fr);gap:8px 32px;border:1px solid var(--rule);border-top:6px solid var(--accent);border-radius:6px;padding:18px 22px;margin-bottom:26px;background:var(--wash)}
${decision}
.verdict .label{font-size:12px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-weight:700}
.verdict .decision{font-size:34px;font-weight:800;line-height:1.15;margin:2px 0 6px}
.verdict .decision-note{font-size:14px;color:var(--ink)}
.verdict .facts{list-style:none;margin:0;padding:0;display:grid;gap:8px;align-content:start}
.verdict .facts li{display:flex;align-items:center;gap:10px;font-size:14px}
.verdict .vetoes{grid-column:1/-1;margin:0 0 4px}
.verdict .veto{margin:0 0 6px;padding:8px 12px;border-left:5px solid var(--sev-critical,#9b1c1c);background:#fff;font-weight:700;color:#7a1212}
.verdict .summary{grid-column:1/-1;margin:10px 0 0;padding-top:10px;border-top:1px solid var(--rule);color:var(--ink)}
.verdict .reasons{grid-column:1/-1;margin:0;padding-left:18px;font-size:12.5px;color:var(--muted)}
.chip{display:inline-block;border-radius:999px;padding:1px 11px;font-size:12px;font-weight:700;letter-spacing:.02em;white-space:nowrap}
.chip.big{font-size:15px;padding:3px 16px}
.chip.outline{background:#fff;color:var(--ink);border:1px solid var(--rule)}
.chip.incomplete{background:#fff4e5;color:#8a4b00;border:1px solid #e0a84f}
${severity}
section{margin:0 0 28px;break-inside:auto}
h2{font-size:17px;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid var(--rule);color:var(--accent);letter-spacing:.01em}
h3{font-size:15px;margin:18px 0 8px;display:flex;align-items:center;gap:10px}
#signoff .override,#signoff .returned{margin:0 0 8px;padding:8px 12px;border-left:5px solid #d08a1e;background:#fff8ec;font-weight:700}
#signoff tr.override td{background:#fff8ec}
.callout{border:1px solid #e0a84f;background:#fff8ec;border-left:6px solid #d08a1e;border-radius:6px;padding:12px 16px;margin-bottom:26px}
.callout h2{border:0;color:#8a4b00;margin-bottom:6px;padding:0}
.callout ul{margin:6px 0 0;padding-left:20px}
.exec{border-left:4px solid var(--accent);padding:4px 16px;background:var(--wash)}
figure{margin:0}
figcaption{font-size:12.5px;color:var(--muted);margin-top:6px}
.figure-scroll{overflow-x:auto}
svg{max-width:100%;height:auto;display:block}
ol.conditions{margin:0;padding-left:22px}
ol.conditions li{margin:0 0 6px;padding-left:4px}
ol.conditions .from{font-size:12px;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th{text-align:left;font-size:11.5px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:700;border-bottom:1.5px solid var(--ink);padding:6px 8px}
td{border-bottom:1px solid var(--rule);padding:8px 8px;vertical-align:top}
tr{break-inside:avoid}
td.num{text-align:right;white-space:nowrap}
.rule-id{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--muted)}
.rule-title{font-weight:600}
.finding-message{margin:0 0 4px}
.finding-detail{font-size:12.5px;color:var(--muted);margin:3px 0 0}
.finding-detail b{color:var(--ink);font-weight:600}
.metrics-inline{display:flex;flex-wrap:wrap;gap:2px 14px;font-size:12.5px;margin:4px 0 0;padding:0;list-style:none}
.metrics-inline li{white-space:nowrap}
.metrics-inline .k{color:var(--muted)}
.cite{font-size:12px;color:var(--muted)}
.cite .doc{color:var(--accent)}
.domain-block{border-left:5px solid var(--rule);padding-left:14px;margin-bottom:18px;break-inside:avoid-page}
.domain-block .none{color:var(--muted);font-size:13.5px;margin:4px 0}
.model-tag{display:inline-block;font-size:11px;border:1px solid var(--accent);color:var(--accent);border-radius:4px;padding:0 5px;margin-left:6px}
.status-ok{color:#2f7d4f;font-weight:600}.status-failed{color:#c53030;font-weight:700}.status-skipped{color:#8a94a3;font-weight:600}
.muted{color:var(--muted)}
.small{font-size:12.5px}
.metrics-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:14px}
.metrics-card{border:1px solid var(--rule);border-radius:6px;padding:10px 14px;break-inside:avoid}
.metrics-card h3{margin:0 0 6px;font-size:14px}
.metrics-card dl{display:grid;grid-template-columns:1fr auto;gap:2px 12px;margin:0;font-size:12.5px}
.metrics-card dt{color:var(--muted);overflow-wrap:anywhere}
.metrics-card dd{margin:0;text-align:right;white-space:nowrap}
.passage{margin:0 0 12px;break-inside:avoid}
.passage .where{font-size:12.5px}
.passage blockquote{margin:4px 0 0;padding:6px 12px;border-left:3px solid var(--rule);background:var(--wash);font-size:12.5px;color:#3b4450}
footer{border-top:1px solid var(--rule);padding-top:12px;font-size:11.5px;color:var(--muted)}
@media (max-width:760px){.report{padding:20px}.verdict{grid-template-columns:1fr}}
@page{size:A4;margin:14mm 12mm}
@media print{
  html{background:#fff}
  body{font-size:10.5pt}
  .report{box-shadow:none;margin:0;max-width:none;padding:0}
  h2{break-after:avoid}
  h3{break-after:avoid}
  .verdict,.callout,figure,.metrics-card,.passage{break-inside:avoid}
  .figure-scroll{overflow:visible}
}
`;
}
