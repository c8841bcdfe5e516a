import { maxSeverity, type Position, type Severity } from "@kyocho/core";
import { herfindahl } from "../calculators/hhi.js";
import { issuerShares } from "../calculators/issuer-shares.js";
import type { ConcentrationRule } from "../markets-policy.js";
import { decimal, percent } from "./format.js";
import { ruleFinding } from "@kyocho/core";
import { type RuleOutcome } from "./rule-outcome.js";

export const CONCENTRATION_RULE_ID = "MKT-CONC";

/**
 * Applies MKT-CONC over every position (bonds, loans and equities): the
 * largest issuer's share against `largestShareAbove`, the HHI against
 * `hhiAbove`; when both fire, one finding at the higher severity. A book with
 * zero total market value has no shares and gives no finding.
 *
 * @example
 * evaluateConcentrationRule(positions, policy.rules["MKT-CONC"]).metrics.hhi // 5000
 */
export function evaluateConcentrationRule(positions: readonly Position[], rule: ConcentrationRule): RuleOutcome {
  const { issuers } = issuerShares(positions);
  const outcome: RuleOutcome = { findings: [], gaps: [], notes: [], metrics: { largestIssuerShare: null, hhi: null } };
  const largest = issuers[0];
  if (largest === undefined) return outcome;

  const hhi = herfindahl(issuers.map((i) => i.share));
  outcome.metrics.largestIssuerShare = largest.share;
  outcome.metrics.hhi = hhi;
  for (const { issuer, share } of issuers) outcome.metrics[`issuerShare.${issuer}`] = share;

  let severity: Severity | undefined;
  const reasons: string[] = [];
  if (largest.share > rule.largestShareAbove) {
    severity = rule.largestShareSeverity;
    reasons.push(
      `the largest issuer, ${largest.issuer}, is ${percent(largest.share)} of the book (limit ${percent(rule.largestShareAbove)})`,
    );
  }
  if (hhi > rule.hhiAbove) {
    severity = severity === undefined ? rule.hhiSeverity : maxSeverity(severity, rule.hhiSeverity);
    reasons.push(`the HHI is ${decimal(hhi, 0)} across ${issuers.length} issuers (limit ${decimal(rule.hhiAbove, 0)})`);
  }
  if (severity === undefined) return outcome;
  outcome.findings.push(
    ruleFinding(CONCENTRATION_RULE_ID, rule, severity, `Issuer concentration: ${reasons.join("; ")}.`, {
      largestIssuerShare: largest.share,
      hhi,
      [`issuerShare.${largest.issuer}`]: largest.share,
    }),
  );
  return outcome;
}
