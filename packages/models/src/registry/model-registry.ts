import { UserInputError, type AuditSink, type ModelClient } from "@kyocho/core";
import type { EndpointOverride, ModelConfig } from "./model-config.js";
import { assertOnPremises, assertTracingOnPremises, endpointHost, type HostKind } from "./on-prem-guard.js";
import { OpenAICompatibleClient, type ResolvedEndpoint } from "../client/openai-compatible-client.js";

/** Which models a run uses: one per expert (or none), one for the planner, one for the executive summary. */
export interface ModelRegistry {
  /** The expert's model, or `undefined`: the expert then runs its deterministic path alone. */
  forExpert(name: string): ModelClient | undefined;
  /** The planner's model, for `ModelPlanner`, which calls it like an expert does (`complete`). */
  forPlanner(): ModelClient | undefined;
  /** The executive-summary model, only when `summary.enabled`. */
  forSummary(): ModelClient | undefined;
  /** Where model calls are audited (passed to experts with their model). */
  readonly audit: AuditSink | undefined;
  /** Every configured endpoint, for `kyocho experts` or a start-up log line. Never a key. */
  describe(): Array<{ role: string; host: string; model: string | undefined; reasoning: boolean; kind: HostKind }>;
}

export interface ModelRegistryOptions {
  /** Default `process.env`: API keys are read from it, and LangChain tracing is checked in it. */
  env?: NodeJS.ProcessEnv;
  /** The audit trail model calls are written to. */
  audit?: AuditSink | undefined;
  /** The council's expert names: an override for any other name is refused as a typo. */
  experts?: readonly string[] | undefined;
  /** Builds the client of an endpoint; default an {@link OpenAICompatibleClient}. Tests pass scripted ones. */
  createClient?: (endpoint: ResolvedEndpoint, role: string) => ModelClient;
}

const DEFAULTS = { temperature: 0, maxRetries: 2, retryDelayMs: 250, reasoning: false, responseFormat: "json_schema" } as const;

/**
 * Resolves the model of every expert, the planner and the summary from a
 * configuration, checking everything at start: an override for an unknown
 * expert, an endpoint outside the bank's network (unless `allowExternal`),
 * an `apiKeyEnv` that names an unset variable, LangChain tracing that would
 * send prompts outside. Experts that share an endpoint share its client.
 * Created once at an entry point (the CLI, a worker's `main`) and passed in.
 *
 * @example
 * const config = loadModelConfig({ path: options.config });
 * const audit = config && config.audit.enabled ? new AuditLog(config.audit) : undefined;
 * const models = config ? createModelRegistry(config, { audit, experts: referenceExperts.map((e) => e.name) }) : undefined;
 * const executor = new InProcessExecutor(referenceExperts, { models });
 */
export function createModelRegistry(config: ModelConfig, options: ModelRegistryOptions = {}): ModelRegistry {
  const env = options.env ?? process.env;
  const source = config.source ?? "model config";
  const guard = { allowedHosts: config.allowedHosts, allowExternal: config.allowExternal };
  const { models } = config;

  if (options.experts) {
    for (const name of Object.keys(models.experts)) {
      if (!options.experts.includes(name)) {
        throw new UserInputError(`no expert named "${name}" in this council (experts: ${options.experts.join(", ")})`, {
          path: `models.experts.${name}`,
          source,
        });
      }
    }
  }

  const resolve = (override: EndpointOverride | undefined, path: string): ResolvedEndpoint | undefined => {
    if (!models.default && !override) return undefined;
    const merged = { ...definedOnly(models.default ?? {}), ...definedOnly(override ?? {}) };
    const fieldPath = override?.baseURL !== undefined ? path : "models.default";
    if (merged.baseURL === undefined) {
      throw new UserInputError("missing: an endpoint needs a baseURL (here or in models.default)", { path: `${path}.baseURL`, source });
    }
    assertOnPremises(merged.baseURL, guard, { path: `${fieldPath}.baseURL`, source });
    if (merged.apiKeyEnv !== undefined && !env[merged.apiKeyEnv]?.trim()) {
      const keyPath = override?.apiKeyEnv !== undefined ? path : "models.default";
      throw new UserInputError(`environment variable ${merged.apiKeyEnv} is not set`, { path: `${keyPath}.apiKeyEnv`, source, code: "MISSING_API_KEY" });
    }
    const reasoning = merged.reasoning ?? DEFAULTS.reasoning;
    return {
      baseURL: merged.baseURL,
      model: merged.model,
      apiKeyEnv: merged.apiKeyEnv,
      temperature: merged.temperature ?? DEFAULTS.temperature,
      maxTokens: merged.maxTokens,
      timeoutMs: merged.timeoutMs ?? (reasoning ? 300_000 : 30_000),
      maxRetries: merged.maxRetries ?? DEFAULTS.maxRetries,
      retryDelayMs: merged.retryDelayMs ?? DEFAULTS.retryDelayMs,
      reasoning,
      responseFormat: merged.responseFormat ?? DEFAULTS.responseFormat,
    };
  };

  const clients = new Map<string, ModelClient>();
  const roles: Array<{ role: string; endpoint: ResolvedEndpoint }> = [];
  const clientFor = (endpoint: ResolvedEndpoint | undefined, role: string): ModelClient | undefined => {
    if (!endpoint) return undefined;
    roles.push({ role, endpoint });
    const key = JSON.stringify(endpoint);
    let client = clients.get(key);
    if (!client) {
      client = options.createClient ? options.createClient(endpoint, role) : new OpenAICompatibleClient(endpoint, { env });
      clients.set(key, client);
    }
    return client;
  };

  // Every endpoint is resolved and checked now, so a bad one is refused before any case is read.
  const defaultClient = clientFor(resolve(undefined, "models.default"), "default");
  const expertClients = new Map(Object.entries(models.experts).map(([name, o]) => [name, clientFor(resolve(o, `models.experts.${name}`), `expert ${name}`)]));
  const plannerClient = models.planner ? clientFor(resolve(models.planner, "models.planner"), "planner") : defaultClient;
  let summaryClient: ModelClient | undefined;
  if (!config.summary.enabled) {
    if (models.summary) resolve(models.summary, "models.summary"); // checked all the same: a configured endpoint is refused or accepted at start
  } else {
    summaryClient = models.summary ? clientFor(resolve(models.summary, "models.summary"), "summary") : defaultClient;
  }
  if (config.summary.enabled && !summaryClient) {
    throw new UserInputError("needs a model: set models.default or models.summary", { path: "summary.enabled", source });
  }
  if (clients.size > 0) assertTracingOnPremises(env, guard);

  return {
    forExpert: (name) => (expertClients.has(name) ? expertClients.get(name) : defaultClient),
    forPlanner: () => plannerClient,
    forSummary: () => summaryClient,
    audit: options.audit,
    describe: () =>
      roles.map(({ role, endpoint }) => ({
        role,
        host: endpointHost(endpoint.baseURL),
        model: endpoint.model,
        reasoning: endpoint.reasoning,
        kind: assertOnPremises(endpoint.baseURL, guard, { path: role, source }),
      })),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
