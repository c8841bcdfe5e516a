import { z } from "zod";
import {
  CONTRACT_CLAUSES, CountryCodeSchema, FacilitySchema, ruleBaseShape, SeveritySchema, TiersSchema,
} from "@kyocho/core";

/** A rule that fires at one fixed severity when its condition holds. */
const FixedSeverityRuleSchema = z.strictObject({ ...ruleBaseShape, severity: SeveritySchema });

const ClauseSchema = z.enum(CONTRACT_CLAUSES);

/**
 * The legal expert's section of a policy file (`experts.legal`). Every rule is
 * required: a rule left out of a bank's policy must be a visible error, not a
 * silently disabled control.
 *
 * @example
 * const legal = LegalPolicySchema.parse(YAML.parse(text).experts.legal);
 * legal.rules["LEG-LEX"].tiers; // [{ above: 0.25, severity: "critical" }, ...]
 */
export const LegalPolicySchema = z.strictObject({
  /** ISO 3166 alpha-2 codes; a counterparty based in one of them is a sanctions hit. */
  sanctionedJurisdictions: z.array(CountryCodeSchema),
  /** Governing laws the bank accepts without a legal opinion (compared case-insensitively). */
  approvedGoverningLaws: z.array(z.string().trim().min(1)).min(1),
  rules: z.strictObject({
    "LEG-SANC": FixedSeverityRuleSchema,
    "LEG-KYC": z.strictObject({
      ...ruleBaseShape,
      failed: SeveritySchema,
      pending: SeveritySchema,
      /** Severity for a counterparty with no KYC status at all; the `pending` severity when left out. */
      missing: SeveritySchema.optional(),
    }),
    "LEG-LEX": z.strictObject({ ...ruleBaseShape, tiers: TiersSchema }),
    "LEG-CLAUSE-SANC": FixedSeverityRuleSchema,
    "LEG-CLAUSE-COC": z.strictObject({
      ...ruleBaseShape,
      severity: SeveritySchema,
      facilityTypes: z.array(FacilitySchema.shape.type).min(1),
      tenorAboveYears: z.number().finite().nonnegative(),
      requiredClauses: z.array(ClauseSchema).min(1),
    }),
    "LEG-LAW": FixedSeverityRuleSchema,
  }),
});

/** The parsed `experts.legal` policy section. */
export type LegalPolicy = z.output<typeof LegalPolicySchema>;
/** The input form of `experts.legal` (what a policy file holds before parsing). */
export type LegalPolicyInput = z.input<typeof LegalPolicySchema>;
