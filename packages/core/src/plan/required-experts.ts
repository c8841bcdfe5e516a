import type { Case } from "../case/case-schema.js";
import type { Expert } from "../expert/expert-types.js";
import type { Policy } from "../policy/policy-schema.js";

/**
 * The experts a case cannot be assessed without: those whose data is present
 * and those the policy makes mandatory when a named section is present.
 * Nothing in a question's wording can remove them.
 *
 * @example
 * requiredExperts(c, experts, policy) // Set { "lending", "legal", "fx" }
 */
export function requiredExperts(c: Case | undefined, experts: ReadonlyArray<Expert<any>>, policy: Policy): Set<string> {
  const names = new Set<string>();
  if (!c) return names;
  for (const expert of experts) if (expert.isRequired(c)) names.add(expert.name);
  const known = new Set(experts.map((e) => e.name));
  for (const rule of policy.routing.mandatoryExperts) {
    if (!known.has(rule.expert)) continue;
    if (rule.whenPresent.some((section) => sectionPresent(c, section))) names.add(rule.expert);
  }
  return names;
}

function sectionPresent(c: Case, path: string): boolean {
  let value: unknown = c;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return false;
    value = (value as Record<string, unknown>)[key];
  }
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}
