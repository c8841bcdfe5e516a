// Test-only helpers (outside src/, so never compiled into dist).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePolicy, type Policy } from "@kyocho/core";
import YAML from "yaml";
import { LendingPolicySchema, type LendingPolicy, type TieredRule } from "../src/lending-policy.js";

export const REFERENCE_POLICY_PATH = fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url));

/** The shipped reference policy, validated by the core. */
export function loadReferencePolicy(): Policy {
  return parsePolicy(YAML.parse(readFileSync(REFERENCE_POLICY_PATH, "utf8")), "reference-v1.yaml");
}

/** The `experts.lending` section of the reference policy, validated by the lending schema. */
export function referenceLendingPolicy(): LendingPolicy {
  return LendingPolicySchema.parse(loadReferencePolicy().experts.lending);
}

/** A small rule with made-up thresholds, to show the rules read the policy rather than hard-coded values. */
export function inlineRule(tiers: TieredRule["tiers"]): TieredRule {
  return {
    title: "Inline rule",
    condition: "Inline condition.",
    citation: { document: "lending/inline.md", section: "Inline" },
    tiers,
  };
}
