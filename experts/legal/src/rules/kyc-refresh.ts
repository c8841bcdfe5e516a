import { ruleFinding } from "@kyocho/core";
import { evidenceAge } from "../calculators/evidence-age.js";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, type Party } from "../parties.js";
import { listNames, type RuleOutcome } from "./rule-outcome.js";

export const KYC_REFRESH_RULE_ID = "LEG-KYC-REFRESH";

/**
 * LEG-KYC-REFRESH: a complete KYC is kept current on a risk-based cycle
 * (`refreshDays` by `riskRating`; no rating counts as high risk). A review
 * older than its cycle, or a record with no review date (the v1 string form),
 * is due for refresh before drawdown.
 *
 * @example
 * applyKycRefreshRule({ parties, asOf: "2026-11-30", rule: policy.rules["LEG-KYC-REFRESH"] })
 */
export function applyKycRefreshRule(input: {
  parties: readonly Party[];
  asOf: string;
  rule: LegalPolicy["rules"]["LEG-KYC-REFRESH"];
}): RuleOutcome {
  const { rule } = input;
  const due: { party: Party; text: string }[] = [];
  for (const party of input.parties) {
    const kyc = party.kyc;
    if (kyc?.status !== "complete") continue;
    const rating = kyc.riskRating ?? "high";
    const cycle = rule.refreshDays[rating];
    const age = evidenceAge({ date: kyc.reviewedOn }, input.asOf, cycle);
    if (age.state === "undated") due.push({ party, text: `${describeParty(party)}: no review date on file` });
    else if (age.state === "stale") {
      due.push({ party, text: `${describeParty(party)}: reviewed ${age.date}, ${age.ageDays} days ago (${rating}-risk cycle ${cycle} days)` });
    }
  }
  const metrics = { kycRefreshDue: due.length };
  if (due.length === 0) return { findings: [], metrics, notes: [] };
  const message = `KYC review is due for refresh — ${listNames(due.map((d) => d.text))}.`;
  const fields = due.map((d) => d.party.kyc!.path);
  return { findings: [ruleFinding(KYC_REFRESH_RULE_ID, rule, rule.severity, message, metrics, fields)], metrics, notes: [] };
}
