import { z } from "zod";
import { TaskRoleSchema } from "../assessment/expert-result.js";

const TASK_ID = /^[A-Za-z0-9_.:-]+$/;
const TaskIdSchema = z.string().regex(TASK_ID, "task ids use letters, digits, '_', '.', ':' and '-'");

/**
 * One dependency of a sub-task. A plain task id binds to that task's facts
 * (its calculators, rules and retrieval — ready in microseconds, before its
 * model writes anything); `{ task, on: "answer" }` waits for the task's
 * finished result, model answer included, and is for the rare expert that
 * truly reads another expert's model.
 */
export const TaskDependencySchema = z.union([TaskIdSchema, z.strictObject({ task: TaskIdSchema, on: z.enum(["facts", "answer"]).default("facts") })]);
export type TaskDependency = z.input<typeof TaskDependencySchema>;

/** One expert's share of a question: what it is asked and what it waits for. */
export const SubTaskSchema = z
  .strictObject({
    id: TaskIdSchema,
    expert: z.string().min(1),
    question: z.string(),
    /** The tasks this one waits for: by default for their facts, or (see `awaitsAnswer`) for their whole result. */
    dependsOn: z.array(TaskDependencySchema).default([]),
    /** The dependencies whose model answer this task waits for, not just their facts. */
    awaitsAnswer: z.array(TaskIdSchema).optional(),
    role: TaskRoleSchema.default("required"),
    /** Set when the task started before the planner model answered, on the embedded planner's sub-question. */
    speculative: z.literal(true).optional(),
  })
  .transform(({ dependsOn, awaitsAnswer, speculative, ...task }) => {
    const all = new Set<string>();
    const answers = new Set<string>(awaitsAnswer ?? []);
    for (const dependency of dependsOn) {
      if (typeof dependency === "string") all.add(dependency);
      else {
        all.add(dependency.task);
        if (dependency.on === "answer") answers.add(dependency.task);
      }
    }
    for (const id of answers) all.add(id);
    return {
      ...task,
      dependsOn: [...all],
      ...(answers.size > 0 ? { awaitsAnswer: [...answers] } : {}),
      ...(speculative ? { speculative } : {}),
    };
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

/**
 * Whether `task` waits for the whole result of `dependency` (model answer
 * included) rather than its facts.
 *
 * @example
 * waitsForAnswer({ dependsOn: ["fx"], awaitsAnswer: ["fx"] }, "fx") // true
 */
export function waitsForAnswer(task: Pick<SubTask, "awaitsAnswer">, dependency: string): boolean {
  return task.awaitsAnswer?.includes(dependency) ?? false;
}
