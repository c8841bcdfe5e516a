import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Assessment, Decision } from "@kyocho/core";
import { personKey, type Signoff, type SignoffDecision, type SignoffRequestInput } from "@kyocho/core/assessment";
import { applySignoff } from "./apply-signoff.js";
import { SignoffRefusedError } from "./signoff-refused-error.js";

const COMMITTEE = ["credit_committee"];
const ABOVE_DEPARTMENT = ["credit_department", "credit_committee"];
const at = "2026-11-30T09:00:00Z";

function awaiting(
  options: { recommendation?: Decision; vetoed?: boolean; signatures?: number; eligibleRoles?: string[]; conditions?: string[] } = {},
): Assessment {
  const eligibleRoles = options.eligibleRoles ?? ABOVE_DEPARTMENT;
  const recommendation = options.recommendation ?? "escalate";
  const signoff: Signoff = {
    status: "awaiting_signoff",
    required: {
      role: eligibleRoles[0]!,
      signatures: options.signatures ?? 1,
      eligibleRoles,
      basis: { amount: 5e9, currency: "JPY", recommendation, rating: "high" },
    },
    requestedBy: "tanaka",
    signatures: [],
    conditions: [],
  };
  return {
    id: "a-test",
    rating: "high",
    decision: recommendation,
    incomplete: false,
    vetoes: options.vetoed ? [{ ruleId: "LEG-SANC", expert: "legal", title: "Sanctions", message: "party on a list" }] : [],
    summary: "",
    reasons: [],
    missing: [],
    domains: [],
    findings: [],
    conditions: options.conditions ?? [],
    plan: { tasks: [] } as unknown as Assessment["plan"],
    experts: [],
    policy: { id: "p", name: "P" },
    signoff,
  };
}

function refusedWith(assessment: Assessment, request: Partial<SignoffRequestInput>): SignoffRefusedError {
  try {
    applySignoff(assessment, { name: "sato", role: "credit_department", decision: "decline", at, ...request });
  } catch (error) {
    expect(error).toBeInstanceOf(SignoffRefusedError);
    return error as SignoffRefusedError;
  }
  throw new Error("expected the sign-off to be refused");
}

const signed = (a: Assessment, s: Signoff): Assessment => ({ ...a, signoff: s });

describe("sign-off rules (each refusal)", () => {
  it("refuses a role below the required authority, naming the roles that may sign", () => {
    const e = refusedWith(awaiting({ eligibleRoles: COMMITTEE }), { role: "credit_department" });
    expect(e.code).toBe("ROLE_NOT_AUTHORISED");
    expect(e.message).toBe("sign-off of a-test: role: credit_department may not sign: this assessment needs credit_committee or above (credit_committee)");
  });

  it("refuses the requester, however the name is typed (four eyes)", () => {
    expect(refusedWith(awaiting(), { name: " ＴＡＮＡＫＡ " }).code).toBe("REQUESTER_SIGNING");
  });

  it("refuses the same person signing twice", () => {
    const a = awaiting({ eligibleRoles: COMMITTEE, signatures: 2 });
    const first = applySignoff(a, { name: "Sato", role: "credit_committee", decision: "approve", reason: "strong sponsor", at });
    const e = refusedWith(signed(a, first), { name: "sato", role: "credit_committee", decision: "approve", reason: "again" });
    expect(e.code).toBe("ALREADY_SIGNED");
    expect(e.message).toContain("each of the 2 signatures must be a different person");
  });

  it("refuses any approval of a vetoed assessment, and lets it be declined or returned", () => {
    const a = awaiting({ vetoed: true, recommendation: "decline" });
    for (const decision of ["approve", "approve_with_conditions"] as const) {
      const e = refusedWith(a, { decision, reason: "commercial importance", conditions: decision === "approve" ? [] : ["screen again"] });
      expect(e.code).toBe("VETOED");
      expect(e.message).toContain("a veto (LEG-SANC) stands");
    }
    expect(applySignoff(a, { name: "sato", role: "credit_department", decision: "decline", at }).status).toBe("declined");
    expect(applySignoff(a, { name: "sato", role: "credit_department", decision: "return", reason: "rescreen", at }).status).toBe("returned");
  });

  it("refuses an override more lenient than the recommendation without a reason, and marks it with one", () => {
    const a = awaiting({ recommendation: "escalate" });
    const e = refusedWith(a, { decision: "approve" });
    expect(e.code).toBe("REASON_REQUIRED");
    expect(e.message).toContain("approve is more lenient than the escalate recommendation");
    const s = applySignoff(a, { name: "sato", role: "credit_department", decision: "approve", reason: "guaranteed by the parent", at });
    expect(s).toMatchObject({ status: "approved", signatures: [{ name: "sato", override: true, reason: "guaranteed by the parent" }] });
    // Stricter than the recommendation is no override and needs no reason.
    expect(applySignoff(a, { name: "sato", role: "credit_department", decision: "decline", at }).signatures[0]!.override).toBe(false);
  });

  it("refuses a return without a reason, conditions without approve_with_conditions, and that decision with no condition at all", () => {
    expect(refusedWith(awaiting(), { decision: "return" }).code).toBe("REASON_REQUIRED");
    expect(refusedWith(awaiting(), { decision: "decline", conditions: ["x"] }).code).toBe("BAD_SIGNOFF");
    expect(refusedWith(awaiting(), { decision: "approve_with_conditions", reason: "r" }).code).toBe("CONDITION_REQUIRED");
  });

  it("refuses signing what is final, and what needs no sign-off", () => {
    const a = awaiting();
    const done = applySignoff(a, { name: "sato", role: "credit_department", decision: "decline", at });
    expect(refusedWith(signed(a, done), { name: "suzuki" }).message).toContain("is already declined");
    expect(refusedWith({ ...a, signoff: undefined }, {}).code).toBe("NO_SIGNOFF_NEEDED");
  });

  it("refuses a malformed request with the field path", () => {
    expect(() => applySignoff(awaiting(), { name: " ", role: "credit_department", decision: "decline", at })).toThrow(/sign-off of a-test: name: /);
  });

  it("needs every required signature, and the strictest one decides with everyone's conditions", () => {
    const a = awaiting({ eligibleRoles: COMMITTEE, signatures: 2, recommendation: "approve_with_conditions", conditions: ["quarterly covenant test"] });
    const one = applySignoff(a, { name: "sato", role: "credit_committee", decision: "approve_with_conditions", conditions: ["parent guarantee"], at });
    expect(one.status).toBe("awaiting_signoff");
    const two = applySignoff(signed(a, one), { name: "suzuki", role: "credit_committee", decision: "approve_with_conditions", at });
    expect(two.status).toBe("approved_with_conditions");
    expect(two.conditions).toEqual(["quarterly covenant test", "parent guarantee"]);
    const declined = applySignoff(signed(a, one), { name: "suzuki", role: "credit_committee", decision: "decline", at });
    expect(declined.status).toBe("declined");
  });
});

