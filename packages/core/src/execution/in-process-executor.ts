import type { ExpertResult } from "../assessment/expert-result.js";
import type { Expert, ExpertRequest } from "../expert/expert-types.js";
import type { ExpertExecutor } from "./expert-executor.js";

/**
 * Runs experts in this process. Parallelism comes from the council graph,
 * which calls `execute` for every ready sub-task at once.
 *
 * @example
 * const executor = new InProcessExecutor([lending, legal, fx, markets]);
 */
export class InProcessExecutor implements ExpertExecutor {
  readonly kind = "in-process";
  private readonly experts: ReadonlyMap<string, Expert<any>>;

  constructor(experts: Iterable<Expert<any>>) {
    this.experts = new Map([...experts].map((e) => [e.name, e]));
  }

  async execute(request: ExpertRequest, options: { signal?: AbortSignal } = {}): Promise<ExpertResult> {
    const expert = this.experts.get(request.task.expert);
    if (!expert) {
      return {
        taskId: request.task.id,
        expert: request.task.expert,
        domain: request.task.expert,
        role: request.task.role,
        status: "failed",
        findings: [],
        metrics: {},
        citations: [],
        notes: [],
        error: { code: "UNKNOWN_EXPERT", message: `no expert named ${request.task.expert} in this executor` },
      };
    }
    return expert.run(request, options);
  }
}
