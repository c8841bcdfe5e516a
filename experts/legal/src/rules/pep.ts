import { ruleFinding } from "@kyocho/core";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import { listNames, listNamesJa, type RuleOutcome } from "./rule-outcome.js";

export const PEP_RULE_ID = "LEG-PEP";

/**
 * LEG-PEP: a politically exposed person among a party's owners or
 * controllers needs enhanced due diligence (EDD) before the bank deals with
 * it; `pep: true` without `eddComplete: true` fires.
 *
 * @example
 * applyPepRule({ parties, rule: policy.rules["LEG-PEP"] })
 */
export function applyPepRule(input: { parties: readonly Party[]; rule: LegalPolicy["rules"]["LEG-PEP"] }): RuleOutcome {
  const open = input.parties.filter((p) => p.kyc?.pep === true && p.kyc.eddComplete !== true);
  const metrics = { pepWithoutEdd: open.length };
  if (open.length === 0) return { findings: [], metrics, notes: [] };
  const message = {
    en: `Politically exposed person without completed enhanced due diligence — ${listNames(open.map(describeParty))}.`,
    ja: `外国PEPsに該当し、厳格な顧客管理（EDD）が完了していません：${listNamesJa(open.map(describePartyJa))}。`,
  };
  const fields = open.map((p) => p.kyc!.path);
  return { findings: [ruleFinding(PEP_RULE_ID, input.rule, input.rule.severity, message, metrics, fields)], metrics, notes: [] };
}
