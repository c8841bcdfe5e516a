import type { Case } from "@kyocho/core";
import { isApprovedGoverningLaw } from "../calculators/governing-law.js";
import type { LegalPolicy } from "../legal-policy.js";
import { ruleFinding } from "@kyocho/core";
import { passed, type RuleOutcome } from "./rule-outcome.js";

export const GOVERNING_LAW_RULE_ID = "LEG-LAW";

/**
 * LEG-LAW: the contract's governing law must be on the approved list; a
 * missing one fires too. Evaluated only when the case has a contract or a
 * facility — with counterparties alone there is no agreement to govern yet.
 *
 * @example
 * applyGoverningLawRule({ c, approvedGoverningLaws: ["JP", "NY"], rule: policy.rules["LEG-LAW"] })
 */
export function applyGoverningLawRule(input: {
  c: Pick<Case, "facility" | "contract">;
  approvedGoverningLaws: readonly string[];
  rule: LegalPolicy["rules"]["LEG-LAW"];
}): RuleOutcome {
  const { c, rule } = input;
  if (!c.contract && !c.facility) return passed({}, ["LEG-LAW skipped: no contract or facility in the case."]);

  const law = c.contract?.governingLaw;
  const approved = isApprovedGoverningLaw(law, input.approvedGoverningLaws);
  const metrics = { governingLawApproved: approved ? 1 : 0 };
  if (approved) return passed(metrics);

  const list = input.approvedGoverningLaws.join(", ");
  const listJa = input.approvedGoverningLaws.join("、");
  const message =
    law === undefined
      ? { en: `No governing law is stated for the contract (approved: ${list}).`, ja: `契約に準拠法の定めがありません（承認済み：${listJa}）。` }
      : { en: `Governing law ${law} is not on the approved list (${list}).`, ja: `準拠法${law}は承認済みの準拠法（${listJa}）に含まれていません。` };
  return { findings: [ruleFinding(GOVERNING_LAW_RULE_ID, rule, rule.severity, message, metrics, ["contract.governingLaw"])], metrics, notes: [] };
}
