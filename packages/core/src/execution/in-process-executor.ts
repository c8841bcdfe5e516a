import type { ExpertResult } from "../assessment/expert-result.js";
import { unfinishedResult } from "../assessment/unfinished-result.js";
import type { Expert, ExpertRequest } from "../expert/expert-types.js";
import type { AuditSink } from "../audit/audit-entry.js";
import type { ModelClient } from "../model/model-client.js";
import type { ExecuteOptions, ExpertExecutor } from "./expert-executor.js";

/**
 * Where an executor finds each expert's model: `@kyocho/models`'s registry
 * is one; tests pass a scripted one.
 */
export interface ExpertModels {
  /** The expert's model, or `undefined`: the expert then runs its deterministic path alone. */
  forExpert(name: string): ModelClient | undefined;
  /** Where model calls are audited. */
  readonly audit?: AuditSink | undefined;
}

/**
 * Runs experts in this process. Parallelism comes from the council graph,
 * which calls `execute` for every ready sub-task at once.
 *
 * With a model registry, each expert gets its configured model (and the
 * audit trail) on every run.
 *
 * @example
 * const executor = new InProcessExecutor([lending, legal, fx, markets]);
 * const withModels = new InProcessExecutor([lending, legal, fx, markets], { models: createExpertModels(config) });
 */
export class InProcessExecutor implements ExpertExecutor {
  readonly kind = "in-process";
  private readonly experts: ReadonlyMap<string, Expert<any>>;

  private readonly models: ExpertModels | undefined;

  constructor(experts: Iterable<Expert<any>>, options: { models?: ExpertModels | undefined } = {}) {
    this.experts = new Map([...experts].map((e) => [e.name, e]));
    this.models = options.models;
  }

  async execute(request: ExpertRequest, options: ExecuteOptions = {}): Promise<ExpertResult> {
    const expert = this.experts.get(request.task.expert);
    if (!expert) {
      return unfinishedResult(request.task, "failed", { code: "UNKNOWN_EXPERT", message: `no expert named ${request.task.expert} in this executor` });
    }
    const model = this.models?.forExpert(expert.name);
    return expert.run(request, model ? { ...options, model, audit: this.models?.audit } : options);
  }
}
