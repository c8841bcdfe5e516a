import { z } from "zod";
import { TaskRoleSchema } from "../assessment/expert-result.js";

/** One expert's share of a question: what it is asked and what it waits for. */
export const SubTaskSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, "task ids use letters, digits, '_', '.', ':' and '-'"),
  expert: z.string().min(1),
  question: z.string(),
  dependsOn: z.array(z.string()).default([]),
  role: TaskRoleSchema.default("required"),
});
export type SubTask = z.output<typeof SubTaskSchema>;
export type SubTaskInput = z.input<typeof SubTaskSchema>;

/** A plan: sub-tasks with dependencies, and why the planner chose them. */
export const PlanSchema = z.strictObject({
  tasks: z.array(SubTaskSchema),
  rationale: z.string().default(""),
  planner: z.string().default("given"),
  warnings: z.array(z.string()).default([]),
});
export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
