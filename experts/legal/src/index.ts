/**
 * @kyocho/expert-legal — the legal and compliance expert of kyocho: sanctions
 * and KYC screening, large exposures, contract clauses and governing law.
 */
export { legalExpert, createLegalExpert, legalSubQuestion, type LegalExpertOptions } from "./legal-expert.js";
export { LegalPolicySchema, type LegalPolicy, type LegalPolicyInput } from "./legal-policy.js";
export { LEGAL_KEYWORDS } from "./legal-keywords.js";
export { applyLegalRules, hasLegalData, LEGAL_DATA_FIELDS, type LegalAssessment } from "./legal-rules.js";
export { screenedParties, describeParty, type ScreenedParty, type KycStatus } from "./counterparties.js";
export { groupExposure, largeExposureRatio } from "./calculators/large-exposure.js";
export { sanctionsHits, type SanctionsHit, type SanctionsReason } from "./calculators/sanctions-screen.js";
export { kycSummary, type KycSummary } from "./calculators/kyc-summary.js";
export { crossBorder, type CrossBorderResult } from "./calculators/cross-border.js";
export { missingClauses } from "./calculators/missing-clauses.js";
export { isApprovedGoverningLaw } from "./calculators/governing-law.js";
export { applySanctionsRule, SANCTIONS_RULE_ID } from "./rules/sanctions.js";
export { applyKycRule, KYC_RULE_ID } from "./rules/kyc.js";
export { applyLargeExposureRule, LARGE_EXPOSURE_RULE_ID } from "./rules/large-exposure.js";
export { applySanctionsClauseRule, SANCTIONS_CLAUSE_RULE_ID } from "./rules/sanctions-clause.js";
export { applyChangeOfControlRule, CHANGE_OF_CONTROL_RULE_ID } from "./rules/change-of-control.js";
export { applyGoverningLawRule, GOVERNING_LAW_RULE_ID } from "./rules/governing-law.js";
export type { RuleOutcome, DataGapFn } from "./rules/rule-outcome.js";
