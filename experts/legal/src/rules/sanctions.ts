import { ruleFinding } from "@kyocho/core";
import { sanctionsHits } from "../calculators/sanctions-screen.js";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import { listNames, type RuleOutcome } from "./rule-outcome.js";

export const SANCTIONS_RULE_ID = "LEG-SANC";

/**
 * LEG-SANC — a veto: any party with a sanctioned country (any of its
 * countries) or a screening `hit` stops the deal. One finding names every
 * hit, so the compliance officer sees the whole picture at once; the message
 * starts with the parties, because reports print it after "Declined:
 * sanctions veto —" (in Japanese, after "謝絶：制裁による拒否（LEG-SANC）—").
 *
 * @example
 * applySanctionsRule({ parties, sanctionedJurisdictions: ["IR"], rule: policy.rules["LEG-SANC"] })
 */
export function applySanctionsRule(input: {
  parties: readonly Party[];
  sanctionedJurisdictions: readonly string[];
  rule: LegalPolicy["rules"]["LEG-SANC"];
}): RuleOutcome {
  const hits = sanctionsHits(input.parties, input.sanctionedJurisdictions);
  const metrics = { partyCount: input.parties.length, sanctionedParties: hits.length };
  if (hits.length === 0) return { findings: [], metrics, notes: [] };

  const described = hits.map(({ party, reasons, sanctionedCountries }) => {
    const why = reasons.map((r) =>
      r === "jurisdiction"
        ? `sanctioned jurisdiction ${sanctionedCountries.join(" and ")}`
        : `screening hit${party.screening?.screenedOn ? ` (screened ${party.screening.screenedOn})` : ""}`,
    );
    return `${describeParty(party)}: ${why.join(" and ")}`;
  });
  const describedJa = hits.map(({ party, reasons, sanctionedCountries }) => {
    const why = reasons.map((r) =>
      r === "jurisdiction"
        ? `制裁対象国・地域 ${sanctionedCountries.join("・")}`
        : `制裁リスト該当${party.screening?.screenedOn ? `（スクリーニング日 ${party.screening.screenedOn}）` : ""}`,
    );
    return `${describePartyJa(party)}：${why.join("、")}`;
  });
  const message = { en: `${listNames(described)}.`, ja: `${describedJa.join("；")}。` };
  const fields = hits.flatMap((h) => h.fields);
  return { findings: [ruleFinding(SANCTIONS_RULE_ID, input.rule, input.rule.severity, message, metrics, fields)], metrics, notes: [] };
}
