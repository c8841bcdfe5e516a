import { compareSeverity, RATINGS, SEVERITIES } from "@kyocho/core/assessment";
import type { Assessment, Finding, Rating, Severity } from "@kyocho/core";

/** One domain of an assessment, as a report shows it: its rating, its findings and the experts that cover it. */
export interface DomainView {
  domain: string;
  rating: Rating;
  findings: Finding[];
  /** Findings per severity. */
  counts: Record<Severity, number>;
}

/**
 * The assessment's domains, most severe first (plan order among equals),
 * each with its findings and their counts per severity: what the heat map
 * and the findings section are drawn from.
 *
 * @example
 * domainViews(assessment)[0] // { domain: "legal", rating: "high", findings: [...], counts: { high: 1, medium: 1, … } }
 */
export function domainViews(a: Assessment): DomainView[] {
  const order = [...a.domains.map((d) => d.domain)];
  for (const f of a.findings) if (!order.includes(f.domain)) order.push(f.domain);
  const views = order.map((domain) => {
    const findings = a.findings.filter((f) => f.domain === domain).sort((x, y) => compareSeverity(y.severity, x.severity));
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
    const rating = a.domains.find((d) => d.domain === domain)?.rating ?? "low";
    return { domain, rating, findings, counts };
  });
  return views
    .map((v, i) => ({ v, i }))
    .sort((x, y) => RATINGS.indexOf(y.v.rating) - RATINGS.indexOf(x.v.rating) || x.i - y.i)
    .map(({ v }) => v);
}
