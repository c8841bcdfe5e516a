import { checkQuestionLimit, limitsFromEnv, type Limits } from "@kyocho/core/limits";
import { InProcessExecutor, loadPolicyFile, type Case, type Expert, type Policy } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import { createCouncil, type Council, type CouncilOptions as CreateCouncilOptions } from "@kyocho/council";
import { loadReferencePolicy, referenceExperts } from "@kyocho/reference-council";
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
  /** `--council MODULE`: a module exporting the council's experts (and policy). */
  council?: string;
}

/** The experts and policy a command runs: the reference council, or `--council MODULE`, under `--policy FILE` when given. */
export interface ResolvedCouncil {
  experts: ReadonlyArray<Expert<any>>;
  policy: Policy;
}

/**
 * Resolves the council of a command: `--council MODULE`'s experts (else the
 * reference experts) under `--policy FILE` (else the module's policy, else
 * the Reference Policy v2). Everything is loaded and validated now — every
 * expert's section of the policy included — so a bad module or policy is
 * refused before any case is read.
 */
export async function resolveCouncil(options: CouncilOptions): Promise<ResolvedCouncil> {
  const definition = options.council ? await (await import("./council-module.js")).loadCouncilModule(options.council) : undefined;
  const experts = definition?.experts ?? referenceExperts;
  const policy = options.policy ? loadPolicyFile(options.policy) : (definition?.policy ?? loadReferencePolicy());
  for (const expert of experts) expert.resolvePolicy(policy);
  return { experts, policy };
}

/** Builds the council a command runs, in process, without models (see {@link resolveCouncil}). */
export async function councilFromOptions(options: CouncilOptions): Promise<Council> {
  const { experts, policy } = await resolveCouncil(options);
  return createCouncil({ experts, policy, limits: cliLimits() });
}

/**
 * The council of a command that may use models: the experts run with their
 * configured models in this process, and the model planner plans. Without a
 * model configuration this is exactly {@link councilFromOptions}.
 */
export function councilWithModels(resolved: ResolvedCouncil, modelContext: ModelContext, durable: Pick<CreateCouncilOptions, "checkpointer"> = {}): Council {
  const { experts, policy } = resolved;
  const { models, planner, planning, summary, audit } = modelContext;
  return createCouncil({
    experts,
    policy,
    ...(models ? { executor: new InProcessExecutor(experts, { models }) } : {}),
    ...(planner ? { planner, planning } : {}),
    summary,
    audit,
    limits: cliLimits(),
    ...durable,
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
