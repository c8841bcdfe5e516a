// Test-only helpers (outside src/, so never compiled into dist).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePolicy, type Policy } from "@kyocho/core";
import YAML from "yaml";
import { LendingPolicySchema, type LendingPolicy, type TieredRule } from "../src/lending-policy.js";

export const REFERENCE_POLICY_PATH = fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url));

/** The raw `experts.lending` section of Reference Policy v2, as written in the file. */
export function rawLendingSection(): any {
  return structuredClone(YAML.parse(readFileSync(REFERENCE_POLICY_PATH, "utf8")).experts.lending);
}

/** Reference Policy v2, validated by the core. */
export function loadReferencePolicy(): Policy {
  return parsePolicy(YAML.parse(readFileSync(REFERENCE_POLICY_PATH, "utf8")), "reference-v2.yaml");
}

/** The `experts.lending` section of Reference Policy v2, validated by the lending schema. */
export function referenceLendingPolicy(): LendingPolicy {
  return LendingPolicySchema.parse(rawLendingSection());
}

/** A small rule with made-up thresholds, to show the rules read the policy rather than hard-coded values. */
export function inlineRule(tiers: TieredRule["tiers"]): TieredRule {
  return {
    title: { en: "Inline rule", ja: "インライン規則" },
    condition: { en: "Inline condition.", ja: "インライン条件。" },
    citation: { document: "lending/inline.md", section: "Inline" },
    tiers,
  };
}
