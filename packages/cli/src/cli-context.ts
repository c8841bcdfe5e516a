import { checkQuestionLimit, InProcessExecutor, limitsFromEnv, loadPolicyFile, readDataFile, type Case, type Limits } from "@kyocho/core";
import { createReferenceCouncil, referenceExperts, type Council } from "@kyocho/graphs";
import type { ModelContext } from "./model-context.js";

/**
 * The input limits of this run: the defaults, or the `KYOCHO_MAX_*`
 * variables (a bad value is exit 2 naming the variable).
 */
export function cliLimits(): Limits {
  return limitsFromEnv(process.env);
}

/** Options every command that runs the council understands. */
export interface CouncilOptions {
  policy?: string;
}

/**
 * Builds the council a command runs: the reference experts under the
 * Reference Policy v1, or under `--policy FILE` (validated now, so a bad
 * policy is refused before any case is read).
 */
export function councilFromOptions(options: CouncilOptions): Council {
  const policy = options.policy ? loadPolicyFile(options.policy) : undefined;
  return createReferenceCouncil({ ...(policy ? { policy } : {}), limits: cliLimits() });
}

/**
 * The council of a command that may use models: the experts run with their
 * configured models in this process, and the model planner plans. Without a
 * model configuration this is exactly {@link councilFromOptions}.
 */
export function councilWithModels(options: CouncilOptions, modelContext: ModelContext): Council {
  const policy = options.policy ? loadPolicyFile(options.policy) : undefined;
  const { models, planner, planning } = modelContext;
  return createReferenceCouncil({
    ...(policy ? { policy } : {}),
    ...(models ? { executor: new InProcessExecutor(referenceExperts, { models }) } : {}),
    ...(planner ? { planner, planning } : {}),
    limits: cliLimits(),
  });
}

/** Reads `--case FILE` (JSON or YAML) and validates it against the council's case schema. */
export function readCase(council: Council, path: string | undefined): Case | undefined {
  if (!path) return undefined;
  return council.parseCase(readDataFile(path, "case file", { maxBytes: cliLimits().maxFileBytes }), `case file ${path}`);
}

/** The question: the words on the command line, else the case file's own `question`. */
export function questionFrom(words: string[] | undefined, c: Case | undefined): string {
  const typed = (words ?? []).join(" ").trim();
  checkQuestionLimit(typed, cliLimits(), { source: "command line", path: "question" });
  return typed || c?.question?.trim() || "";
}
