/**
 * The required clauses a contract lacks, in the order the policy lists them.
 * No clause list at all counts as an empty one.
 *
 * @example
 * missingClauses(["cross_default"], ["cross_default", "change_of_control"]) // ["change_of_control"]
 */
export function missingClauses<C extends string>(clauses: readonly string[] | undefined, required: readonly C[]): C[] {
  const present = new Set(clauses ?? []);
  return [...new Set(required)].filter((clause) => !present.has(clause));
}
