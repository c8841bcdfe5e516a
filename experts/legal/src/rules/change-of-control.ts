import type { Case } from "@kyocho/core";
import type { CONTRACT_CLAUSES, Facility } from "@kyocho/core/case";

type ContractClause = (typeof CONTRACT_CLAUSES)[number];
import { missingClauses } from "../calculators/missing-clauses.js";
import type { LegalPolicy } from "../legal-policy.js";
import { ruleFinding } from "@kyocho/core";
import { listNames, passed, type RuleOutcome } from "./rule-outcome.js";

export const CHANGE_OF_CONTROL_RULE_ID = "LEG-CLAUSE-COC";

/** Facility types as a Japanese message names them. */
const FACILITY_TYPE_JA: Record<Facility["type"], string> = { term_loan: "タームローン", revolver: "コミットメントライン", bond: "社債" };

/** Contract clauses as a Japanese message names them. */
const CLAUSE_JA: Record<ContractClause, string> = {
  sanctions: "制裁条項",
  cross_default: "クロスデフォルト条項",
  change_of_control: "支配権変更条項",
  negative_pledge: "担保提供制限条項",
  mac: "MAC条項",
  anti_social_forces: "暴力団排除条項",
};

/**
 * LEG-CLAUSE-COC: a long facility of the policy's types (term loans above
 * five years in the reference policy) must carry every required clause
 * (cross-default and change of control). Reports which ones are missing,
 * as `missingClause.<clause>` = 1.
 *
 * @example
 * applyChangeOfControlRule({ c, rule: policy.rules["LEG-CLAUSE-COC"] })
 */
export function applyChangeOfControlRule(input: { c: Pick<Case, "facility" | "contract">; rule: LegalPolicy["rules"]["LEG-CLAUSE-COC"] }): RuleOutcome {
  const { c, rule } = input;
  const facility = c.facility;
  if (!facility) return passed({}, ["LEG-CLAUSE-COC skipped: no facility in the case."]);

  const missing = missingClauses(c.contract?.clauses, rule.requiredClauses);
  const metrics: Record<string, number> = { missingRequiredClauses: missing.length };
  for (const clause of rule.requiredClauses) metrics[`missingClause.${clause}`] = missing.includes(clause) ? 1 : 0;

  const applies = rule.facilityTypes.includes(facility.type) && facility.tenorYears > rule.tenorAboveYears;
  if (!applies || missing.length === 0) return passed(metrics);

  const message = {
    en:
      `${facility.type} of ${facility.tenorYears} years (above ${rule.tenorAboveYears}) lacks ` +
      `${listNames(missing.map((m) => m.replace(/_/g, "-")))} clause${missing.length > 1 ? "s" : ""}.`,
    ja:
      `期間${facility.tenorYears}年（${rule.tenorAboveYears}年超）の${FACILITY_TYPE_JA[facility.type]}に` +
      `${missing.map((m) => CLAUSE_JA[m]).join("・")}がありません。`,
  };
  const findingMetrics = { ...metrics, tenorYears: facility.tenorYears };
  return {
    findings: [ruleFinding(CHANGE_OF_CONTROL_RULE_ID, rule, rule.severity, message, findingMetrics, ["contract.clauses"])],
    metrics,
    notes: [],
  };
}
