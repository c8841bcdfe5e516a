import { ruleBaseShape, SeveritySchema, TiersSchema } from "@kyocho/core";
import { z } from "zod";

/** A rule judged by tiers on one metric: title, tiers, condition, citation. */
const tieredRuleShape = { ...ruleBaseShape, tiers: TiersSchema };

export const TieredRuleSchema = z.strictObject(tieredRuleShape);
export type TieredRule = z.infer<typeof TieredRuleSchema>;

/** Leverage has no meaningful ratio when EBITDA is zero or negative, so the policy sets that severity outright. */
export const LeverageRuleSchema = z.strictObject({ ...tieredRuleShape, nonPositiveEbitda: SeveritySchema });
export type LeverageRule = z.infer<typeof LeverageRuleSchema>;

/** The FX stress carries its own shock size so a risk officer can tighten it without code. */
export const FxDscrRuleSchema = z.strictObject({
  ...tieredRuleShape,
  revenueShock: z.number().finite().min(0).max(1),
});
export type FxDscrRule = z.infer<typeof FxDscrRuleSchema>;

/**
 * The `experts.lending` section of a policy file. Every rule is required:
 * a misspelt rule id must be refused, not silently switch a rule off.
 *
 * @example
 * const policy = LendingPolicySchema.parse(YAML.parse(text).experts.lending);
 * policy.rules["LEN-LEV"].tiers; // [{ above: 6, severity: "high" }, { above: 4, severity: "medium" }]
 */
export const LendingPolicySchema = z.strictObject({
  rules: z.strictObject({
    "LEN-LEV": LeverageRuleSchema,
    "LEN-DSCR": TieredRuleSchema,
    "LEN-ICR": TieredRuleSchema,
    "LEN-LTV": TieredRuleSchema,
    "LEN-TENOR": TieredRuleSchema,
    "LEN-FXDSCR": FxDscrRuleSchema,
  }),
});
export type LendingPolicy = z.infer<typeof LendingPolicySchema>;

/** The rule ids of the lending expert, in the order findings are reported. */
export const LENDING_RULE_IDS = ["LEN-LEV", "LEN-DSCR", "LEN-ICR", "LEN-LTV", "LEN-TENOR", "LEN-FXDSCR"] as const;
export type LendingRuleId = (typeof LENDING_RULE_IDS)[number];
