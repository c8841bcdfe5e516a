import { assessmentIdFor } from "@kyocho/core/assessment";
import { todayUtc } from "@kyocho/core/case";
import type { Case } from "@kyocho/core";

/**
 * The date and id an assessment gets: the case's `asOf` (or today, by the
 * given clock) is written into the case first, and the id is the hash of
 * question, dated case and policy. One function, so that the graph and a
 * caller who needs the thread id before the run (a checkpointer) agree.
 */
export function assessmentIdentity(input: { question: string; case: Case | undefined; policyId: string; assessmentId?: string | undefined; now: () => Date }) {
  const asOf = input.case?.asOf ?? todayUtc(input.now());
  const c = input.case && !input.case.asOf ? { ...input.case, asOf } : input.case;
  const assessmentId = input.assessmentId || assessmentIdFor({ question: input.question, case: c, policyId: input.policyId });
  return { asOf, case: c, assessmentId };
}
