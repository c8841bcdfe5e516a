import { fileURLToPath } from "node:url";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { parsePolicy, type Expert, type ExpertExecutor, type Planner, type Policy } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import type { Limits } from "@kyocho/core/limits";
import type { PlanningMode } from "@kyocho/council";
import { fxExpert } from "@kyocho/expert-fx";
import { legalExpert } from "@kyocho/expert-legal";
import { lendingExpert } from "@kyocho/expert-lending";
import { marketsExpert } from "@kyocho/expert-markets";
import { createCouncil, type Council } from "@kyocho/council";
import { readPrebuiltPolicy } from "./prebuilt-policy.js";

/** Where the shipped Reference Policy v2, the default, lives (inside this package, so installs carry it). */
export const REFERENCE_POLICY_PATH = fileURLToPath(new URL("../policies/reference-v2.yaml", import.meta.url));
/** Reference Policy v1, kept loadable for comparison (`--policy`): v1's thresholds under the same compliance floor. */
export const REFERENCE_POLICY_V1_PATH = fileURLToPath(new URL("../policies/reference-v1.yaml", import.meta.url));

/** kyocho's four domain experts, in the order the report lists them. */
export const referenceExperts: ReadonlyArray<Expert<any>> = [lendingExpert, legalExpert, fxExpert, marketsExpert];

/** Reads the shipped Reference Policy v2 (from its JSON rendition when the build made one from the YAML as it is). */
export function loadReferencePolicy(): Policy {
  const raw = readPrebuiltPolicy(REFERENCE_POLICY_PATH) ?? readDataFile(REFERENCE_POLICY_PATH, "policy file");
  return parsePolicy(raw, `policy file ${REFERENCE_POLICY_PATH}`);
}

/**
 * The reference council: lending, legal, fx and markets under the Reference
 * Policy v2 (or the policy you pass), planned by the embedded planner and
 * run in process unless you pass another executor or planner.
 *
 * @example
 * const council = createReferenceCouncil();
 * const assessment = await council.assess({ question, case: council.parseCase(raw) });
 */
export function createReferenceCouncil(
  options: {
    policy?: Policy;
    executor?: ExpertExecutor;
    planner?: Planner;
    planning?: PlanningMode;
    experts?: ReadonlyArray<Expert<any>>;
    limits?: Limits;
    now?: () => Date;
    /** Keeps each run as a LangGraph thread (thread id = assessment id), so it can be resumed and signed off: e.g. `@kyocho/store`'s. */
    checkpointer?: BaseCheckpointSaver;
  } = {},
): Council {
  return createCouncil({
    experts: options.experts ?? referenceExperts,
    policy: options.policy ?? loadReferencePolicy(),
    ...(options.executor ? { executor: options.executor } : {}),
    ...(options.planner ? { planner: options.planner } : {}),
    ...(options.planning ? { planning: options.planning } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.checkpointer ? { checkpointer: options.checkpointer } : {}),
  });
}
