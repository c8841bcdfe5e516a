import { z } from "zod";
import { PlanSchema } from "../plan/plan-schema.js";
import { DecisionSchema } from "./decision.js";
import { CitationSchema, FindingSchema } from "./finding.js";
import { ExpertStatusSchema, TaskRoleSchema } from "./expert-result.js";
import { ModelUseSchema } from "./model-use.js";
import { RatingSchema } from "./severity.js";
import { SignoffSchema } from "./signoff.js";

/** One thing the assessment lacked, and so why it is `incomplete`. */
export const MissingItemSchema = z.strictObject({
  kind: z.enum(["data_gap", "data_conflict", "expert_failed", "expert_skipped", "no_case_data"]),
  expert: z.string().optional(),
  fields: z.array(z.string()).optional(),
  message: z.string(),
});
export type MissingItem = z.infer<typeof MissingItemSchema>;

/** A rule finding that declines the deal on its own, whatever the rating maps to (sanctions, 反社). */
export const VetoSchema = z.strictObject({
  ruleId: z.string(),
  expert: z.string(),
  title: z.string(),
  message: z.string(),
  ja: z.strictObject({ title: z.string(), message: z.string() }).optional(),
});
export type Veto = z.infer<typeof VetoSchema>;

export const ExpertSummarySchema = z.strictObject({
  name: z.string(),
  taskId: z.string(),
  domain: z.string(),
  role: TaskRoleSchema,
  status: ExpertStatusSchema,
  findings: z.number().int().nonnegative(),
  latencyMs: z.number().optional(),
  model: z.string().optional(),
  modelUse: ModelUseSchema.optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  citations: z.array(CitationSchema),
  notes: z.array(z.string()),
  metrics: z.record(z.string(), z.number().nullable()),
});
export type ExpertSummary = z.infer<typeof ExpertSummarySchema>;

/**
 * The council's answer: one rating, one decision, every finding with its
 * citations, the conditions, and what was missing. This is the output
 * contract of `kyocho ask --json`.
 */
export const AssessmentSchema = z.strictObject({
  id: z.string(),
  caseId: z.string().optional(),
  question: z.string().optional(),
  /** The date the assessment speaks for (the case's `asOf`, or the day it ran). */
  asOf: z.string().optional(),
  rating: RatingSchema,
  decision: DecisionSchema,
  incomplete: z.boolean(),
  /** The vetoes that declined the deal; empty when none fired. Listed first in every report. */
  vetoes: z.array(VetoSchema).default([]),
  summary: z.string(),
  reasons: z.array(z.string()),
  missing: z.array(MissingItemSchema),
  domains: z.array(z.strictObject({ domain: z.string(), rating: RatingSchema })),
  findings: z.array(FindingSchema),
  conditions: z.array(z.string()),
  plan: PlanSchema,
  experts: z.array(ExpertSummarySchema),
  /**
   * The policy applied: id, name, version and the SHA-256 of its canonical content (`policyFingerprint`).
   * `sha256` is optional only so that assessments stored before it was recorded still read.
   */
  policy: z.strictObject({
    id: z.string(),
    name: z.string(),
    version: z.string().optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
  /** Prose written by a model from the merged findings (`summariseWithModel`); rating and decision stay the merge's. */
  executiveSummary: z.strictObject({ text: z.string(), model: z.string(), host: z.string(), reasoning: z.boolean() }).optional(),
  /** The 稟議: the authority the recommendation needs and the signatures given; absent when the policy has no sign-off table or the case no facility. */
  signoff: SignoffSchema.optional(),
});
export type Assessment = z.output<typeof AssessmentSchema>;
