import { maxSeverity } from "@kyocho/core/assessment";
import { ruleFinding, type Severity } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { kycSummary } from "../calculators/kyc-summary.js";
import type { LegalPolicy } from "../legal-policy.js";
import { describeParty, describePartyJa, type Party, type PartyRole } from "../parties.js";
import { listNames, listNamesJa, type DataGapFn, type RuleOutcome } from "./rule-outcome.js";

export const KYC_RULE_ID = "LEG-KYC";

/** The roles the bank onboards, and so must hold a KYC record on. */
export const ONBOARDED_ROLES: readonly PartyRole[] = ["borrower", "guarantor", "target"];

/**
 * LEG-KYC: a failed KYC is the `failed` severity, a pending one the
 * `pending` severity; one finding, at the highest level met, names every
 * party that still blocks signing. A borrower, guarantor or target with no
 * KYC on file is a DATA-GAP; a seller, an `other` party or a group member
 * without one is not — the bank screens them but does not onboard them.
 *
 * @example
 * applyKycRule({ parties, rule: policy.rules["LEG-KYC"], dataGap }).findings[0]?.severity // "critical" when one KYC failed
 */
export function applyKycRule(input: { parties: readonly Party[]; rule: LegalPolicy["rules"]["LEG-KYC"]; dataGap: DataGapFn }): RuleOutcome {
  const { rule } = input;
  const groups = kycSummary(input.parties);
  const missing = groups.missing.filter((p) => ONBOARDED_ROLES.includes(p.role));
  const metrics = { kycFailed: groups.failed.length, kycPending: groups.pending.length, kycMissing: missing.length };

  const findings: ExpertFinding[] = [];
  let severity: Severity | undefined;
  const parts: string[] = [];
  const partsJa: string[] = [];
  const fields: string[] = [];
  const add = (parties: Party[], level: Severity, label: string, labelJa: string) => {
    if (parties.length === 0) return;
    severity = severity === undefined ? level : maxSeverity(severity, level);
    parts.push(`${label}: ${listNames(parties.map(describeParty))}`);
    partsJa.push(`${labelJa}：${listNamesJa(parties.map(describePartyJa))}`);
    for (const p of parties) fields.push(p.kyc!.path);
  };
  add(groups.failed, rule.failed, "KYC failed", "取引時確認不可");
  add(groups.pending, rule.pending, "KYC pending", "取引時確認未了");
  if (severity !== undefined) {
    const message = {
      en: `KYC is not complete for every party — ${parts.join("; ")}.`,
      ja: `取引時確認が完了していない当事者があります。${partsJa.join("；")}。`,
    };
    findings.push(ruleFinding(KYC_RULE_ID, rule, severity, message, metrics, fields));
  }
  if (missing.length > 0) {
    findings.push(
      input.dataGap(
        missing.map((p) => `${p.path}.kyc`),
        {
          en: `No KYC record on file — ${listNames(missing.map(describeParty))}; the bank onboards borrowers, guarantors and targets only after KYC.`,
          ja: `取引時確認の記録がありません：${listNamesJa(missing.map(describePartyJa))}。借り手・保証人・買収対象とは取引時確認の完了後に限り取引します。`,
        },
      ),
    );
  }
  return { findings, metrics, notes: [] };
}
