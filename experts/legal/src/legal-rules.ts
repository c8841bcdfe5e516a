import type { Case } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import type { LegalPolicy } from "./legal-policy.js";
import { caseParties, type Party } from "./parties.js";
import { applyAntiSocialClauseRule } from "./rules/anti-social-clause.js";
import { applyAntiSocialForcesRule } from "./rules/anti-social-forces.js";
import { applyChangeOfControlRule } from "./rules/change-of-control.js";
import { applyGoverningLawRule } from "./rules/governing-law.js";
import { applyKycRefreshRule } from "./rules/kyc-refresh.js";
import { applyKycRule } from "./rules/kyc.js";
import { applyLargeExposureRule } from "./rules/large-exposure.js";
import { applyPartyConflicts } from "./rules/party-conflicts.js";
import { applyPepRule } from "./rules/pep.js";
import type { DataGapFn, RuleOutcome } from "./rules/rule-outcome.js";
import { applySanctionsClauseRule } from "./rules/sanctions-clause.js";
import { applySanctionsMatchRule } from "./rules/sanctions-match.js";
import { applySanctionsRule } from "./rules/sanctions.js";
import { applyScreeningEvidence } from "./rules/screening-evidence.js";
import { sanctionsHits } from "./calculators/sanctions-screen.js";

/** The case paths the legal rules cannot work without; named in a question-only run. */
export const LEGAL_DATA_FIELDS = ["borrower", "counterparties", "contract"] as const;

/** Findings, metrics and notes of every legal rule applied to one case. */
export interface LegalAssessment {
  findings: ExpertFinding[];
  metrics: Record<string, number | null>;
  notes: string[];
}

/** What the legal rules need besides the case and the policy. */
export interface LegalRuleContext {
  /** The date evidence is aged against (`YYYY-MM-DD`). */
  asOf: string;
  dataGap: DataGapFn;
  dataConflict: DataGapFn;
}

/**
 * True when the case names anything the legal expert must look at: a party
 * (the borrower, a counterparty, a member of the borrower's group), a
 * facility or a contract. Whoever the question is about, a bank does not
 * deal with a party it has not screened.
 *
 * @example
 * hasLegalData({ borrower }) // true: the borrower must be screened
 * hasLegalData({ markets })  // false
 */
export function hasLegalData(c: Pick<Case, "borrower" | "counterparties" | "group" | "contract" | "facility"> | undefined): boolean {
  if (!c) return false;
  return (
    c.borrower !== undefined ||
    (c.counterparties?.length ?? 0) > 0 ||
    (c.group?.members.length ?? 0) > 0 ||
    c.contract !== undefined ||
    c.facility !== undefined
  );
}

/**
 * Applies the legal section of the policy to a case: first the parties
 * (conflicts, sanctions, potential matches, screening evidence, 反社, KYC,
 * KYC refresh, PEP), then the large exposure, then the contract rules —
 * which apply only when the case has a facility or a contract, since a
 * borrower-only question has no agreement to check.
 *
 * @example
 * const { findings, metrics } = applyLegalRules(c, policy, { asOf: ctx.asOf, dataGap: ctx.dataGap, dataConflict: ctx.dataConflict });
 */
export function applyLegalRules(c: Case | undefined, policy: LegalPolicy, context: LegalRuleContext): LegalAssessment {
  const { rules } = policy;
  const { dataGap } = context;
  if (!c || !hasLegalData(c)) {
    const gap = dataGap([...LEGAL_DATA_FIELDS], {
      en:
        "Legal and compliance rules need the parties (the borrower and counterparties, each with its sanctions screening, KYC " +
        "and anti-social-forces check) and the contract (governing law and clauses); add the facility to check the large-exposure limit.",
      ja:
        "法務・コンプライアンスの判定には、当事者（借り手と取引先。それぞれの制裁スクリーニング、取引時確認、反社チェック）と" +
        "契約（準拠法と条項）が必要です。大口信用供与の上限を確認するには、融資条件（facility）も記載してください。",
    });
    return combine([{ findings: [gap], metrics: {}, notes: [] }]);
  }

  const parties = caseParties(c);
  const outcomes: RuleOutcome[] = [];
  if (parties.length === 0) {
    outcomes.push({
      findings: [
        dataGap(["borrower", "counterparties"], {
          en: "LEG-SANC and LEG-KYC cannot be evaluated: the case names no party to screen.",
          ja: "スクリーニングする当事者が案件に記載されていないため、LEG-SANC と LEG-KYC を判定できません。",
        }),
      ],
      metrics: { partyCount: 0 },
      notes: [],
    });
  } else {
    const sanctioned = new Set<Party>(sanctionsHits(parties, policy.sanctionedJurisdictions).map((h) => h.party));
    const requiredFor = policy.antiSocialCheck.requiredFor;
    outcomes.push(
      applyPartyConflicts({ parties, dataConflict: context.dataConflict }),
      applySanctionsRule({ parties, sanctionedJurisdictions: policy.sanctionedJurisdictions, rule: rules["LEG-SANC"] }),
      applySanctionsMatchRule({ parties, sanctioned, rule: rules["LEG-SANC-MATCH"] }),
      applyScreeningEvidence({ parties, asOf: context.asOf, maxAgeDays: policy.screeningMaxAgeDays, dataGap }),
      applyAntiSocialForcesRule({ parties, requiredFor, rule: rules["LEG-ASF"], dataGap }),
      applyKycRule({ parties, rule: rules["LEG-KYC"], dataGap }),
      applyKycRefreshRule({ parties, asOf: context.asOf, rule: rules["LEG-KYC-REFRESH"] }),
      applyPepRule({ parties, rule: rules["LEG-PEP"] }),
    );
  }
  outcomes.push(applyLargeExposureRule({ c, rule: rules["LEG-LEX"], dataGap }));
  if (c.facility || c.contract) {
    outcomes.push(
      applySanctionsClauseRule({ c, parties, rule: rules["LEG-CLAUSE-SANC"] }),
      applyChangeOfControlRule({ c, rule: rules["LEG-CLAUSE-COC"] }),
      applyAntiSocialClauseRule({ c, parties, requiredFor: policy.antiSocialCheck.requiredFor, rule: rules["LEG-CLAUSE-ASF"] }),
      applyGoverningLawRule({ c, approvedGoverningLaws: policy.approvedGoverningLaws, rule: rules["LEG-LAW"] }),
    );
  } else {
    outcomes.push({ findings: [], metrics: {}, notes: ["Contract rules skipped: the case has no facility or contract to check."] });
  }
  return combine(outcomes);
}

function combine(outcomes: readonly RuleOutcome[]): LegalAssessment {
  return {
    findings: outcomes.flatMap((o) => o.findings),
    metrics: Object.assign({}, ...outcomes.map((o) => o.metrics)) as Record<string, number | null>,
    notes: outcomes.flatMap((o) => o.notes),
  };
}
