import { ruleBaseShape } from "@kyocho/core/policy";
import { SeveritySchema } from "@kyocho/core/assessment";
import { TiersSchema } from "@kyocho/core";
import { z } from "zod";

/**
 * MKT-RATE: the loss of a parallel rate move, up or down, whichever hurts
 * (max(Σdv01 · shockBp, −Σdv01 · shockBp)), as a share of the rates book's
 * gross value Σ|marketValue| (bonds, loans and swaps).
 */
export const RateRuleSchema = z.strictObject({
  ...ruleBaseShape,
  /** Size of the parallel move in basis points (200 = 2.00%), applied in whichever direction hurts. */
  shockBp: z.number().finite().positive(),
  /** Tiers on rateShockLossRatio (0.05 = the loss is 5% of the rates book's gross value). */
  tiers: TiersSchema,
});

/**
 * MKT-CONC: the largest non-sovereign issuer's share of the whole book and the
 * HHI of the issuer shares, issuers grouped by issuerId, on gross value
 * |marketValue|; sovereigns count in the book, never as a single name.
 */
export const ConcentrationRuleSchema = z.strictObject({
  ...ruleBaseShape,
  /** A largest issuer share strictly above this (a decimal in [0, 1]) fires largestShareSeverity. */
  largestShareAbove: z.number().finite().min(0).max(1),
  largestShareSeverity: SeveritySchema,
  /** An HHI (0 to 10 000) strictly above this fires hhiSeverity. */
  hhiAbove: z.number().finite().min(0).max(10_000),
  hhiSeverity: SeveritySchema,
});

/** MKT-LIQ: position size over average daily traded value. */
export const LiquidityRuleSchema = z.strictObject({
  ...ruleBaseShape,
  /** Tiers on |marketValue| / adv per position. */
  tiers: TiersSchema,
});

/**
 * The markets expert's section of a policy file (`experts.markets`). Every
 * rule must be present: a rule silently missing from a bank's policy would
 * read as "no market risk", which is worse than a refused file.
 */
export const MarketsPolicySchema = z.strictObject({
  rules: z.strictObject({
    "MKT-RATE": RateRuleSchema,
    "MKT-CONC": ConcentrationRuleSchema,
    "MKT-LIQ": LiquidityRuleSchema,
  }),
});

export type MarketsPolicy = z.output<typeof MarketsPolicySchema>;
export type RateRule = z.output<typeof RateRuleSchema>;
export type ConcentrationRule = z.output<typeof ConcentrationRuleSchema>;
export type LiquidityRule = z.output<typeof LiquidityRuleSchema>;
