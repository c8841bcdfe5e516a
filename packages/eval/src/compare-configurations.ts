import type { Assessment } from "@kyocho/core";
import type { EvalCase } from "./case-set.js";
import { evaluateCases, type CaseEvaluation, type EvaluateCasesOptions } from "./evaluate-cases.js";

/** One way of running the council, for a side-by-side evaluation. */
export interface EvalConfiguration {
  /** What the table calls it: `embedded`, `model`, … */
  name: string;
  /** Whether the experts' models think before answering; `null` without a model. */
  reasoning: boolean | null;
  /** Whether the experts' models are shown the retrieved passages; `null` without a model. */
  context: boolean | null;
  assess: (c: EvalCase) => Promise<Assessment>;
}

/** A configuration's row of the comparison. */
export interface ConfigurationResult {
  name: string;
  reasoning: boolean | null;
  context: boolean | null;
  evaluation: CaseEvaluation;
}

/**
 * Runs the same cases under several configurations, one configuration after
 * the other (never interleaved, so one does not slow another down), and
 * returns a row per configuration.
 *
 * @example
 * const rows = await compareConfigurations(cases, [
 *   { name: "embedded", reasoning: null, context: null, assess: (c) => embedded.assess({ question: c.question, case: c.case }) },
 *   { name: "model", reasoning: false, context: true, assess: (c) => withModel.assess({ question: c.question, case: c.case }) },
 * ]);
 * rows.map((r) => r.evaluation.decisionAccuracy) // [1, 1]
 */
export async function compareConfigurations(
  cases: readonly EvalCase[],
  configurations: readonly EvalConfiguration[],
  options: Omit<EvaluateCasesOptions, "onCase"> & { onCase?: (configuration: string, name: string) => void } = {},
): Promise<ConfigurationResult[]> {
  const rows: ConfigurationResult[] = [];
  for (const configuration of configurations) {
    const { onCase, ...rest } = options;
    const evaluation = await evaluateCases(cases, configuration.assess, {
      ...rest,
      ...(onCase ? { onCase: (o) => onCase(configuration.name, o.name) } : {}),
    });
    rows.push({ name: configuration.name, reasoning: configuration.reasoning, context: configuration.context, evaluation });
  }
  return rows;
}
