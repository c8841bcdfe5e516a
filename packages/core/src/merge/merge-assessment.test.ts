import { describe, expect, it } from "vitest";
import type { ExpertResult } from "../assessment/expert-result.js";
import type { FindingInput } from "../assessment/finding.js";
import { parsePolicy } from "../policy/load-policy.js";
import type { Plan } from "../plan/plan-schema.js";
import type { Case } from "../case/case-schema.js";
import { mergeAssessment } from "./merge-assessment.js";
import { policyFingerprint } from "../policy/policy-fingerprint.js";

const policy = parsePolicy({
  id: "p",
  name: "P",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
});
const c = { bank: { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 1 }, borrower: { name: "A", country: "JP" } } as Case;

function finding(expert: string, severity: FindingInput["severity"], ruleId = `${expert}-R`, condition?: string) {
  return {
    ruleId,
    expert,
    domain: expert,
    severity,
    title: ruleId,
    message: "",
    metrics: {},
    citations: [],
    source: "rule" as "rule" | "model",
    ...(condition ? { condition } : {}),
  };
}
function result(
  expert: string,
  findings: ReturnType<typeof finding>[],
  status: ExpertResult["status"] = "ok",
  role: ExpertResult["role"] = "required",
): ExpertResult {
  return { taskId: expert, expert, domain: expert, role, status, findings, metrics: {}, citations: [], notes: [] };
}
function planOf(...experts: string[]): Plan {
  return {
    tasks: experts.map((e) => ({ id: e, expert: e, question: "", dependsOn: [], role: "required" as const })),
    rationale: "",
    planner: "given",
    warnings: [],
  };
}
const merge = (results: ExpertResult[], plan = planOf(...results.map((r) => r.expert)), theCase: Case | null = c) =>
  mergeAssessment({ assessmentId: "a", plan, results: Object.fromEntries(results.map((r) => [r.taskId, r])), policy, case: theCase ?? undefined });

