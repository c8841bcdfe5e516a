import { describe, expect, it } from "vitest";
import { UserInputError } from "../errors/kyocho-error.js";
import { parsePolicy } from "./load-policy.js";
import { requiredAuthority } from "./signoff-authority.js";

const base = { id: "p", name: "P", merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } } };
const roles = ["branch_manager", "credit_department", "credit_committee"];
const authorities = [
  { role: "branch_manager", upToAmount: 1e9, upToDecision: "approve_with_conditions", upToRating: "high" },
  { role: "credit_department", upToAmount: 1e10, upToRating: "high" },
  { role: "credit_committee", signatures: 2 },
];
const signoff = { currency: "JPY", roles, authorities };

function refusal(table: unknown): string {
  try {
    parsePolicy({ ...base, signoff: table }, "policy file p.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error("expected the sign-off table to be refused");
}

describe("sign-off authority table", () => {
  const table = parsePolicy({ ...base, signoff }).signoff!;

  it("is optional: a policy without it loads as before", () => {
    expect(parsePolicy(base).signoff).toBeUndefined();
  });

  it.each([
    [1e9, "approve_with_conditions", "medium", "branch_manager", 1],
    [1e9 + 1, "approve", "low", "credit_department", 1],
    [5e8, "escalate", "high", "credit_department", 1],
    [1e10, "decline", "high", "credit_department", 1],
    [1e10 + 1, "approve", "low", "credit_committee", 2],
    [5e8, "decline", "critical", "credit_committee", 2],
    [undefined, "approve", "low", "credit_committee", 2],
  ] as const)("amount %s, %s, rating %s → %s with %i signature(s)", (amount, decision, rating, role, signatures) => {
    const needed = requiredAuthority(table, { amount, decision, rating });
    expect(needed).toMatchObject({ role, signatures });
    expect(needed.eligibleRoles[0]).toBe(role);
    expect(needed.eligibleRoles.at(-1)).toBe("credit_committee");
  });

  it("refuses a larger amount needing a lower authority, with the field path", () => {
    const swapped = [{ ...authorities[0], upToAmount: 2e10 }, authorities[1], authorities[2]];
    expect(refusal({ ...signoff, authorities: swapped })).toMatch(/signoff\.authorities\[1\]\.upToAmount: is below branch_manager's/);
  });

  it("refuses a worse recommendation or rating needing a lower authority", () => {
    expect(refusal({ ...signoff, authorities: [authorities[0], { ...authorities[1], upToDecision: "approve" }, authorities[2]] })).toContain(
      "signoff.authorities[1].upToDecision",
    );
    expect(refusal({ ...signoff, authorities: [authorities[0], { ...authorities[1], upToRating: "medium" }, authorities[2]] })).toContain(
      "signoff.authorities[1].upToRating",
    );
  });

  it("refuses authorities out of the roles' order, an unknown role and a role listed twice", () => {
    expect(refusal({ ...signoff, authorities: [authorities[1], authorities[0], authorities[2]] })).toMatch(
      /signoff\.authorities\[1\]\.role: must be above credit_department/,
    );
    expect(refusal({ ...signoff, authorities: [{ ...authorities[0], role: "teller" }, authorities[1], authorities[2]] })).toMatch(
      /signoff\.authorities\[0\]\.role: teller is not one of the roles/,
    );
    expect(refusal({ ...signoff, roles: [...roles, "branch_manager"] })).toContain("signoff.roles[3]");
  });

  it("refuses a highest authority with a limit (some deal would find nobody to sign it) and fewer signatures higher up", () => {
    expect(refusal({ ...signoff, authorities: [authorities[0], authorities[1], { ...authorities[2], upToAmount: 1e12 }] })).toContain(
      "signoff.authorities[2].upToAmount: must be left out",
    );
    expect(refusal({ ...signoff, authorities: [{ ...authorities[0], signatures: 2 }, authorities[1], authorities[2]] })).toContain(
      "signoff.authorities[1].signatures",
    );
  });
});
