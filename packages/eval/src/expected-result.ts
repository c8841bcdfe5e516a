import { z } from "zod";
import { DecisionSchema } from "@kyocho/core/assessment";
import { ExpertStatusSchema } from "@kyocho/core/assessment";
import { RatingSchema, SeveritySchema } from "@kyocho/core/assessment";

/** A finding an expected-result file names: which rule, from which expert, at which severity. */
export const ExpectedFindingSchema = z.strictObject({
  ruleId: z.string().min(1),
  expert: z.string().min(1),
  severity: SeveritySchema,
});
export type ExpectedFinding = z.infer<typeof ExpectedFindingSchema>;

/**
 * `<case>.expected.json`: the result of a case worked out by hand from the
 * policy, beside the case file. `kyocho eval cases` scores the council
 * against it; the end-to-end tests check it exactly.
 *
 * @example
 * { "rating": "high", "decision": "escalate", "incomplete": false,
 *   "findings": [{ "ruleId": "FX-HEDGE", "expert": "fx", "severity": "high" }],
 *   "experts": { "lending": "ok", "fx": "ok" }, "dependsOn": { "lending": ["fx"] },
 *   "metrics": { "fx.hedgeRatio.USD": 0.4 } }
 */
export const ExpectedResultSchema = z.strictObject({
  rating: RatingSchema,
  decision: DecisionSchema,
  incomplete: z.boolean(),
  findings: z.array(ExpectedFindingSchema),
  /** The experts in the plan, with their statuses. */
  experts: z.record(z.string(), ExpertStatusSchema),
  /** Expert → the experts it runs after; the others depend on nothing. */
  dependsOn: z.record(z.string(), z.array(z.string())).optional(),
  /** `<expert>.<metric>` → value, checked within 1e-3 relative. */
  metrics: z.record(z.string(), z.number()).default({}),
});
export type ExpectedResult = z.output<typeof ExpectedResultSchema>;
