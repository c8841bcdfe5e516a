import { z } from "zod";
import { ExpertResultSchema } from "../assessment/expert-result.js";
import { PolicySchema } from "../policy/policy-schema.js";
import { SubTaskSchema } from "../plan/plan-schema.js";

/**
 * The wire form of an {@link ExpertRequest}: what crosses a process boundary
 * (a queue job, a worker) is checked against it on both sides. The case was
 * validated against the council's case schema when it was read; here it only
 * has to be a JSON object, since a council's experts may add case sections a
 * worker's own schema would not know.
 *
 * @example
 * const request = ExpertRequestSchema.parse(job.data);
 */
export const ExpertRequestSchema = z.strictObject({
  assessmentId: z.string().min(1),
  task: SubTaskSchema,
  case: z.record(z.string(), z.unknown()).optional(),
  policy: PolicySchema,
  dependencies: z.record(z.string(), ExpertResultSchema).default({}),
});
