import { ruleFinding } from "@kyocho/core";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import { listNames, listNamesJa, type DataGapFn, type RuleOutcome } from "./rule-outcome.js";

export const ANTI_SOCIAL_FORCES_RULE_ID = "LEG-ASF";

/**
 * LEG-ASF — a veto (反社): a party whose anti-social-forces check is a `hit`
 * stops the deal. A party with a country in `requiredFor` and no check on
 * file is a DATA-GAP: a Japanese bank checks before it deals with anyone.
 *
 * @example
 * applyAntiSocialForcesRule({ parties, requiredFor: ["JP"], rule: policy.rules["LEG-ASF"], dataGap })
 */
export function applyAntiSocialForcesRule(input: {
  parties: readonly Party[];
  requiredFor: readonly string[];
  rule: LegalPolicy["rules"]["LEG-ASF"];
  dataGap: DataGapFn;
}): RuleOutcome {
  const hits = input.parties.filter((p) => p.antiSocialCheck?.result === "hit");
  const required = new Set(input.requiredFor.map((c) => c.toUpperCase()));
  const unchecked = input.parties.filter((p) => !p.antiSocialCheck && p.countries.some((c) => required.has(c.toUpperCase())));
  const metrics = { antiSocialHits: hits.length, antiSocialChecksMissing: unchecked.length };
  const findings = [];
  if (hits.length > 0) {
    const described = hits.map(
      (p) => `${describeParty(p)}: anti-social-forces check hit${p.antiSocialCheck?.checkedOn ? ` (checked ${p.antiSocialCheck.checkedOn})` : ""}`,
    );
    const describedJa = hits.map(
      (p) => `${describePartyJa(p)}：反社会的勢力に該当${p.antiSocialCheck?.checkedOn ? `（確認日 ${p.antiSocialCheck.checkedOn}）` : ""}`,
    );
    const message = { en: `${listNames(described)}.`, ja: `${describedJa.join("；")}。` };
    findings.push(
      ruleFinding(
        ANTI_SOCIAL_FORCES_RULE_ID,
        input.rule,
        input.rule.severity,
        message,
        metrics,
        hits.map((p) => p.antiSocialCheck!.path),
      ),
    );
  }
  if (unchecked.length > 0) {
    findings.push(
      input.dataGap(
        unchecked.map((p) => `${p.path}.antiSocialCheck`),
        {
          en: `No anti-social-forces check (反社チェック) on file — ${listNames(unchecked.map(describeParty))}; required for parties in ${input.requiredFor.join(", ")}.`,
          ja:
            `反社チェックの記録がありません：${listNamesJa(unchecked.map(describePartyJa))}。` +
            `${input.requiredFor.join("、")}の当事者には反社チェックが必要です。`,
        },
      ),
    );
  }
  return { findings, metrics, notes: [] };
}
