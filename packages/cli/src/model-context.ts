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
  /** The configured endpoints' base URLs (distinct), for a readiness check. */
  endpoints: string[];
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
  /**
   * Wraps the audit sink the models and the council write to (`kyocho serve` times every model call from it);
   * gets the configured audit log, or undefined when auditing is off.
   */
  wrapAudit: (audit: AuditSink | undefined) => AuditSink | undefined = (audit) => audit,
): Promise<ModelContext> {
  const config = loadModelConfig({ path: options.config });
  if (!config) {
    return {
      models: undefined,
      planner: undefined,
      planning: options.planning ?? "speculative",
      summary: undefined,
      audit: undefined,
      describe: () => [],
      endpoints: [],
    };
  }
  const audit = wrapAudit(config.audit.enabled ? new AuditLog(config.audit) : undefined);
  const models = createModelRegistry(config, { ...(audit ? { audit } : {}), experts: expertNames });
  // The planner calls its model like an expert does; a planner model that cannot be reached (its name
  // unconfigured and the server down) is a planner failure: the embedded planner plans, and the plan says so.
  const plannerClient = models.forPlanner();
  const planner = plannerClient ? new ModelPlanner({ model: plannerClient, audit: models.audit, timeoutMs: plannerClient.info.timeoutMs }) : undefined;
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
    endpoints: [
      ...new Set(
        [config.models.default, config.models.planner, config.models.summary, ...Object.values(config.models.experts)]
          .map((e) => e?.baseURL)
          .filter((u): u is string => typeof u === "string"),
      ),
    ],
  };
}
