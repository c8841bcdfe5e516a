import { UserInputError, type Expert, type Policy } from "@kyocho/core";

/**
 * What a council module exports for `kyocho … --council MODULE`: its experts
 * and, optionally, its policy (the Reference Policy v2 when it gives none).
 */
export interface CouncilDefinition {
  experts: ReadonlyArray<Expert<any>>;
  policy?: Policy | undefined;
}

/**
 * Checks a council definition now, so that a module with no experts or two
 * experts of one name is refused when it is loaded, with the field path.
 *
 * @example
 * // my-council.ts — run with `kyocho ask --council my-council.ts --case deal.yaml`
 * export default defineCouncil({ experts: [...referenceExperts, esg], policy: loadPolicyFile("policies/bank.yaml") });
 */
export function defineCouncil(definition: CouncilDefinition): CouncilDefinition {
  const source = "council definition";
  if (!definition || !Array.isArray(definition.experts as unknown) || definition.experts.length === 0) {
    throw new UserInputError("must list at least one expert", { source, path: "experts" });
  }
  const names = new Set<string>();
  definition.experts.forEach((expert, i) => {
    if (!expert || typeof expert.name !== "string" || typeof expert.run !== "function") {
      throw new UserInputError("is not an expert (define it with defineExpert)", { source, path: `experts[${i}]` });
    }
    if (names.has(expert.name)) throw new UserInputError(`two experts are named "${expert.name}"`, { source, path: `experts[${i}].name` });
    names.add(expert.name);
  });
  return Object.freeze({ experts: [...definition.experts], ...(definition.policy ? { policy: definition.policy } : {}) });
}
