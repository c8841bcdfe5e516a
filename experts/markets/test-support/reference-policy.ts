import { parsePolicy, type Policy } from "@kyocho/core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { MarketsPolicySchema, type MarketsPolicy } from "../src/markets-policy.js";

/** The shipped reference policy, read relative to this file so tests run from any directory. */
export const REFERENCE_POLICY_PATH = fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url));

/**
 * The reference policy, validated like the CLI validates a policy file.
 *
 * @example
 * loadReferencePolicy().experts.markets
 */
export function loadReferencePolicy(): Policy {
  return parsePolicy(YAML.parse(readFileSync(REFERENCE_POLICY_PATH, "utf8")), REFERENCE_POLICY_PATH);
}

/**
 * The markets section of the reference policy, parsed by the expert's own schema.
 *
 * @example
 * referenceMarketsPolicy().rules["MKT-RATE"].shockBp // 200
 */
export function referenceMarketsPolicy(): MarketsPolicy {
  return MarketsPolicySchema.parse(loadReferencePolicy().experts.markets);
}
