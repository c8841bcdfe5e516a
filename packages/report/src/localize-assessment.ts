import type { Assessment } from "@kyocho/core";
import type { ReportLanguage } from "./report-labels.js";

/**
 * The assessment as a report in `language` shows it: in Japanese, every
 * finding's title, message and condition, the conditions and the vetoes in
 * their Japanese forms (built by the rules from the same numbers), English
 * where a rule or a policy gave none. The assessment itself is not changed.
 *
 * @example
 * renderTables(localizeAssessment(assessment, "ja"))
 */
export function localizeAssessment(a: Assessment, language: ReportLanguage): Assessment {
  if (language !== "ja") return a;
  const conditionJa = new Map<string, string>();
  for (const f of a.findings) if (f.condition && f.ja?.condition) conditionJa.set(f.condition, f.ja.condition);
  return {
    ...a,
    findings: a.findings.map((f) => (f.ja ? { ...f, title: f.ja.title, message: f.ja.message, ...(f.ja.condition ? { condition: f.ja.condition } : {}) } : f)),
    conditions: a.conditions.map((c) => conditionJa.get(c) ?? c),
    vetoes: (a.vetoes ?? []).map((v) => (v.ja ? { ...v, title: v.ja.title, message: v.ja.message } : v)),
  };
}
