import { z } from "zod";
import { CitationSchema, FindingSchema } from "./finding.js";
import { ModelUseSchema } from "./model-use.js";

export const EXPERT_STATUSES = ["ok", "failed", "skipped"] as const;
export const ExpertStatusSchema = z.enum(EXPERT_STATUSES);
export type ExpertStatus = z.infer<typeof ExpertStatusSchema>;

/** Why an expert is in the plan: its data is in the case (or policy makes it mandatory), or the question asked for it. */
export const TaskRoleSchema = z.enum(["required", "advisory"]);
export type TaskRole = z.infer<typeof TaskRoleSchema>;

/**
 * What one expert returns for one sub-task. A result is a value, never a
 * thrown error: a failing expert is `status: "failed"` with `error`, so the
 * other experts' work survives.
 */
export const ExpertResultSchema = z.strictObject({
  taskId: z.string().min(1),
  expert: z.string().min(1),
  domain: z.string().min(1),
  role: TaskRoleSchema,
  status: ExpertStatusSchema,
  findings: z.array(FindingSchema),
  metrics: z.record(z.string(), z.number().nullable()),
  citations: z.array(CitationSchema),
  notes: z.array(z.string()).default([]),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  latencyMs: z.number().nonnegative().optional(),
  model: z.string().optional(),
  /** How a configured model took part (absent when the expert ran without one). */
  modelUse: ModelUseSchema.optional(),
});
export type ExpertResult = z.output<typeof ExpertResultSchema>;
