import { z } from "zod";

/**
 * How a model took part in one expert's result: which model, where it ran,
 * in which mode, and whether its answer was used. A regulator reads this to
 * trace which model said what; `responseSha256` links it to the audit log's
 * `model_call` line of the answer that was used.
 *
 * @example
 * { model: "qwen3-32b-lending", host: "10.20.1.5:8000", reasoning: false, outcome: "accepted", findingsAdded: 1, calls: 1, latencyMs: 640 }
 */
export const ModelUseSchema = z.strictObject({
  /** The model name the server reported (or, before any answer, the configured one). */
  model: z.string(),
  /** `host:port` of the endpoint; never a credential. */
  host: z.string(),
  /** `false`: non-thinking mode was requested. */
  reasoning: z.boolean(),
  /** `accepted`: the model's findings are in the result; `fallback`: the deterministic result stands alone. */
  outcome: z.enum(["accepted", "fallback"]),
  /** Why the answer was not used (only with `fallback`). */
  reason: z.string().optional(),
  narrative: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
  findingsAdded: z.number().int().nonnegative(),
  /** Chat-completion requests made, retries and repairs included. */
  calls: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative(),
  responseSha256: z.string().optional(),
});
export type ModelUse = z.infer<typeof ModelUseSchema>;
