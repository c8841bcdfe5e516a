import { describe, expect, it } from "vitest";
import type { ExpertResult } from "../assessment/expert-result.js";
import type { FindingInput } from "../assessment/finding.js";
import { parsePolicy } from "../policy/load-policy.js";
import type { Plan } from "../plan/plan-schema.js";
import type { Case } from "../case/case-schema.js";
import { mergeAssessment } from "./merge-assessment.js";

const policy = parsePolicy({
  id: "p",
  name: "P",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
});
const c = { bank: { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 1 }, borrower: { name: "A", country: "JP" } } as Case;

function finding(expert: string, severity: FindingInput["severity"], ruleId = `${expert}-R`, condition?: string) {
  return { ruleId, expert, domain: expert, severity, title: ruleId, message: "", metrics: {}, citations: [], source: "rule" as const, ...(condition ? { condition } : {}) };
}
function result(expert: string, findings: ReturnType<typeof finding>[], status: ExpertResult["status"] = "ok", role: ExpertResult["role"] = "required"): ExpertResult {
  return { taskId: expert, expert, domain: expert, role, status, findings, metrics: {}, citations: [], notes: [] };
}
function planOf(...experts: string[]): Plan {
  return { tasks: experts.map((e) => ({ id: e, expert: e, question: "", dependsOn: [], role: "required" as const })), rationale: "", planner: "given", warnings: [] };
}
const merge = (results: ExpertResult[], plan = planOf(...results.map((r) => r.expert)), theCase: Case | null = c) =>
  mergeAssessment({ assessmentId: "a", plan, results: Object.fromEntries(results.map((r) => [r.taskId, r])), policy, case: theCase ?? undefined });

describe("mergeAssessment", () => {
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
    const a = merge([result("lending", [finding("lending", "info"), finding("lending", "medium", "L2")]), result("fx", [finding("fx", "info")]), result("legal", [])]);
    expect(a.domains).toEqual([{ domain: "lending", rating: "medium" }, { domain: "fx", rating: "low" }, { domain: "legal", rating: "low" }]);
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
