import { convert } from "@kyocho/core/case";
import { requiredAuthority } from "@kyocho/core/policy";
import type { Assessment, Case, Policy } from "@kyocho/core";
import type { Signoff } from "@kyocho/core/assessment";

/**
 * The sign-off an assessment waits for, or undefined when it needs none: the
 * policy has no sign-off table, or the case has no facility (a question about
 * a portfolio or a counterparty decides no credit). The facility is
 * converted to the table's currency at the case's spots; when a spot is
 * missing the amount is unknown and the highest authority decides.
 */
export function openSignoff(input: { assessment: Assessment; case: Case | undefined; policy: Policy; requestedBy?: string | undefined }): Signoff | undefined {
  const table = input.policy.signoff;
  const facility = input.case?.facility;
  if (!table || !facility) return undefined;
  const amount = convert(input.case!, facility.amount, facility.currency, table.currency);
  const { assessment } = input;
  const authority = requiredAuthority(table, { amount, decision: assessment.decision, rating: assessment.rating });
  return {
    status: "awaiting_signoff",
    required: {
      ...authority,
      basis: { ...(amount !== undefined ? { amount } : {}), currency: table.currency, recommendation: assessment.decision, rating: assessment.rating },
    },
    ...(input.requestedBy !== undefined ? { requestedBy: input.requestedBy } : {}),
    signatures: [],
    conditions: [],
  };
}
