import { ruleFinding } from "@kyocho/core";
import { evidenceAge } from "../calculators/evidence-age.js";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import { listNames, type RuleOutcome } from "./rule-outcome.js";

export const KYC_REFRESH_RULE_ID = "LEG-KYC-REFRESH";

/** The KYC risk ratings as a Japanese message names them. */
const RISK_RATING_JA = { high: "高リスク", medium: "中リスク", low: "低リスク" } as const;

/**
 * LEG-KYC-REFRESH: a complete KYC is kept current on a risk-based cycle
 * (`refreshDays` by `riskRating`; no rating counts as high risk). A review
 * older than its cycle, or a record with no review date (the v1 string form),
 * is due for refresh before drawdown.
 *
 * @example
 * applyKycRefreshRule({ parties, asOf: "2026-11-30", rule: policy.rules["LEG-KYC-REFRESH"] })
 */
export function applyKycRefreshRule(input: { parties: readonly Party[]; asOf: string; rule: LegalPolicy["rules"]["LEG-KYC-REFRESH"] }): RuleOutcome {
  const { rule } = input;
  const due: { party: Party; text: string; ja: string }[] = [];
  for (const party of input.parties) {
    const kyc = party.kyc;
    if (kyc?.status !== "complete") continue;
    const rating = kyc.riskRating ?? "high";
    const cycle = rule.refreshDays[rating];
    const age = evidenceAge({ date: kyc.reviewedOn }, input.asOf, cycle);
    if (age.state === "undated")
      due.push({ party, text: `${describeParty(party)}: no review date on file`, ja: `${describePartyJa(party)}：確認日の記録がありません` });
    else if (age.state === "stale") {
      due.push({
        party,
        text: `${describeParty(party)}: reviewed ${age.date}, ${age.ageDays} days ago (${rating}-risk cycle ${cycle} days)`,
        ja: `${describePartyJa(party)}：前回確認日 ${age.date}、${age.ageDays}日経過（${RISK_RATING_JA[rating]}先の更新周期 ${cycle}日）`,
      });
    }
  }
  const metrics = { kycRefreshDue: due.length };
  if (due.length === 0) return { findings: [], metrics, notes: [] };
  const message = {
    en: `KYC review is due for refresh — ${listNames(due.map((d) => d.text))}.`,
    ja: `取引時確認の更新期限を過ぎています。${due.map((d) => d.ja).join("；")}。`,
  };
  const fields = due.map((d) => d.party.kyc!.path);
  return { findings: [ruleFinding(KYC_REFRESH_RULE_ID, rule, rule.severity, message, metrics, fields)], metrics, notes: [] };
}