describe("mergeAssessment", () => {
  it("records the policy applied by id, name and the SHA-256 of its content, which moves with any threshold", () => {
    const a = merge([result("lending", [])]);
    expect(a.policy).toEqual({ id: "p", name: "P", sha256: policyFingerprint(policy).sha256 });
    const moved = parsePolicy({ ...policy, merge: { ...policy.merge, incompleteFloor: "decline" } });
    const b = mergeAssessment({ assessmentId: "a", plan: planOf("lending"), results: { lending: result("lending", []) }, policy: moved, case: c });
    expect(b.policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.policy.sha256).not.toBe(a.policy.sha256);
  });

  it.each([
    ["low", "approve"],
    ["medium", "approve_with_conditions"],
    ["high", "escalate"],
    ["critical", "decline"],
  ] as const)("a %s finding rates %s → %s", (severity, decision) => {
    const a = merge([result("lending", [finding("lending", severity)]), result("legal", [])]);
    expect(a.rating).toBe(severity);
    expect(a.decision).toBe(decision);
    expect(a.incomplete).toBe(false);
  });

  it("rates each domain by its highest severity; info counts as low; no findings is low", () => {
    const a = merge([
      result("lending", [finding("lending", "info"), finding("lending", "medium", "L2")]),
      result("fx", [finding("fx", "info")]),
      result("legal", []),
    ]);
    expect(a.domains).toEqual([
      { domain: "lending", rating: "medium" },
      { domain: "fx", rating: "low" },
      { domain: "legal", rating: "low" },
    ]);
    expect(a.rating).toBe("medium");
  });

  it("lists the conditions of medium-or-higher findings once each", () => {
    const a = merge([
      result("lending", [finding("lending", "high", "L1", "cond A"), finding("lending", "medium", "L2", "cond B"), finding("lending", "low", "L3", "cond C")]),
      result("legal", [finding("legal", "medium", "G1", "cond A")]),
    ]);
    expect(a.conditions).toEqual(["cond A", "cond B"]);
  });

  it("a data gap makes it incomplete: approve_with_conditions becomes escalate, rating unchanged", () => {
    const a = merge([result("lending", [finding("lending", "medium", "DATA-GAP")])]);
    expect(a.rating).toBe("medium");
    expect(a.decision).toBe("escalate");
    expect(a.incomplete).toBe(true);
    expect(a.missing[0]).toMatchObject({ kind: "data_gap", expert: "lending" });
  });

  it("a failed required expert makes it incomplete; a decline stays a decline", () => {
    const a = merge([result("legal", [finding("legal", "critical")]), result("fx", [], "failed")]);
    expect(a.incomplete).toBe(true);
    expect(a.decision).toBe("decline");
  });

  it("a failed advisory expert does not make it incomplete", () => {
    const plan = planOf("lending", "markets");
    plan.tasks[1]!.role = "advisory";
    const a = merge([result("lending", []), result("markets", [], "failed", "advisory")], plan);
    expect(a.incomplete).toBe(false);
    expect(a.decision).toBe("approve");
    expect(a.reasons.join(" ")).toMatch(/advisory expert markets failed/);
  });

  it("no case data at all is never approved", () => {
    const a = merge([result("lending", [])], planOf("lending"), null);
    expect(a.incomplete).toBe(true);
    expect(a.decision).toBe("escalate");
    expect(a.missing[0]!.kind).toBe("no_case_data");
  });

  it("a case holding only its date is no case data", () => {
    const a = merge([result("lending", [])], planOf("lending"), { bank: c.bank, asOf: "2026-11-30" });
    expect(a.missing.map((m) => m.kind)).toEqual(["no_case_data"]);
    expect(a.decision).toBe("escalate");
  });

  it("a policy with a decline floor declines incomplete assessments", () => {
    const strict = parsePolicy({ ...policy, merge: { ...policy.merge, incompleteFloor: "decline" } });
    const a = mergeAssessment({ assessmentId: "a", plan: planOf("fx"), results: { fx: result("fx", [], "failed") }, policy: strict, case: c });
    expect(a.decision).toBe("decline");
  });

  it("orders findings by severity, highest first", () => {
    const a = merge([result("lending", [finding("lending", "low", "A"), finding("lending", "critical", "B"), finding("lending", "medium", "C")])]);
    expect(a.findings.map((f) => f.ruleId)).toEqual(["B", "C", "A"]);
  });
});

