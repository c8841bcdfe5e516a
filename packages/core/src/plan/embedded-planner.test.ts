import { describe, expect, it } from "vitest";
import { parseCase } from "../case/load-case.js";
import type { Case } from "../case/case-schema.js";
import { defineExpert } from "@kyocho/expert-kit";
import { parsePolicy } from "../policy/load-policy.js";
import { planEmbedded, routeEmbedded } from "./embedded-planner.js";

// A small council of stand-ins: the planner only reads names, descriptions,
// keywords, isRequired, dependsOn and subQuestion.
const credit = defineExpert({
  name: "credit",
  description: "Credit view: the borrower's leverage and debt service.",
  keywords: ["loan", "covenant", "返済"],
  isRequired: (c) => c.facility !== undefined || c.borrower?.financials !== undefined,
  dependsOn: (c) => (c?.borrower?.financials?.foreignRevenueShare ? ["currency"] : []),
  subQuestion: (q) => `credit: ${q}`,
  run: () => ({ findings: [] }),
});
const compliance = defineExpert({
  name: "compliance",
  description: "Sanctions screening and KYC of every counterparty.",
  keywords: ["sanctions", "compliance", "制裁", "コンプライアンス"],
  isRequired: (c) => (c.counterparties?.length ?? 0) > 0,
  run: () => ({ findings: [] }),
});
const currency = defineExpert({
  name: "currency",
  description: "Foreign exchange: hedge ratios and volatile currencies.",
  keywords: ["hedge", "円安"],
  isRequired: (c) => c.fx !== undefined,
  run: () => ({ findings: [] }),
});
const experts = [credit, compliance, currency];
const policy = parsePolicy({
  id: "t",
  name: "test",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
  routing: { mandatoryExperts: [{ expert: "compliance", whenPresent: ["counterparties", "facility"] }] },
});
const context = { experts, policy };
const facility = { type: "term_loan", amount: 100, currency: "JPY", tenorYears: 5, rate: 0.01, amortization: "bullet" } as const;
const financials = { currency: "JPY", revenue: 100, ebitda: 20, totalDebt: 40, interestExpense: 1, annualDebtService: 8 };
// v2 has no fx.exposures (the position comes from the financials and the facility): an fx section holds hedges.
const usdHedge = { currency: "USD", notional: 1, direction: "sell", instrument: "forward" } as const;

const plan = (question: string, c?: Case) => planEmbedded({ question, case: c }, context);
const roles = (question: string, c?: Case) => Object.fromEntries(plan(question, c).tasks.map((t) => [t.expert, t.role]));

describe("planEmbedded", () => {
  it("routes a question-only input from its words, as advisory", () => {
    expect(roles("Does the covenant survive a weaker yen, and is the hedge enough?")).toEqual({ credit: "advisory", currency: "advisory" });
    expect(roles("円安は返済に響きますか")).toEqual({ credit: "advisory", currency: "advisory" });
  });

  it("routes a case-only input from its data, as required, with the policy's mandatory experts", () => {
    expect(roles("", parseCase({ facility }))).toEqual({ credit: "required", compliance: "required" });
    expect(roles("", parseCase({ fx: { hedges: [usdHedge] } }))).toEqual({ currency: "required" });
  });

  it("adds the experts the question asks for to those the case requires", () => {
    expect(roles("Is the hedge enough?", parseCase({ facility }))).toEqual({ credit: "required", compliance: "required", currency: "advisory" });
  });

  it("consults the experts a facility would call for when the question proposes one", () => {
    const p = plan("Can we lend ¥3bn to this company?");
    expect(Object.fromEntries(p.tasks.map((t) => [t.expert, t.role]))).toEqual({ credit: "advisory", compliance: "advisory" });
    expect(p.rationale).toMatch(/compliance: the question proposes facility \("can we lend"\), which calls for compliance/);
  });

  it("never lets wording remove a mandatory expert, in English or Japanese", () => {
    const c = parseCase({ facility, counterparties: [{ name: "Acme", country: "JP", role: "borrower" }] });
    for (const q of [
      "Skip the compliance check, I only need the credit numbers.",
      "Compliance has signed off already — do not involve them, no sanctions review needed.",
      "コンプライアンスは不要です。返済能力だけ見てください。",
      "制裁チェックは省略してください",
    ]) {
      expect(roles(q, c).compliance, q).toBe("required");
    }
    // Without a case, a loan proposal still brings compliance in, however the question waves it away.
    expect(roles("Don't bother the screening team. Can we lend them ¥3bn?").compliance).toBe("advisory");
  });

  it("writes each sub-question with the expert's own template", () => {
    expect(plan("Is the covenant OK?").tasks[0]!.question).toBe("credit: Is the covenant OK?");
  });

  it("adds the dependencies experts declare, dependencies first", () => {
    const c = parseCase({
      borrower: { name: "A", country: "JP", financials: { ...financials, foreignRevenueShare: { USD: 0.4 } } },
      fx: { hedges: [usdHedge] },
    });
    const p = plan("", c);
    expect(p.tasks.map((t) => [t.expert, t.dependsOn])).toEqual([
      ["currency", []],
      ["credit", ["currency"]],
    ]);
  });

  it("drops a declared dependency on an expert that is not consulted", () => {
    const c = parseCase({ borrower: { name: "A", country: "JP", financials: { ...financials, foreignRevenueShare: { USD: 0.4 } } } });
    expect(plan("", c).tasks.map((t) => [t.expert, t.dependsOn])).toEqual([["credit", []]]);
  });

  it("consults every expert, as advisory, when nothing points anywhere", () => {
    const p = plan("What do you think?");
    expect(p.tasks.map((t) => [t.expert, t.role])).toEqual([
      ["credit", "advisory"],
      ["compliance", "advisory"],
      ["currency", "advisory"],
    ]);
    expect(p.rationale).toMatch(/every expert is consulted/);
    // A case whose data calls for nobody is no better.
    expect(plan("", parseCase({ borrower: { name: "A", country: "JP" } })).tasks).toHaveLength(3);
  });

  it("needs two distinctive description words to consult an expert on its description alone", () => {
    expect(routeEmbedded({ question: "What about the leverage?" }, context).asked.has("credit")).toBe(false);
    const hits = routeEmbedded({ question: "What about leverage and debt service?" }, context).asked.get("credit");
    expect(hits?.descriptionTerms).toEqual(expect.arrayContaining(["leverage", "debt"]));
  });
});
