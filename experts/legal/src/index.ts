/**
 * @kyocho/expert-legal — the legal and compliance expert of kyocho: every
 * party screened for sanctions and anti-social forces (both vetoes) with dated
 * evidence, KYC and PEPs, large exposures, contract clauses and governing law.
 */
export { legalExpert, createLegalExpert, legalSubQuestion, LEGAL_VETOES, type LegalExpertOptions } from "./legal-expert.js";
export { LegalPolicySchema, type LegalPolicy, type LegalPolicyInput } from "./legal-policy.js";
export { LEGAL_KEYWORDS } from "./legal-keywords.js";
export { applyLegalRules, hasLegalData, LEGAL_DATA_FIELDS, type LegalAssessment, type LegalRuleContext } from "./legal-rules.js";
export {
  caseParties,
  describeParty,
  combineEvidence,
  type Party,
  type PartyRole,
  type PartyEntry,
  type PartyScreening,
  type PartyKyc,
  type PartyAntiSocialCheck,
} from "./parties.js";
export { groupExposure, largeExposureRatio } from "./calculators/large-exposure.js";
export { sanctionsHits, type SanctionsHit, type SanctionsReason } from "./calculators/sanctions-screen.js";
export { kycSummary, type KycSummary, type KycStatus } from "./calculators/kyc-summary.js";
export { evidenceAge, type EvidenceAge } from "./calculators/evidence-age.js";
export { crossBorder, type CrossBorderResult } from "./calculators/cross-border.js";
export { missingClauses } from "./calculators/missing-clauses.js";
export { isApprovedGoverningLaw } from "./calculators/governing-law.js";
export { applySanctionsRule, SANCTIONS_RULE_ID } from "./rules/sanctions.js";
export { applyKycRule, KYC_RULE_ID, ONBOARDED_ROLES } from "./rules/kyc.js";
export { applyKycRefreshRule, KYC_REFRESH_RULE_ID } from "./rules/kyc-refresh.js";
export { applyPepRule, PEP_RULE_ID } from "./rules/pep.js";
export { applySanctionsMatchRule, SANCTIONS_MATCH_RULE_ID } from "./rules/sanctions-match.js";
export { applyScreeningEvidence } from "./rules/screening-evidence.js";
export { applyAntiSocialForcesRule, ANTI_SOCIAL_FORCES_RULE_ID } from "./rules/anti-social-forces.js";
export { applyAntiSocialClauseRule, ANTI_SOCIAL_CLAUSE_RULE_ID } from "./rules/anti-social-clause.js";
export { applyPartyConflicts } from "./rules/party-conflicts.js";
export { applyLargeExposureRule, LARGE_EXPOSURE_RULE_ID } from "./rules/large-exposure.js";
export { applySanctionsClauseRule, SANCTIONS_CLAUSE_RULE_ID } from "./rules/sanctions-clause.js";
export { applyChangeOfControlRule, CHANGE_OF_CONTROL_RULE_ID } from "./rules/change-of-control.js";
export { applyGoverningLawRule, GOVERNING_LAW_RULE_ID } from "./rules/governing-law.js";
export type { RuleOutcome, DataGapFn } from "./rules/rule-outcome.js";
