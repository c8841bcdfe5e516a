import type { Case, ExpertFinding } from "@kyocho/core";
import { screenedParties } from "./counterparties.js";
import type { LegalPolicy } from "./legal-policy.js";
import { applyChangeOfControlRule } from "./rules/change-of-control.js";
import { applyGoverningLawRule } from "./rules/governing-law.js";
import { applyKycRule } from "./rules/kyc.js";
import { applyLargeExposureRule } from "./rules/large-exposure.js";
import type { DataGapFn, RuleOutcome } from "./rules/rule-outcome.js";
import { applySanctionsClauseRule } from "./rules/sanctions-clause.js";
import { applySanctionsRule } from "./rules/sanctions.js";

/** The case paths the legal rules cannot work without; named in a question-only run. */
export const LEGAL_DATA_FIELDS = ["counterparties", "contract"] as const;

/** Findings, metrics and notes of every legal rule applied to one case. */
export interface LegalAssessment {
  findings: ExpertFinding[];
  metrics: Record<string, number | null>;
  notes: string[];
}

/**
 * True when the case carries data the legal rules are about: counterparties,
 * a contract or a facility (the sections that make the legal expert required).
 *
 * @example
 * hasLegalData({ facility }) // true
 * hasLegalData({ borrower }) // false: a borrower alone is a lending matter
 */
export function hasLegalData(c: Pick<Case, "counterparties" | "contract" | "facility"> | undefined): boolean {
  if (!c) return false;
  return (c.counterparties?.length ?? 0) > 0 || c.contract !== undefined || c.facility !== undefined;
}

/**
 * Applies the legal section of the policy to a case, in rule order.
 *
 * Without legal data (no counterparties, contract or facility) the run is
 * question-only: a DATA-GAP names what is needed, and a named borrower is
 * still screened against sanctions — a sanctioned jurisdiction is decisive
 * whatever else is missing — but is not held to KYC, which the case was never
 * asked to document.
 *
 * @example
 * const { findings, metrics } = applyLegalRules(c, policy, ctx.dataGap);
 */
export function applyLegalRules(c: Case | undefined, policy: LegalPolicy, dataGap: DataGapFn): LegalAssessment {
  const rules = policy.rules;
  if (!c || !hasLegalData(c)) {
    const gap = dataGap(
      [...LEGAL_DATA_FIELDS],
      "Legal and compliance rules need the counterparties (with KYC status and sanctions screening results) and the contract " +
        "(governing law and clauses); add the facility to check the large-exposure limit.",
    );
    const outcomes: RuleOutcome[] = [];
    const parties = c ? screenedParties(c) : [];
    if (parties.length > 0) {
      outcomes.push({
        findings: [],
        metrics: {},
        notes: ["No counterparties, contract or facility in the case: only the borrower was screened against sanctions (LEG-SANC)."],
      });
      outcomes.push(applySanctionsRule({ parties, sanctionedJurisdictions: policy.sanctionedJurisdictions, rule: rules["LEG-SANC"] }));
    }
    return combine([{ findings: [gap], metrics: {}, notes: [] }, ...outcomes]);
  }

  const parties = screenedParties(c);
  const outcomes: RuleOutcome[] = [];
  if (parties.length === 0) {
    outcomes.push({
      findings: [
        dataGap(
          ["counterparties"],
          "LEG-SANC and LEG-KYC cannot be evaluated: the case names no counterparty and no borrower to screen.",
        ),
      ],
      metrics: { counterpartyCount: 0 },
      notes: [],
    });
  } else {
    const implicit = parties.find((p) => p.implicit);
    const notes = implicit
      ? [`The borrower ${implicit.name} is screened as a counterparty (role borrower, no KYC status on file): no counterparty has role borrower.`]
      : [];
    outcomes.push({ findings: [], metrics: {}, notes });
    outcomes.push(applySanctionsRule({ parties, sanctionedJurisdictions: policy.sanctionedJurisdictions, rule: rules["LEG-SANC"] }));
    outcomes.push(applyKycRule({ parties, rule: rules["LEG-KYC"] }));
  }
  outcomes.push(applyLargeExposureRule({ c, rule: rules["LEG-LEX"], dataGap }));
  outcomes.push(applySanctionsClauseRule({ c, parties, rule: rules["LEG-CLAUSE-SANC"] }));
  outcomes.push(applyChangeOfControlRule({ c, rule: rules["LEG-CLAUSE-COC"] }));
  outcomes.push(applyGoverningLawRule({ c, approvedGoverningLaws: policy.approvedGoverningLaws, rule: rules["LEG-LAW"] }));
  return combine(outcomes);
}

function combine(outcomes: readonly RuleOutcome[]): LegalAssessment {
  return {
    findings: outcomes.flatMap((o) => o.findings),
    metrics: Object.assign({}, ...outcomes.map((o) => o.metrics)) as Record<string, number | null>,
    notes: outcomes.flatMap((o) => o.notes),
  };
}
