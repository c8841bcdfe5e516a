import { AuditLog, createModelRegistry, OpenAICompatibleClient, withoutContext, type ModelConfig } from "@kyocho/models";
import { InProcessExecutor, type Policy } from "@kyocho/core";
import type { EvalConfiguration } from "@kyocho/eval";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import type { Council } from "@kyocho/council";

/**
 * The embedded configuration: the experts' calculators, policy rules and
 * knowledge retrieval, no model.
 *
 * @example
 * const row = await evaluateCases(cases, embeddedConfiguration(policy).assess);
 */
export function embeddedConfiguration(policy: Policy): EvalConfiguration {
  const council = createReferenceCouncil({ policy });
  return { name: "embedded", reasoning: null, context: null, assess: assessWith(council) };
}

/**
 * One configuration with the experts' models as configured, or, with
 * `arms`, one per combination of reasoning (off, on) and knowledge context
 * (with, without). Every arm plans with the embedded planner, so the plans
 * are the same and the differences come from the experts' models. The
 * registries are built here, at the entry point, and checked now: an
 * endpoint outside the bank is refused before any case runs.
 *
 * @example
 * const rows = modelConfigurations(config, policy, { arms: true }); // 4 configurations
 */
export function modelConfigurations(config: ModelConfig, policy: Policy, options: { arms: boolean; env?: NodeJS.ProcessEnv }): EvalConfiguration[] {
  const env = options.env ?? process.env;
  const audit = config.audit.enabled ? new AuditLog(config.audit) : undefined;
  const name = modelName(config);
  const configured = config.models.default?.reasoning ?? false;
  const arms: Array<{ reasoning: boolean | undefined; context: boolean }> = options.arms
    ? [
        { reasoning: false, context: true },
        { reasoning: false, context: false },
        { reasoning: true, context: true },
        { reasoning: true, context: false },
      ]
    : [{ reasoning: undefined, context: true }];
  return arms.map(({ reasoning, context }) => {
    const armConfig = reasoning === undefined ? config : withReasoning(config, reasoning);
    const models = createModelRegistry(armConfig, {
      env,
      ...(audit ? { audit } : {}),
      experts: referenceExperts.map((e) => e.name),
      ...(context ? {} : { createClient: (endpoint) => withoutContext(new OpenAICompatibleClient(endpoint, { env })) }),
    });
    const council = createReferenceCouncil({ policy, executor: new InProcessExecutor(referenceExperts, { models }) });
    return { name, reasoning: reasoning ?? configured, context, assess: assessWith(council) };
  });
}

/** The configuration with every expert endpoint set to one reasoning mode (the planner and summary are not used here). */
function withReasoning(config: ModelConfig, reasoning: boolean): ModelConfig {
  const experts = Object.fromEntries(Object.entries(config.models.experts).map(([n, o]) => [n, { ...o, reasoning }]));
  return Object.assign(
    {
      ...config,
      models: { ...config.models, ...(config.models.default ? { default: { ...config.models.default, reasoning } } : {}), experts },
    },
    config.source ? { source: config.source } : {},
  );
}

function modelName(config: ModelConfig): string {
  const models = new Set([config.models.default?.model, ...Object.values(config.models.experts).map((o) => o.model)].filter(Boolean));
  return models.size === 1 ? `model ${[...models][0]}` : models.size > 1 ? "models (per expert)" : "model";
}

function assessWith(council: Council): EvalConfiguration["assess"] {
  return (c) => council.assess({ question: c.question, case: c.case });
}