describe("mergeAssessment: vetoes, model findings and conflicts", () => {
  const lenient = parsePolicy({
    id: "lenient",
    name: "Lenient",
    merge: { decisions: { low: "approve", medium: "approve", high: "escalate", critical: "escalate" } },
  });
  const mergeWith = (p: typeof policy, results: ExpertResult[], vetoes?: string[]) =>
    mergeAssessment({
      assessmentId: "a",
      plan: planOf(...results.map((r) => r.expert)),
      results: Object.fromEntries(results.map((r) => [r.taskId, r])),
      policy: p,
      case: c,
      vetoes,
    });
  const modelFinding = (expert: string, severity: FindingInput["severity"], ruleId = `${expert.toUpperCase()}-MODEL-1`) => ({
    ...finding(expert, severity, ruleId),
    source: "model" as const,
  });

  it("a veto declines even where the table escalates a critical rating, and is listed and reasoned first", () => {
    const a = mergeWith(lenient, [result("legal", [finding("legal", "critical", "LEG-SANC")]), result("lending", [])], ["LEG-SANC"]);
    expect(a.rating).toBe("critical");
    expect(a.decision).toBe("decline");
    expect(a.vetoes).toEqual([{ ruleId: "LEG-SANC", expert: "legal", title: "LEG-SANC", message: "" }]);
    expect(a.reasons[0]).toMatch(/^veto LEG-SANC .*→ decline/);
    expect(a.summary).toMatch(/^Declined by veto \(LEG-SANC\)\./);
  });

  it("the same finding without a declared veto follows the table", () => {
    const a = mergeWith(lenient, [result("legal", [finding("legal", "critical", "LEG-SANC")])]);
    expect(a.decision).toBe("escalate");
    expect(a.vetoes).toEqual([]);
  });

  it("a policy's merge.vetoes adds vetoes of its own", () => {
    const withVeto = parsePolicy({ ...lenient, merge: { ...lenient.merge, vetoes: ["ESG-COAL"] } });
    const a = mergeWith(withVeto, [result("esg", [finding("esg", "medium", "ESG-COAL")])]);
    expect(a.decision).toBe("decline");
    expect(a.vetoes.map((v) => v.ruleId)).toEqual(["ESG-COAL"]);
  });

  it("a veto beats the incompleteness floor and an incomplete veto stays declined", () => {
    const a = mergeWith(lenient, [result("legal", [finding("legal", "critical", "LEG-ASF"), finding("legal", "medium", "DATA-GAP")])], ["LEG-ASF"]);
    expect(a.incomplete).toBe(true);
    expect(a.decision).toBe("decline");
  });

  it("a model's finding that reuses a veto rule id is no veto", () => {
    const a = mergeWith(policy, [result("legal", [modelFinding("legal", "high", "LEG-SANC")])], ["LEG-SANC"]);
    expect(a.vetoes).toEqual([]);
    expect(a.decision).toBe("escalate");
  });

  it("caps a model's finding at modelFindings.maxSeverity and says so", () => {
    const a = mergeWith(policy, [result("fx", [modelFinding("fx", "critical")])]);
    expect(a.findings[0]).toMatchObject({ severity: "high", source: "model" });
    expect(a.rating).toBe("high");
    expect(a.decision).toBe("escalate");
    expect(a.reasons.some((r) => /model finding FX-MODEL-1 \(fx\) capped from critical to high/.test(r))).toBe(true);
  });

  it("never declines on a model's finding alone, even where the table declines the capped severity", () => {
    const harsh = parsePolicy({ id: "h", name: "H", merge: { decisions: { low: "approve", medium: "escalate", high: "decline", critical: "decline" } } });
    const alone = mergeWith(harsh, [result("fx", [modelFinding("fx", "high")]), result("lending", [finding("lending", "low")])]);
    expect(alone.decision).toBe("escalate");
    const withRule = mergeWith(harsh, [result("fx", [modelFinding("fx", "high")]), result("lending", [finding("lending", "high")])]);
    expect(withRule.decision).toBe("decline");
  });

  it("a DATA-CONFLICT leaves the assessment incomplete, like a gap, naming both fields", () => {
    const conflict = { ...finding("legal", "medium", "DATA-CONFLICT"), fields: ["borrower.country", "counterparties[0].country"] };
    const a = mergeWith(policy, [result("legal", [conflict])]);
    expect(a.incomplete).toBe(true);
    expect(a.decision).toBe("escalate");
    expect(a.missing).toEqual([
      {
        kind: "data_conflict",
        expert: "legal",
        fields: ["borrower.country", "counterparties[0].country"],
        message: "legal data conflict: borrower.country, counterparties[0].country",
      },
    ]);
  });

  it("a model's DATA-GAP-like finding does not count as missing evidence", () => {
    const a = mergeWith(policy, [result("fx", [modelFinding("fx", "low", "DATA-GAP")])]);
    expect(a.incomplete).toBe(false);
  });

  it("prints the date it speaks for", () => {
    const a = mergeAssessment({
      assessmentId: "a",
      plan: planOf("legal"),
      results: { legal: result("legal", []) },
      policy,
      case: { ...c, asOf: "2026-11-30" },
    });
    expect(a.asOf).toBe("2026-11-30");
    expect(mergeAssessment({ assessmentId: "a", plan: planOf("legal"), results: { legal: result("legal", []) }, policy, asOf: "2026-01-02" }).asOf).toBe(
      "2026-01-02",
    );
  });
});
