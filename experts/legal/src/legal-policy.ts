import { z } from "zod";
import { CONTRACT_CLAUSES, CountryCodeSchema, EXPOSURE_KINDS, FacilitySchema } from "@kyocho/core/case";
import { ruleBaseShape } from "@kyocho/core/policy";
import { SeveritySchema } from "@kyocho/core/assessment";
import { TiersSchema } from "@kyocho/core";

/** A rule that fires at one fixed severity when its condition holds. */
const FixedSeverityRuleSchema = z.strictObject({ ...ruleBaseShape, severity: SeveritySchema });

/**
 * A veto rule: always critical. Declared a veto by the legal expert in code,
 * so a policy file can neither soften its severity nor take its veto away.
 */
const VetoRuleSchema = z.strictObject({
  ...ruleBaseShape,
  severity: z.literal("critical", { error: "must be critical: this rule is a veto no policy can soften" }),
});

const ClauseSchema = z.enum(CONTRACT_CLAUSES);
const days = () => z.number().int().positive();

/**
 * The legal expert's section of a policy file (`experts.legal`). Every rule is
 * required: a rule left out of a bank's policy must be a visible error, not a
 * silently disabled control. The compliance floor is refused at load when
 * broken: LEG-SANC and LEG-ASF are critical, and the sanctioned list is never
 * empty.
 *
 * @example
 * const legal = LegalPolicySchema.parse(YAML.parse(text).experts.legal);
 * legal.rules["LEG-LEX"].tiers; // [{ above: 0.25, severity: "critical" }, ...]
 */
export const LegalPolicySchema = z.strictObject({
  /** ISO 3166 alpha-2 codes; a party with any of its countries in one of them is a sanctions hit. */
  sanctionedJurisdictions: z.array(CountryCodeSchema).min(1, "must name at least one jurisdiction: an empty list would screen nobody"),
  /** Governing laws the bank accepts without a legal opinion (compared case-insensitively). */
  approvedGoverningLaws: z.array(z.string().trim().min(1)).min(1),
  /** A screening older than this many days before `asOf` is stale evidence (a DATA-GAP). */
  screeningMaxAgeDays: days(),
  antiSocialCheck: z.strictObject({
    /** Parties with any of these countries need a 反社 check on file and, with a contract, an anti-social-forces clause. */
    requiredFor: z.array(CountryCodeSchema),
  }),
  rules: z.strictObject({
    "LEG-SANC": VetoRuleSchema,
    "LEG-SANC-MATCH": FixedSeverityRuleSchema,
    "LEG-ASF": VetoRuleSchema,
    "LEG-KYC": z.strictObject({ ...ruleBaseShape, failed: SeveritySchema, pending: SeveritySchema }),
    "LEG-KYC-REFRESH": z.strictObject({
      ...ruleBaseShape,
      severity: SeveritySchema,
      /** Days between reviews by the KYC risk rating; a record without a rating uses `high`. */
      refreshDays: z.strictObject({ high: days(), medium: days(), low: days() }),
    }),
    "LEG-PEP": FixedSeverityRuleSchema,
    "LEG-LEX": z.strictObject({
      ...ruleBaseShape,
      /** Credit conversion factor per kind of existing exposure (an undrawn commitment counts at half in the reference). */
      ccf: z.strictObject(
        Object.fromEntries(EXPOSURE_KINDS.map((k) => [k, z.number().finite().min(0).max(1)])) as Record<(typeof EXPOSURE_KINDS)[number], z.ZodNumber>,
      ),
      tiers: TiersSchema,
    }),
    "LEG-CLAUSE-SANC": FixedSeverityRuleSchema,
    "LEG-CLAUSE-COC": z.strictObject({
      ...ruleBaseShape,
      severity: SeveritySchema,
      facilityTypes: z.array(FacilitySchema.shape.type).min(1),
      tenorAboveYears: z.number().finite().nonnegative(),
      requiredClauses: z.array(ClauseSchema).min(1),
    }),
    "LEG-CLAUSE-ASF": FixedSeverityRuleSchema,
    "LEG-LAW": FixedSeverityRuleSchema,
  }),
});

/** The parsed `experts.legal` policy section. */
export type LegalPolicy = z.output<typeof LegalPolicySchema>;
/** The input form of `experts.legal` (what a policy file holds before parsing). */
export type LegalPolicyInput = z.input<typeof LegalPolicySchema>;
