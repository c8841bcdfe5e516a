import { AuditLog, createModelRegistry, loadModelConfig, ModelPlanner, type ModelRegistry } from "@kyocho/models";
import type { AuditSink, ModelClient, Planner } from "@kyocho/core";
import { referenceExperts } from "@kyocho/reference-council";

/** What a command that asks the council needs from the model configuration. */
export interface ModelContext {
  /** Undefined when no model is configured: the embedded default. */
  models: ModelRegistry | undefined;
  /** The model planner, when a planner model is configured. */
  planner: Planner | undefined;
  /** Whether the required experts start while the planner model thinks (`--planning`, else the config's `planning`). */
  planning: "speculative" | "sequential";
  /** The summary model, when configured: the council's run writes the executive summary with it. */
  summary: ModelClient | undefined;
  /** The audit log, when enabled: the council's run writes its model calls and the assessment's line to it. */
  audit: AuditSink | undefined;
  /** One line per configured endpoint, for a start-up message. */
  describe(): string[];
}

/**
 * Reads the model configuration (`--config`, else `KYOCHO_CONFIG`, else the
 * `KYOCHO_MODEL_*` variables) and builds what the entry point passes in:
 * the model registry, the model planner and the audit log. Endpoints outside
 * the bank are refused here, before any case is read (exit 2).
 */
export async function openModelContext(
  options: { config?: string | undefined; planning?: "speculative" | "sequential" | undefined },
  /** The council's expert names: a model configured for any other is refused as a typo. */
  expertNames: readonly string[] = referenceExperts.map((e) => e.name),
): Promise<ModelContext> {
  const config = loadModelConfig({ path: options.config });
  if (!config) {
    return { models: undefined, planner: undefined, planning: options.planning ?? "speculative", summary: undefined, audit: undefined, describe: () => [] };
  }
  const audit = config.audit.enabled ? new AuditLog(config.audit) : undefined;
  const models = createModelRegistry(config, { ...(audit ? { audit } : {}), experts: expertNames });
  // A planner model that cannot be reached at start (its name unconfigured, the server down) is a planner failure:
  // the embedded planner plans, as for any other, instead of the command failing.
  const plannerModel = await models.plannerChatModel().catch((error: unknown) => {
    process.stderr.write(`kyocho: warning: the planner model is unavailable (${(error as Error).message.split("\n")[0]}); the embedded planner plans\n`);
    return undefined;
  });
  const plannerClient = models.forPlanner();
  const planner = plannerModel ? new ModelPlanner({ model: plannerModel, ...(plannerClient ? { timeoutMs: plannerClient.info.timeoutMs } : {}) }) : undefined;
  return {
    models,
    planner,
    planning: options.planning ?? config.planning,
    summary: models.forSummary(),
    audit,
    describe: () =>
      models
        .describe()
        .map((d) => `${d.role}: ${d.model ?? "(first model the server lists)"} at ${d.host} (${d.kind}, ${d.reasoning ? "reasoning" : "non-thinking"})`),
  };
}
