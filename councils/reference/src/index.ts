/**
 * @kyocho/reference-council — kyocho's reference council: the four
 * reference experts (lending, legal and compliance, FX, markets) with
 * Reference Policy v2, ready to assess.
 */
export { createReferenceCouncil, referenceExperts, loadReferencePolicy, REFERENCE_POLICY_PATH, REFERENCE_POLICY_V1_PATH } from "./reference-council.js";
