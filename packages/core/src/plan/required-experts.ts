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
  return new Set(requiredExpertReasons(c, experts, policy).keys());
}

/**
 * {@link requiredExperts} with the reason for each: the case holds the
 * expert's data, or a policy rule makes it mandatory for a section present.
 *
 * @example
 * requiredExpertReasons(c, experts, policy).get("legal") // "the policy makes legal mandatory when facility is present"
 */
export function requiredExpertReasons(c: Case | undefined, experts: ReadonlyArray<Expert<any>>, policy: Policy): Map<string, string> {
  const reasons = new Map<string, string>();
  if (!c) return reasons;
  for (const expert of experts) if (expert.isRequired(c)) reasons.set(expert.name, "the case holds its data");
  for (const [expert, section] of mandatoryExpertsFor((s) => sectionPresent(c, s), experts, policy)) {
    if (!reasons.has(expert)) reasons.set(expert, `the policy makes ${expert} mandatory when ${section} is present`);
  }
  return reasons;
}

/**
 * The experts the policy's `routing.mandatoryExperts` rules call for, given
 * which sections are present, each with the first section that triggered it.
 * Rules naming an expert the council does not have are ignored.
 *
 * @example
 * mandatoryExpertsFor((s) => s === "facility", experts, policy) // Map { "legal" => "facility" }
 */
export function mandatoryExpertsFor(present: (section: string) => boolean, experts: ReadonlyArray<Expert<any>>, policy: Policy): Map<string, string> {
  const known = new Set(experts.map((e) => e.name));
  const out = new Map<string, string>();
  for (const rule of policy.routing.mandatoryExperts) {
    if (!known.has(rule.expert) || out.has(rule.expert)) continue;
    const section = rule.whenPresent.find(present);
    if (section !== undefined) out.set(rule.expert, section);
  }
  return out;
}

function sectionPresent(c: Case, path: string): boolean {
  let value: unknown = c;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return false;
    value = (value as Record<string, unknown>)[key];
  }
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}
