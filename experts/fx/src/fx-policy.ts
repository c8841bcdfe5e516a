import { ruleBaseShape } from "@kyocho/core/policy";
import { SeveritySchema } from "@kyocho/core/assessment";
import { TiersSchema } from "@kyocho/core";
import { z } from "zod";

const ratio = () => z.number().finite().min(0).max(1);
const positive = () => z.number().finite().positive();

/**
 * The `experts.fx` section of a policy file: the borrower's currency mismatch
 * over one year, in its reporting currency. Every object is strict so a
 * misspelt threshold (`minHedgeRatoi`) is refused with its path instead of
 * silently falling back to nothing; every rule must be present, because a
 * missing rule would otherwise read as "no FX risk".
 *
 * @example
 * const policy = FxPolicySchema.parse(YAML.parse(text).experts.fx);
 * policy.rules["FX-HEDGE"].minHedgeRatio // 0.5
 */
export const FxPolicySchema = z.strictObject({
  valueAtRisk: z.strictObject({
    z: positive(),
    horizonDays: positive(),
    tradingDaysPerYear: positive(),
  }),
  /** A currency is material when |net position| is at least this share of revenue. */
  materialityShareOfRevenue: ratio(),
  rules: z.strictObject({
    "FX-HEDGE": z.strictObject({
      ...ruleBaseShape,
      minHedgeRatio: ratio(),
      longTenorAboveYears: z.number().finite().nonnegative(),
      longTenorSeverity: SeveritySchema,
      shortTenorSeverity: SeveritySchema,
    }),
    "FX-OVERHEDGE": z.strictObject({
      ...ruleBaseShape,
      toleranceShareOfNet: z.number().finite().nonnegative(),
      severity: SeveritySchema,
    }),
    "FX-STRESS": z.strictObject({
      ...ruleBaseShape,
      shock: positive(),
      tiers: TiersSchema,
      nonPositiveCfads: SeveritySchema,
    }),
    "FX-VOL": z.strictObject({
      ...ruleBaseShape,
      volAbove: z.number().finite().nonnegative(),
      openShareOfNetAtLeast: ratio(),
      severity: SeveritySchema,
    }),
  }),
});

/** The parsed `experts.fx` policy section. */
export type FxPolicy = z.output<typeof FxPolicySchema>;
export type FxHedgeRule = FxPolicy["rules"]["FX-HEDGE"];
export type FxOverhedgeRule = FxPolicy["rules"]["FX-OVERHEDGE"];
export type FxStressRule = FxPolicy["rules"]["FX-STRESS"];
export type FxVolRule = FxPolicy["rules"]["FX-VOL"];
export type FxVarParameters = FxPolicy["valueAtRisk"];
