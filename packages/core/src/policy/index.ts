/** @kyocho/core/policy — the policy file: its schema, loading, fingerprint, tiers and rule findings. */
export { TierSchema, TiersSchema, tierMet, evaluateTiers, type Tier } from "./tiers.js";
export { ruleFinding, japaneseForm, type RuleText } from "./rule-finding.js";
export { LocalizedTextSchema, english, japanese, type LocalizedText } from "./localized-text.js";
export {
  PolicySchema,
  MergePolicySchema,
  RoutingPolicySchema,
  MandatoryExpertSchema,
  CitationRefSchema,
  ruleBaseShape,
  ModelFindingsPolicySchema,
  type Policy,
  type MergePolicy,
  type CitationRef,
  type ModelFindingsPolicy,
} from "./policy-schema.js";
export { parsePolicy, loadPolicyFile } from "./load-policy.js";
export { policyFingerprint, type PolicyFingerprint } from "./policy-fingerprint.js";
