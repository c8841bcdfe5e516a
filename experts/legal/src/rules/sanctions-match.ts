import { ruleFinding } from "@kyocho/core";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import { listNames, type RuleOutcome } from "./rule-outcome.js";

export const SANCTIONS_MATCH_RULE_ID = "LEG-SANC-MATCH";

/**
 * LEG-SANC-MATCH: a party whose screening is a `potential_match` — and that
 * is not already a LEG-SANC hit — needs the sanctions officer's disposition
 * (true match or false positive) before anything else happens on the deal.
 *
 * @example
 * applySanctionsMatchRule({ parties, sanctioned: new Set(), rule: policy.rules["LEG-SANC-MATCH"] })
 */
export function applySanctionsMatchRule(input: {
  parties: readonly Party[];
  /** Parties LEG-SANC already stops: a match on them adds nothing. */
  sanctioned: ReadonlySet<Party>;
  rule: LegalPolicy["rules"]["LEG-SANC-MATCH"];
}): RuleOutcome {
  const matches = input.parties.filter((p) => p.screening?.result === "potential_match" && !input.sanctioned.has(p));
  const metrics = { sanctionsPotentialMatches: matches.length };
  if (matches.length === 0) return { findings: [], metrics, notes: [] };
  const described = matches.map((p) => {
    const lists = p.screening?.lists?.length ? ` against ${p.screening.lists.join(", ")}` : "";
    return `${describeParty(p)}, screened ${p.screening?.screenedOn ?? "(undated)"}${lists}`;
  });
  const describedJa = matches.map((p) => {
    const lists = p.screening?.lists?.length ? `（照合リスト：${p.screening.lists.join("、")}）` : "";
    return `${describePartyJa(p)}：スクリーニング日 ${p.screening?.screenedOn ?? "不明"}${lists}`;
  });
  const message = {
    en: `Potential sanctions match awaiting disposition — ${listNames(described)}.`,
    ja: `制裁リストとの潜在的一致が未処理です。${describedJa.join("；")}。`,
  };
  const fields = matches.map((p) => p.screening!.path);
  return { findings: [ruleFinding(SANCTIONS_MATCH_RULE_ID, input.rule, input.rule.severity, message, metrics, fields)], metrics, notes: [] };
}
