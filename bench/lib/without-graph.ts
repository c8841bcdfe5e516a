import { assessmentIdFor } from "@kyocho/core/assessment";
import { mergeAssessment, type Assessment, type Case, type ExpertExecutor, type ExpertResult } from "@kyocho/core";
import { nextStep } from "@kyocho/core/plan";
import type { Council } from "@kyocho/council";

/**
 * The same assessment as `council.assess`, with the same planner, experts,
 * schedule and merge, but without LangGraph: a plain loop over `nextStep`.
 * Not a way to run kyocho — the reference point that says how much of an
 * assessment's cost is the graph's (dependency skips are left out: the
 * benchmark's experts do not fail).
 *
 * @example
 * const assessment = await assessWithoutGraph(council, executor, { question, case: c });
 */
export async function assessWithoutGraph(council: Council, executor: ExpertExecutor, input: { question: string; case: Case }): Promise<Assessment> {
  const plan = await council.plan(input);
  const assessmentId = assessmentIdFor({ question: input.question, case: input.case, policyId: council.policy.id });
  const results: Record<string, ExpertResult> = {};
  for (let step = nextStep(plan, results); step.ready.length > 0; step = nextStep(plan, results)) {
    await Promise.all(
      step.ready.map(async (task) => {
        const dependencies: Record<string, ExpertResult> = {};
        for (const dep of task.dependsOn) dependencies[results[dep]!.expert] = results[dep]!;
        results[task.id] = await executor.execute({ assessmentId, task, case: input.case, policy: council.policy, dependencies });
      }),
    );
  }
  return mergeAssessment({ assessmentId, question: input.question, case: input.case, plan, results, policy: council.policy });
}
