import type { Case } from "@kyocho/core";
import { crossBorder } from "../calculators/cross-border.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import type { LegalPolicy } from "../legal-policy.js";
import { ruleFinding } from "@kyocho/core";
import { listNames, listNamesJa, type RuleOutcome } from "./rule-outcome.js";

export const SANCTIONS_CLAUSE_RULE_ID = "LEG-CLAUSE-SANC";

/**
 * LEG-CLAUSE-SANC: a cross-border deal (a party outside the home
 * country, or a facility in a foreign currency) must carry a sanctions
 * clause. Applied only when the case has a facility or a contract (see
 * `applyLegalRules`); no clause list counts as empty.
 *
 * @example
 * applySanctionsClauseRule({ c, parties, rule: policy.rules["LEG-CLAUSE-SANC"] })
 */
export function applySanctionsClauseRule(input: {
  c: Pick<Case, "bank" | "facility" | "contract">;
  parties: readonly Party[];
  rule: LegalPolicy["rules"]["LEG-CLAUSE-SANC"];
}): RuleOutcome {
  const { c, rule } = input;
  const border = crossBorder({
    parties: input.parties,
    homeCountry: c.bank.homeCountry,
    baseCurrency: c.bank.baseCurrency,
    facilityCurrency: c.facility?.currency,
  });
  const hasClause = (c.contract?.clauses ?? []).includes("sanctions");
  const metrics = {
    crossBorder: border.crossBorder ? 1 : 0,
    foreignParties: border.foreignParties.length,
    foreignCurrencyFacility: border.foreignCurrency ? 1 : 0,
    sanctionsClause: hasClause ? 1 : 0,
  };
  if (!border.crossBorder || hasClause) return { findings: [], metrics, notes: [] };

  const reasons: string[] = [];
  const reasonsJa: string[] = [];
  if (border.foreignParties.length > 0) {
    reasons.push(`parties outside ${c.bank.homeCountry}: ${listNames(border.foreignParties.map(describeParty))}`);
    reasonsJa.push(`${c.bank.homeCountry}以外に所在する当事者：${listNamesJa(border.foreignParties.map(describePartyJa))}`);
  }
  if (border.foreignCurrency && c.facility) {
    reasons.push(`facility in ${c.facility.currency}, not the base currency ${c.bank.baseCurrency}`);
    reasonsJa.push(`融資通貨${c.facility.currency}が当行の基準通貨${c.bank.baseCurrency}と異なる`);
  }
  const message = {
    en: `Cross-border deal (${reasons.join("; ")}) without a sanctions clause.`,
    ja: `クロスボーダー取引（${reasonsJa.join("；")}）ですが、制裁条項がありません。`,
  };
  return { findings: [ruleFinding(SANCTIONS_CLAUSE_RULE_ID, rule, rule.severity, message, metrics, ["contract.clauses"])], metrics, notes: [] };
}
