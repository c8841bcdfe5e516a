import { ruleBaseShape } from "@kyocho/core/policy";
import { SeveritySchema } from "@kyocho/core/assessment";
import { TiersSchema } from "@kyocho/core";
import { z } from "zod";

/** A rule judged by tiers on one metric: title, tiers, condition, citation. */
const tieredRuleShape = { ...ruleBaseShape, tiers: TiersSchema };

export const TieredRuleSchema = z.strictObject(tieredRuleShape);
export type TieredRule = z.infer<typeof TieredRuleSchema>;

/** Leverage has no meaningful ratio when EBITDA is zero or negative, so the policy sets that severity outright. */
export const LeverageRuleSchema = z.strictObject({ ...tieredRuleShape, nonPositiveEbitda: SeveritySchema });
export type LeverageRule = z.infer<typeof LeverageRuleSchema>;

/**
 * LEN-BALLOON: a bullet facility longer than `tenorAboveYears` is judged on
 * the years of CFADS its balloon takes (new debt / CFADS); CFADS at or below
 * zero gets `nonPositiveCfads` outright.
 */
export const BalloonRuleSchema = z.strictObject({
  ...tieredRuleShape,
  tenorAboveYears: z.number().finite().nonnegative(),
  nonPositiveCfads: SeveritySchema,
});
export type BalloonRule = z.infer<typeof BalloonRuleSchema>;

/** The share of a collateral's value set aside for a fall in value and the cost of enforcement (0.30 = 30%). */
const haircut = () => z.number().finite().min(0).max(1);

/**
 * LEN-LTV: the haircut per collateral type (担保掛目 = 1 − haircut). Every
 * type of the case schema must have one, so no collateral is ever valued at
 * 100% because its type was forgotten.
 */
export const LtvRuleSchema = z.strictObject({
  ...tieredRuleShape,
  haircuts: z.strictObject({
    real_estate: haircut(),
    securities: haircut(),
    receivables: haircut(),
    equipment: haircut(),
    cash: haircut(),
    other: haircut(),
  }),
});
export type LtvRule = z.infer<typeof LtvRuleSchema>;
export type Haircuts = LtvRule["haircuts"];

/** LEN-FXDSCR: tiers only; the FX loss it stresses with is the fx expert's (`fxLoss`). */
export const FxDscrRuleSchema = TieredRuleSchema;
export type FxDscrRule = TieredRule;

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
    "LEN-BALLOON": BalloonRuleSchema,
    "LEN-LTV": LtvRuleSchema,
    "LEN-TENOR": TieredRuleSchema,
    "LEN-FXDSCR": FxDscrRuleSchema,
  }),
});
export type LendingPolicy = z.infer<typeof LendingPolicySchema>;

/** The rule ids of the lending expert, in the order findings are reported (the policy's order). */
export const LENDING_RULE_IDS = ["LEN-LEV", "LEN-DSCR", "LEN-ICR", "LEN-BALLOON", "LEN-LTV", "LEN-TENOR", "LEN-FXDSCR"] as const;
export type LendingRuleId = (typeof LENDING_RULE_IDS)[number];
