import type { ExpertResult } from "../assessment/expert-result.js";
import type { ExpertRequest } from "../expert/expert-types.js";

/**
 * How the council runs a sub-task. The council graph only ever calls
 * `execute`; whether the expert runs in this process or on a worker across a
 * Redis queue is the executor's business. `execute` must not throw for an
 * expert's own failure — that is a `failed` result.
 *
 * @example
 * const executor: ExpertExecutor = new InProcessExecutor([lending, fx]);
 * const result = await executor.execute(request);
 */
export interface ExpertExecutor {
  readonly kind: string;
  execute(request: ExpertRequest, options?: { signal?: AbortSignal }): Promise<ExpertResult>;
  close?(): Promise<void>;
}
