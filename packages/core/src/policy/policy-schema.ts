import { z } from "zod";
import { DecisionSchema } from "../assessment/decision.js";
import { SeveritySchema } from "../assessment/severity.js";

/** Where a rule's rationale is written: an expert's knowledge document and section. */
export const CitationRefSchema = z.strictObject({
  document: z.string().min(1),
  section: z.string().min(1),
});
export type CitationRef = z.infer<typeof CitationRefSchema>;

/** What every rule in a policy file carries besides its thresholds. */
export const ruleBaseShape = {
  title: z.string().min(1),
  condition: z.string().min(1),
  citation: CitationRefSchema,
};

/**
 * The merge policy: severity → decision, and the floor an incomplete
 * assessment is lifted to. The floor may not be an approval — kyocho never
 * approves on incomplete evidence, whatever a policy file says.
 */
export const MergePolicySchema = z.strictObject({
  decisions: z.strictObject({
    low: DecisionSchema,
    medium: DecisionSchema,
    high: DecisionSchema,
    critical: DecisionSchema,
  }),
  incompleteFloor: z.enum(["escalate", "decline"]).default("escalate"),
  dataGapSeverity: SeveritySchema.default("medium"),
});
export type MergePolicy = z.output<typeof MergePolicySchema>;

/** The case sections a mandatory-expert rule can key on. */
export const MandatoryExpertSchema = z.strictObject({
  expert: z.string().min(1),
  whenPresent: z.array(z.string().min(1)).min(1),
});

export const RoutingPolicySchema = z.strictObject({
  mandatoryExperts: z.array(MandatoryExpertSchema).default([]),
});

/**
 * A policy file: identity, merge, routing and one section per expert. The
 * expert sections are checked by each expert's own `policySchema` when a
 * council is built (see `resolvePolicy`), so the error path still reads
 * `experts.lending.rules.LEN-LEV.tiers[0].above`.
 */
export const PolicySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.string().min(1).optional(),
  merge: MergePolicySchema,
  routing: RoutingPolicySchema.default({ mandatoryExperts: [] }),
  experts: z.record(z.string(), z.unknown()).default({}),
});
export type Policy = z.output<typeof PolicySchema>;
