/**
 * @kyocho/report — an assessment as a self-contained HTML page or Markdown
 * (English or Japanese): decision, findings by domain, the plan as a
 * diagram, evidence and the audit facts.
 */
export { renderHtml, type ReportOptions } from "./render-html.js";
export { renderMarkdown } from "./render-markdown.js";
export { writeReports, type ReportTargets, type WrittenReport } from "./write-reports.js";
export { reportLabels, REPORT_LANGUAGES, type ReportLanguage, type ReportLabels } from "./report-labels.js";
export { dependencyText } from "./dependency-text.js";
export { escapeHtml } from "./html-escape.js";
export { REPORT_CONTENT_SECURITY_POLICY } from "./report-content-security-policy.js";