/**
 * Any signer command, valid or not: names overlapping each other and the requester's in case and width, every role
 * and decision. Most carry a reason and conditions that fit their decision, so that sequences get far enough to
 * reach a second signature; the rest are there to be refused.
 */
const command = fc
  .record({
    name: fc.constantFrom("sato", "Sato", "ＳＡＴＯ", "suzuki", "tanaka", " Tanaka", "ito"),
    role: fc.constantFrom("branch_manager", "credit_department", "credit_committee", "credit_committee"),
    decision: fc.constantFrom<SignoffDecision[]>("approve", "approve_with_conditions", "return", "decline"),
    fitting: fc.constantFrom(true, true, true, false),
    reason: fc.constantFrom<Array<string | undefined>>("reason", "reason", "reason", undefined),
  })
  .map(({ fitting, ...c }) => ({ ...c, conditions: (c.decision === "approve_with_conditions") === fitting ? ["parent guarantee"] : [] }));
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** Runs a sequence of commands against one assessment, keeping each accepted sign-off (refused ones change nothing). */
function run(start: Assessment, commands: ReadonlyArray<Command>): Assessment {
  let a = start;
  for (const { reason, ...c } of commands) {
    try {
      a = signed(a, applySignoff(a, { ...c, ...(reason !== undefined ? { reason } : {}), at }));
    } catch (error) {
      if (!(error instanceof SignoffRefusedError)) throw error;
    }
  }
  return a;
}

const settings = { seed: 20261130, numRuns: 60 };
const start = fc.record({
  vetoed: fc.boolean(),
  signatures: fc.constantFrom(1, 2, 3),
  eligibleRoles: fc.constantFrom(COMMITTEE, ABOVE_DEPARTMENT),
  recommendation: fc.constantFrom<Decision[]>("approve", "approve_with_conditions", "escalate", "decline"),
});

describe("sign-off properties (any sequence of commands)", () => {
  it("never approves a vetoed assessment", () => {
    fc.assert(
      fc.property(start, fc.array(command, { minLength: 1, maxLength: 8, size: "max" }), (s, commands) => {
        const end = run(awaiting({ ...s, vetoed: true }), commands).signoff!;
        expect(["awaiting_signoff", "declined", "returned"]).toContain(end.status);
        expect(end.signatures.every((sig) => sig.decision === "decline" || sig.decision === "return")).toBe(true);
      }),
      settings,
    );
  });

  it("never lets one person supply two signatures, and the requester none", () => {
    fc.assert(
      fc.property(start, fc.array(command, { minLength: 1, maxLength: 8, size: "max" }), (s, commands) => {
        const end = run(awaiting(s), commands).signoff!;
        const people = end.signatures.map((sig) => personKey(sig.name));
        expect(new Set(people).size).toBe(people.length);
        expect(people).not.toContain(personKey(end.requestedBy!));
        expect(end.signatures.every((sig) => end.required.eligibleRoles.includes(sig.role))).toBe(true);
      }),
      settings,
    );
  });

  it("is final only with enough signatures (or one return), and every override carries its reason", () => {
    fc.assert(
      fc.property(start, fc.array(command, { minLength: 1, maxLength: 8, size: "max" }), (s, commands) => {
        const end = run(awaiting(s), commands).signoff!;
        if (end.status === "returned") expect(end.signatures.at(-1)!.decision).toBe("return");
        else if (end.status !== "awaiting_signoff") expect(end.signatures).toHaveLength(end.required.signatures);
        for (const sig of end.signatures) if (sig.override) expect(sig.reason).toBeDefined();
      }),
      settings,
    );
  });
});
