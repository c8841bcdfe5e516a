import { sanctionsHits } from "../calculators/sanctions-screen.js";
import { describeParty, type ScreenedParty } from "../counterparties.js";
import type { LegalPolicy } from "../legal-policy.js";
import { ruleFinding } from "@kyocho/core";
import { listNames, type RuleOutcome } from "./rule-outcome.js";

export const SANCTIONS_RULE_ID = "LEG-SANC";

/**
 * LEG-SANC: any counterparty in a sanctioned jurisdiction or flagged by
 * screening stops the deal. One finding names every hit, so the compliance
 * officer sees the whole picture at once.
 *
 * @example
 * applySanctionsRule({ parties, sanctionedJurisdictions: ["IR"], rule: policy.rules["LEG-SANC"] })
 */
export function applySanctionsRule(input: {
  parties: readonly ScreenedParty[];
  sanctionedJurisdictions: readonly string[];
  rule: LegalPolicy["rules"]["LEG-SANC"];
}): RuleOutcome {
  const hits = sanctionsHits(input.parties, input.sanctionedJurisdictions);
  const metrics = { counterpartyCount: input.parties.length, sanctionedCounterparties: hits.length };
  if (hits.length === 0) return { findings: [], metrics, notes: [] };

  const described = hits.map(({ party, reasons }) => {
    const why = reasons.map((r) => (r === "jurisdiction" ? `based in sanctioned jurisdiction ${party.country}` : "flagged by sanctions screening"));
    return `${describeParty(party)}: ${why.join(" and ")}`;
  });
  const fields = hits.flatMap(({ party, reasons }) =>
    reasons.map((r) => (r === "jurisdiction" ? `${party.path}.country` : `${party.path}.sanctionsHit`)),
  );
  const count = hits.length === 1 ? "1 counterparty is" : `${hits.length} counterparties are`;
  const message = `${count} a sanctions hit — ${listNames(described)}.`;
  return { findings: [ruleFinding(SANCTIONS_RULE_ID, input.rule, input.rule.severity, message, metrics, fields)], metrics, notes: [] };
}
