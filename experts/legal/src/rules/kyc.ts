import { maxSeverity, type Severity } from "@kyocho/core";
import { kycSummary } from "../calculators/kyc-summary.js";
import { describeParty, type ScreenedParty } from "../counterparties.js";
import type { LegalPolicy } from "../legal-policy.js";
import { ruleFinding } from "@kyocho/core";
import { listNames, type RuleOutcome } from "./rule-outcome.js";

export const KYC_RULE_ID = "LEG-KYC";

/**
 * LEG-KYC: a failed KYC is the `failed` severity, a pending or missing one the
 * `pending` severity (or `missing` when the policy sets it). One finding, at
 * the highest level met, names every counterparty that still blocks signing.
 *
 * @example
 * applyKycRule({ parties, rule: policy.rules["LEG-KYC"] }).findings[0]?.severity // "critical" when one KYC failed
 */
export function applyKycRule(input: {
  parties: readonly ScreenedParty[];
  rule: LegalPolicy["rules"]["LEG-KYC"];
}): RuleOutcome {
  const { rule } = input;
  const groups = kycSummary(input.parties);
  const metrics = {
    kycFailed: groups.failed.length,
    // Missing counts as pending, as the policy treats it; kycMissing says how many of those had no status at all.
    kycPending: groups.pending.length + groups.missing.length,
    kycMissing: groups.missing.length,
  };

  let severity: Severity | undefined;
  const parts: string[] = [];
  const fields: string[] = [];
  const add = (parties: ScreenedParty[], level: Severity, label: string) => {
    if (parties.length === 0) return;
    severity = severity === undefined ? level : maxSeverity(severity, level);
    parts.push(`${label}: ${listNames(parties.map(describeParty))}`);
    for (const p of parties) fields.push(p.implicit ? "counterparties" : `${p.path}.kyc`);
  };
  add(groups.failed, rule.failed, "KYC failed");
  add(groups.pending, rule.pending, "KYC pending");
  add(groups.missing, rule.missing ?? rule.pending, "no KYC status on file");
  if (severity === undefined) return { findings: [], metrics, notes: [] };

  const message = `KYC is not complete for every counterparty — ${parts.join("; ")}.`;
  return { findings: [ruleFinding(KYC_RULE_ID, rule, severity, message, metrics, [...new Set(fields)])], metrics, notes: [] };
}
