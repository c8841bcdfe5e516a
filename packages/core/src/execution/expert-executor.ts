import type { ExpertResult } from "../assessment/expert-result.js";
import type { ExpertRequest } from "../expert/expert-types.js";

/** What `execute` takes besides the request. */
export interface ExecuteOptions {
  signal?: AbortSignal | undefined;
  /**
   * Called once with the sub-task's facts (its deterministic result) before
   * its model answers, so that dependants bound to facts can start. An
   * executor that cannot report facts early simply never calls it: the
   * council then takes the final result as the facts.
   */
  onFacts?: ((facts: ExpertResult) => void) | undefined;
}

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
  execute(request: ExpertRequest, options?: ExecuteOptions): Promise<ExpertResult>;
  close?(): Promise<void>;
}
