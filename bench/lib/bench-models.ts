import { createModelRegistry, ModelPlanner, parseModelConfig, type ModelRegistry } from "@kyocho/models";
import type { Planner } from "@kyocho/core";
import type { TestModelServer } from "@kyocho/testing";

/** The served model name the benchmark's endpoint lists. */
export const BENCH_MODEL = "kyocho-bench-model";

/**
 * kyocho's model layer pointed at the local test endpoint, as an entry point
 * would build it from `models.default.baseURL`: every expert and the planner
 * share the endpoint, no audit trail (the benchmark measures orchestration,
 * not the audit file), no retries (a scripted endpoint does not fail).
 *
 * @example
 * const server = await startTestModelServer({ latencyMs: 200, models: [BENCH_MODEL] });
 * const { models, planner } = await benchModels(server, ["lending", "legal", "fx", "markets"]);
 */
export async function benchModels(server: TestModelServer, experts: readonly string[]): Promise<{ models: ModelRegistry; planner: Planner }> {
  const config = parseModelConfig(
    { models: { default: { baseURL: server.baseURL, model: BENCH_MODEL, reasoning: false, maxRetries: 0, timeoutMs: 60_000 } }, audit: { enabled: false } },
    { source: "benchmark" },
  );
  const models = createModelRegistry(config, { experts });
  const plannerModel = models.forPlanner();
  if (!plannerModel) throw new Error("the benchmark's model registry has no planner model");
  return { models, planner: new ModelPlanner({ model: plannerModel, timeoutMs: 60_000 }) };
}
