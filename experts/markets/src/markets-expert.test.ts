import type { CaseInput, ExpertResult, Policy, SubTaskInput } from "@kyocho/core";
import { parseCase, SubTaskSchema } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { loadReferencePolicy } from "../test-support/reference-policy.js";
import { createMarketsExpert, marketsExpert } from "./markets-expert.js";

const policy: Policy = loadReferencePolicy();

async function run(
  caseInput: CaseInput | undefined,
  task: Partial<SubTaskInput> = {},
  expert = marketsExpert,
): Promise<ExpertResult> {
  const c = caseInput === undefined ? undefined : parseCase(caseInput);
  const question = task.question ?? expert.subQuestion(c?.question ?? "", c);
  return expert.run({
    assessmentId: "test",
    task: SubTaskSchema.parse({ id: "markets", expert: "markets", ...task, question }),
    case: c,
    policy,
    dependencies: {},
  });
}

const ruleIds = (r: ExpertResult) => r.findings.map((f) => `${f.ruleId}:${f.severity}`).sort();

/** A diversified, liquid, short-duration book: nothing fires. */
const calmBook: CaseInput = {
  markets: {
    positions: [
      { id: "jgb-2y", issuer: "Japan MOF", kind: "bond", marketValue: 2_000, modifiedDuration: 1.9, adv: 1_000_000 },
      { id: "ntt-3y", issuer: "NTT", kind: "bond", marketValue: 2_000, modifiedDuration: 2.8, adv: 50_000 },
      { id: "loan-a", issuer: "Kansai Trading", kind: "loan", marketValue: 2_000, modifiedDuration: 0.5 },
      { id: "toyota", issuer: "Toyota", kind: "equity", marketValue: 2_000, adv: 100_000 },
      { id: "sony", issuer: "Sony", kind: "equity", marketValue: 2_000, adv: 80_000 },
    ],
  },
};

describe("markets expert: definition", () => {
  it("is named markets, in the markets domain, with no dependencies", () => {
    expect(marketsExpert.name).toBe("markets");
    expect(marketsExpert.domain).toBe("markets");
    expect(marketsExpert.dependsOn(undefined)).toEqual([]);
    expect(() => marketsExpert.resolvePolicy(policy)).not.toThrow();
  });

  it("is required exactly when markets.positions is a non-empty list", () => {
    expect(marketsExpert.isRequired(parseCase(calmBook))).toBe(true);
    expect(marketsExpert.isRequired(parseCase({ markets: { positions: [] } }))).toBe(false);
    expect(marketsExpert.isRequired(parseCase({ borrower: { name: "Acme", country: "JP" } }))).toBe(false);
    expect(marketsExpert.isRequired(undefined)).toBe(false);
  });
});

