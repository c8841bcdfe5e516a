import { maxSeverity } from "@kyocho/core/assessment";
import { ruleFinding, type Severity } from "@kyocho/core";
import type { BookPosition } from "../calculators/book-positions.js";
import { herfindahl } from "../calculators/hhi.js";
import { issuerShares } from "../calculators/issuer-shares.js";
import type { ConcentrationRule } from "../markets-policy.js";
import { amount, amountJa, decimal, idList, percent } from "./format.js";
import type { RuleOutcome } from "./rule-outcome.js";

export const CONCENTRATION_RULE_ID = "MKT-CONC";

/**
 * Applies MKT-CONC to the whole book (bonds, loans, swaps and equities): the
 * non-sovereign positions are grouped by issuer key (`issuerId`, else the
 * normalised issuer name), and each issuer's gross value |marketValue| is
 * divided by the whole book's gross value, sovereigns included. The largest
 * issuer's share is tested against `largestShareAbove`, the HHI of the issuer
 * shares against `hhiAbove`; when both fire, one finding at the higher
 * severity. Sovereign positions count in the book (the denominator) but never
 * as a single name: they have no issuer share of their own and no term in the
 * HHI, and a note says which and for how much. A book with no non-sovereign
 * value has no shares and no finding; a missing spot on any position — a
 * sovereign's too, since it is in the denominator — leaves the rule
 * unevaluated (the expert reports that gap once per currency).
 *
 * Metrics: `nonSovereignGrossValue` (the issuers' gross value, the numerators'
 * sum) and `sovereignGrossValue`; the denominator is their sum, the expert's
 * `grossMarketValue`.
 *
 * @example
 * evaluateConcentrationRule(book, policy.rules["MKT-CONC"], "JPY").metrics.hhi // 5000
 */
export function evaluateConcentrationRule(book: readonly BookPosition[], rule: ConcentrationRule, currency: string): RuleOutcome {
  const shares = issuerShares(book);
  // Σ of the issuers' gross values; with every spot known, issuers is empty only when the book is worth nothing.
  const nonSovereignGrossValue = shares.total === null ? null : shares.issuers.reduce((sum, i) => sum + i.grossValue, 0);
  const outcome: RuleOutcome = {
    findings: [],
    gaps: [],
    notes: [],
    metrics: {
      largestIssuerShare: null,
      hhi: null,
      nonSovereignGrossValue,
      sovereignGrossValue: shares.sovereign.grossValue,
    },
  };
  if (shares.sovereign.ids.length > 0) {
    const value = shares.sovereign.grossValue === null ? "" : ` (${amount(shares.sovereign.grossValue, currency)} gross)`;
    outcome.notes.push(
      `${CONCENTRATION_RULE_ID}: ${shares.sovereign.ids.length === 1 ? "1 sovereign position" : `${shares.sovereign.ids.length} sovereign positions`}` +
        `${value} counted in the book but not as a single name (no issuer share, no HHI term): ${shares.sovereign.ids.join(", ")}.`,
    );
  }
  if (shares.missingSpot.length > 0) {
    const named = shares.missingSpot.map((i) => book.find((p) => p.index === i)?.position.id ?? `#${i}`);
    outcome.notes.push(`${CONCENTRATION_RULE_ID} not evaluated: no spot for the currency of ${named.join(", ")}.`);
    return outcome;
  }
  const largest = shares.issuers[0];
  if (largest === undefined || shares.total === null) return outcome;

  const hhi = herfindahl(shares.issuers.map((i) => i.share));
  outcome.metrics.largestIssuerShare = largest.share;
  outcome.metrics.hhi = hhi;
  for (const { issuerId, share } of shares.issuers) outcome.metrics[`issuerShare.${issuerId}`] = share;

  let severity: Severity | undefined;
  const reasons: string[] = [];
  const reasonsJa: string[] = [];
  if (largest.share > rule.largestShareAbove) {
    severity = rule.largestShareSeverity;
    reasons.push(`the largest issuer, ${largest.issuer}, is ${percent(largest.share)} of it (limit ${percent(rule.largestShareAbove)})`);
    reasonsJa.push(`最大発行体の${largest.issuer}が${percent(largest.share)}を占めます（上限${percent(rule.largestShareAbove)}）`);
  }
  if (hhi > rule.hhiAbove) {
    severity = severity === undefined ? rule.hhiSeverity : maxSeverity(severity, rule.hhiSeverity);
    reasons.push(`the HHI is ${decimal(hhi, 0)} across ${shares.issuers.length} issuers (limit ${decimal(rule.hhiAbove, 0)})`);
    reasonsJa.push(`HHI は${shares.issuers.length}発行体で${decimal(hhi, 0)}です（上限${decimal(rule.hhiAbove, 0)}）`);
  }
  if (severity === undefined) return outcome;

  const sovereigns = shares.sovereign.ids.length;
  const counted = sovereigns === 0 ? "" : `, sovereigns (${idList(shares.sovereign.ids, "en")}) counted in the book but not as a name`;
  const countedJa = sovereigns === 0 ? "" : `。ソブリン（${idList(shares.sovereign.ids, "ja")}）は分母に含め、単一発行体としては数えない`;
  const message = {
    en: `Issuer concentration in the ${amount(shares.total, currency)} gross book${counted}: ${reasons.join("; ")}.`,
    ja: `ブック全体（時価の絶対値合計${amountJa(shares.total, currency)}${countedJa}）の発行体集中：${reasonsJa.join("。")}。`,
  };
  outcome.findings.push(
    ruleFinding(CONCENTRATION_RULE_ID, rule, severity, message, {
      largestIssuerShare: largest.share,
      hhi,
      [`issuerShare.${largest.issuerId}`]: largest.share,
      nonSovereignGrossValue,
      grossMarketValue: shares.total,
    }),
  );
  return outcome;
}
