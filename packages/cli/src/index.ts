/** @kyocho/cli — the `kyocho` command, usable from code for embedding and tests. */
export { main, buildProgram } from "./main.js";
export { formatAssessment, formatNumber } from "./output/format-assessment.js";
export { formatPlan } from "./output/format-plan.js";
export { createStyle, type Style } from "./output/style.js";
export { renderHtml, type ReportOptions } from "./report/render-html.js";
export { renderMarkdown } from "./report/render-markdown.js";
export { writeReports, type ReportTargets, type WrittenReport } from "./report/write-reports.js";
export { reportLabels, REPORT_LANGUAGES, type ReportLanguage, type ReportLabels } from "./report/report-labels.js";
