import { ruleFinding, type Case } from "@kyocho/core";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import { listNames, listNamesJa, passed, type RuleOutcome } from "./rule-outcome.js";

export const ANTI_SOCIAL_CLAUSE_RULE_ID = "LEG-CLAUSE-ASF";

/**
 * LEG-CLAUSE-ASF: when a contract is given and a party has a country in
 * `requiredFor`, the contract must carry an anti-social-forces clause
 * (暴力団排除条項) — the bank's right to terminate if a party turns out to be
 * one. Without a contract there is no clause to check.
 *
 * @example
 * applyAntiSocialClauseRule({ c, parties, requiredFor: ["JP"], rule: policy.rules["LEG-CLAUSE-ASF"] })
 */
export function applyAntiSocialClauseRule(input: {
  c: Pick<Case, "contract">;
  parties: readonly Party[];
  requiredFor: readonly string[];
  rule: LegalPolicy["rules"]["LEG-CLAUSE-ASF"];
}): RuleOutcome {
  const { c, rule } = input;
  if (!c.contract) return passed({}, ["LEG-CLAUSE-ASF skipped: no contract in the case."]);
  const hasClause = (c.contract.clauses ?? []).includes("anti_social_forces");
  const metrics = { antiSocialClause: hasClause ? 1 : 0 };
  const required = new Set(input.requiredFor.map((x) => x.toUpperCase()));
  const concerned = input.parties.filter((p) => p.countries.some((x) => required.has(x.toUpperCase())));
  if (hasClause || concerned.length === 0) return passed(metrics);
  const message = {
    en: `The contract has no anti-social-forces clause, required with parties in ${input.requiredFor.join(", ")} — ${listNames(concerned.map(describeParty))}.`,
    ja:
      `契約に暴力団排除条項がありません。${input.requiredFor.join("、")}の当事者がいる取引では必須です：` + `${listNamesJa(concerned.map(describePartyJa))}。`,
  };
  return { findings: [ruleFinding(ANTI_SOCIAL_CLAUSE_RULE_ID, rule, rule.severity, message, metrics, ["contract.clauses"])], metrics, notes: [] };
}
