import { InProcessExecutor, type Case, type ExpertResult } from "@kyocho/core";
import { nextStep } from "@kyocho/core/plan";
import type { Council } from "@kyocho/council";
import { ExpertJobDataSchema, toExpertJobData } from "@kyocho/queue";

/** The JSON size of each sub-task job of one question, as `QueueExecutor` would enqueue it. */
export interface JobBytes {
  /** Bytes of each sub-task's job data, by task id. */
  byTask: Record<string, number>;
  /** Their mean. */
  mean: number;
}

/**
 * Measures the job data of every sub-task of one question: the plan is run
 * in process, task by task in dependency order, and each request is turned
 * into the job data a `QueueExecutor` sends (validated as it would be), its
 * dependencies' results included.
 *
 * @example
 * const { mean } = await jobBytes(council, question, c); // the bench's `sections.queue.jobBytes`
 */
export async function jobBytes(council: Council, question: string, c: Case | undefined): Promise<JobBytes> {
  const plan = await council.plan({ question, case: c });
  const executor = new InProcessExecutor(council.experts);
  const assessmentId = `a-bytes`;
  const results: Record<string, ExpertResult> = {};
  const byTask: Record<string, number> = {};
  for (let step = nextStep(plan, results); step.ready.length > 0; step = nextStep(plan, results)) {
    for (const task of step.ready) {
      const dependencies = Object.fromEntries(task.dependsOn.map((d) => [results[d]!.expert, results[d]!]));
      const request = { assessmentId, task, case: c, policy: council.policy, dependencies };
      byTask[task.id] = Buffer.byteLength(JSON.stringify(ExpertJobDataSchema.parse(toExpertJobData(request))), "utf8");
      results[task.id] = await executor.execute(request);
    }
  }
  const sizes = Object.values(byTask);
  return { byTask, mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) };
}