describe("markets expert: runs", () => {
  it("finds nothing in a calm book and reports its metrics", async () => {
    const result = await run(calmBook);
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.metrics).toMatchObject({
      totalMarketValue: 10_000,
      rateSensitiveMarketValue: 6_000,
      largestIssuerShare: 0.2,
      hhi: 2000,
      "issuerShare.Toyota": 0.2,
      maxLiquidityRatio: 0.04,
    });
    expect(result.metrics.rateShockLoss).toBeCloseTo((1.9 + 2.8 + 0.5) * 2_000 * 0.02, 9);
    expect(result.metrics.rateShockLossRatio).toBeCloseTo(0.02 * (5.2 / 3), 12);
    expect(result.notes).toEqual([expect.stringContaining("loan-a")]);
    expect(result.citations.length).toBeGreaterThan(0);
  });

  it("fires all three rules on a long, concentrated, illiquid book", async () => {
    const result = await run({
      bank: { baseCurrency: "JPY" },
      markets: {
        positions: [
          { id: "acme-10y", issuer: "Acme", kind: "bond", marketValue: 6_000, modifiedDuration: 8.5, adv: 3_000 },
          { id: "acme-eq", issuer: "Acme", kind: "equity", marketValue: 1_000, adv: 10_000 },
          { id: "jgb-30y", issuer: "Japan MOF", kind: "bond", marketValue: 3_000, modifiedDuration: 20, adv: 1e9 },
        ],
      },
    });
    expect(ruleIds(result)).toEqual(["MKT-CONC:high", "MKT-LIQ:high", "MKT-RATE:high"]);
    const rate = result.findings.find((f) => f.ruleId === "MKT-RATE")!;
    expect(rate).toMatchObject({
      expert: "markets",
      domain: "markets",
      source: "rule",
      citations: [{ document: "markets/markets-policy.md", section: "Rate sensitivity (MKT-RATE)" }],
      condition: "Hedge duration so that a 200bp rise costs at most 5% of the rates book.",
    });
    expect(rate.message).toContain("JPY");
    expect(result.metrics).toMatchObject({
      largestIssuerShare: 0.7,
      hhi: 5800,
      maxLiquidityRatio: 2,
      "liquidityRatio.acme-10y": 2,
      "issuerShare.Acme": 0.7,
      "issuerShare.Japan MOF": 0.3,
    });
    expect(result.findings.find((f) => f.ruleId === "MKT-LIQ")?.message).toContain("acme-10y");
  });

  it("reports medium findings at the medium tiers", async () => {
    const result = await run({
      markets: {
        positions: [
          { id: "a", issuer: "A", kind: "bond", marketValue: 30, modifiedDuration: 3, adv: 100 },
          ...["B", "C", "D", "E", "F", "G", "H"].map((issuer) => ({
            id: issuer.toLowerCase(), issuer, kind: "bond" as const, marketValue: 10, modifiedDuration: 3,
          })),
        ],
      },
    });
    // Ratio 6%, largest share 30% with HHI 1 600, liquidity 0.3.
    expect(ruleIds(result)).toEqual(["MKT-CONC:medium", "MKT-LIQ:medium", "MKT-RATE:medium"]);
  });

  it("reports a DATA-GAP naming each bond or loan without a duration", async () => {
    const result = await run({
      markets: {
        positions: [
          { id: "b1", issuer: "A", kind: "bond", marketValue: 100, modifiedDuration: 1 },
          { id: "b2", issuer: "B", kind: "bond", marketValue: 100 },
          { id: "e1", issuer: "C", kind: "equity", marketValue: 100 },
          { id: "l1", issuer: "D", kind: "loan", marketValue: 100 },
        ],
      },
    });
    const gaps = result.findings.filter((f) => f.ruleId === "DATA-GAP");
    expect(gaps).toEqual([
      expect.objectContaining({
        severity: "medium",
        fields: ["markets.positions[1].modifiedDuration", "markets.positions[3].modifiedDuration"],
      }),
    ]);
    expect(result.metrics).toMatchObject({ rateShockLoss: null, rateShockLossRatio: null });
    expect(result.findings.some((f) => f.ruleId === "MKT-RATE")).toBe(false);
  });

  it("answers a question-only run with passages and a DATA-GAP naming markets.positions", async () => {
    const result = await run(undefined, { question: "この債券ポートフォリオの金利リスクは？", role: "required" });
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: "DATA-GAP", severity: "medium", fields: ["markets.positions"] }),
    ]);
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.citations[0]?.document).toMatch(/^markets\/.*\.ja\.md$/);
    expect(result.metrics).toEqual({});
  });

  it("turns the gap into DATA-NEEDED guidance when the task is advisory", async () => {
    const result = await run(
      { question: "What happens to the trading book if rates rise?", borrower: { name: "Acme", country: "JP" } },
      { role: "advisory" },
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: "DATA-NEEDED", severity: "info", fields: ["markets.positions"] }),
    ]);
    expect(result.citations.some((c) => c.section === "Rate sensitivity (MKT-RATE)")).toBe(true);
  });

  it("treats an empty positions list as no data", async () => {
    const result = await run({ markets: { positions: [] } });
    expect(result.findings.map((f) => f.fields)).toEqual([["markets.positions"]]);
  });

  it("uses the policy's thresholds, not built-in ones", async () => {
    const strict = structuredClone(policy);
    const section = strict.experts.markets as { rules: Record<string, { tiers?: unknown[] }> };
    section.rules["MKT-LIQ"]!.tiers = [{ above: 0.01, severity: "critical" }];
    const c = parseCase(calmBook);
    const result = await marketsExpert.run({
      assessmentId: "t",
      task: SubTaskSchema.parse({ id: "m", expert: "markets", question: "liquidity" }),
      case: c,
      policy: strict,
      dependencies: {},
    });
    expect(ruleIds(result)).toEqual(["MKT-LIQ:critical"]);
  });

  it("fails cleanly, naming the path, when its policy section is bad", async () => {
    const bad = structuredClone(policy);
    (bad.experts.markets as { rules: Record<string, Record<string, unknown>> }).rules["MKT-RATE"]!.shockBp = -5;
    const result = await createMarketsExpert().run({
      assessmentId: "t",
      task: SubTaskSchema.parse({ id: "m", expert: "markets", question: "rates" }),
      case: parseCase(calmBook),
      policy: bad,
      dependencies: {},
    });
    expect(result.status).toBe("failed");
    expect(result.error?.message).toContain("experts.markets.rules.MKT-RATE.shockBp");
  });
});
