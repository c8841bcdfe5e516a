import { z } from "zod";
import { DECISIONS, DecisionSchema, isApproval, type Decision } from "../assessment/decision.js";
import { RATINGS, SeveritySchema } from "../assessment/severity.js";
import { LocalizedTextSchema } from "./localized-text.js";
import { SignoffPolicySchema } from "./signoff-authority.js";

/** Where a rule's rationale is written: an expert's knowledge document and section. */
export const CitationRefSchema = z.strictObject({
  document: z.string().min(1),
  section: z.string().min(1),
});
export type CitationRef = z.infer<typeof CitationRefSchema>;

/** What every rule in a policy file carries besides its thresholds: title and condition in English, or `{ en, ja }`. */
export const ruleBaseShape = {
  title: LocalizedTextSchema,
  condition: LocalizedTextSchema,
  citation: CitationRefSchema,
};

/**
 * The merge policy: severity → decision, the vetoes, and the floor an
 * incomplete assessment is lifted to. What no policy file may do is refused
 * here, at load, with the field path:
 *
 * - the decision table must be monotonic (a worse rating never gets a more
 *   favourable decision) and `critical` must map to `escalate` or `decline`;
 * - the floor may not be an approval — kyocho never approves on incomplete
 *   evidence;
 * - `vetoes` can only add rule ids: the vetoes an expert declares (the
 *   sanctions and anti-social-forces rules) apply whatever this list says.
 */
export const MergePolicySchema = z
  .strictObject({
    decisions: z.strictObject({
      low: DecisionSchema,
      medium: DecisionSchema,
      high: DecisionSchema,
      critical: DecisionSchema,
    }),
    incompleteFloor: z.enum(["escalate", "decline"]).default("escalate"),
    dataGapSeverity: SeveritySchema.default("medium"),
    /** Severity of a DATA-CONFLICT finding (two case values that cannot both be true). */
    dataConflictSeverity: SeveritySchema.default("medium"),
    /** Rule ids whose finding declines the deal whatever its severity maps to (added to the experts' own vetoes). */
    vetoes: z.array(z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/, "must be a rule id such as LEG-SANC")).default([]),
  })
  .superRefine((merge, ctx) => {
    let previous: { rating: string; decision: (typeof DECISIONS)[number] } | undefined;
    for (const rating of RATINGS) {
      const decision = merge.decisions[rating];
      if (previous && DECISIONS.indexOf(decision) < DECISIONS.indexOf(previous.decision)) {
        ctx.addIssue({
          code: "custom",
          path: ["decisions", rating],
          message: `${decision} is more favourable than ${previous.decision} for ${previous.rating}: the decision table must never go down as the rating rises`,
        });
        return;
      }
      previous = { rating, decision };
    }
    if (!isStrictEnoughForCritical(merge.decisions.critical)) {
      ctx.addIssue({ code: "custom", path: ["decisions", "critical"], message: "must be escalate or decline: a critical rating is never approved" });
    }
  });
export type MergePolicy = z.output<typeof MergePolicySchema>;

/** The case sections a mandatory-expert rule can key on. */
export const MandatoryExpertSchema = z.strictObject({
  expert: z.string().min(1),
  whenPresent: z.array(z.string().min(1)).min(1),
});

function isStrictEnoughForCritical(decision: Decision): boolean {
  return !isApproval(decision);
}

/**
 * What a model's own findings may do. A finding a model adds is capped at
 * `maxSeverity`, which may not be `critical`: a model can push an assessment
 * to escalation, never decline a deal on its own, and never lowers anything.
 */
export const ModelFindingsPolicySchema = z.strictObject({
  maxSeverity: SeveritySchema.refine((s) => s !== "critical", "must be below critical: a model alone may not decline a deal").default("high"),
});
export type ModelFindingsPolicy = z.output<typeof ModelFindingsPolicySchema>;

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
  modelFindings: ModelFindingsPolicySchema.default({ maxSeverity: "high" }),
  /** Who may sign an assessment off (決裁権限); without it an assessment is a recommendation that nobody signs in kyocho. */
  signoff: SignoffPolicySchema.optional(),
  experts: z.record(z.string(), z.unknown()).default({}),
});
export type Policy = z.output<typeof PolicySchema>;
