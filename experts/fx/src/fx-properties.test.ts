import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPolicyFile, parseCase, type CaseInput } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { assessFx } from "./fx-assessment.js";
import { fxExpert } from "./fx-expert.js";
import { currencyMismatch } from "./fx-mismatch.js";
import { FxPolicySchema } from "./fx-policy.js";

const policyPath = fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url));
const policy = loadPolicyFile(policyPath);
const fxPolicy = FxPolicySchema.parse(YAML.parse(readFileSync(policyPath, "utf8")).experts.fx);
const dataGap = (fields: string[]): ExpertFinding => ({
  ruleId: "DATA-GAP",
  severity: "medium",
  title: "Data gap",
  message: "gap",
  metrics: {},
  citations: [],
  fields,
});

const CURRENCIES = ["JPY", "USD", "EUR", "GBP", "THB"] as const;
// Whole amounts: a credit file has no sub-denormal yen, and 5e-324 of debt only tests floating point.
const money = (max: number) => fc.integer({ min: 0, max });
const marketData = fc.record({
  JPY: fc.record({ spot: fc.double({ min: 0.003, max: 0.02, noNaN: true }), vol: fc.double({ min: 0, max: 0.4, noNaN: true }) }),
  USD: fc.record({ spot: fc.double({ min: 50, max: 300, noNaN: true }), vol: fc.double({ min: 0, max: 0.4, noNaN: true }) }),
  EUR: fc.record({ spot: fc.double({ min: 50, max: 300, noNaN: true }), vol: fc.double({ min: 0, max: 0.4, noNaN: true }) }),
  GBP: fc.record({ spot: fc.double({ min: 50, max: 300, noNaN: true }), vol: fc.double({ min: 0, max: 0.4, noNaN: true }) }),
  THB: fc.record({ spot: fc.double({ min: 1, max: 10, noNaN: true }), vol: fc.double({ min: 0, max: 0.4, noNaN: true }) }),
});
const financials = (currency: string) =>
  fc.record({
    currency: fc.constant(currency),
    revenue: money(1e9),
    ebitda: fc.integer({ min: -1e8, max: 5e8 }),
    totalDebt: money(1e9),
    interestExpense: money(1e7),
    annualDebtService: money(1e8),
  });
const facility = (currency: fc.Arbitrary<string>) =>
  fc.record({
    type: fc.constant("term_loan" as const),
    amount: money(1e9),
    currency,
    tenorYears: fc.double({ min: 0.25, max: 10, noNaN: true }),
    rate: fc.double({ min: 0, max: 0.1, noNaN: true }),
    amortization: fc.constantFrom("bullet" as const, "linear" as const),
  });
/** Shares of the currencies other than F, scaled so that they sum to at most 1. */
const shares = (foreign: readonly string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...foreign), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 }).map((pairs) => {
    const map: Record<string, number> = {};
    for (const [cur, v] of pairs) map[cur] = v;
    const total = Object.values(map).reduce((s, v) => s + v, 0);
    for (const cur of Object.keys(map)) map[cur] = map[cur]! / Math.max(1, total * 1.000001);
    return map;
  });

describe("fx properties", () => {
  it("an exposure in the borrower's own currency alone never yields an FX finding", async () => {
    const arbitrary = fc.tuple(fc.constantFrom(...CURRENCIES), fc.constantFrom("JPY", "USD")).chain(([F, B]) =>
      fc.record({
        bank: fc.constant({ baseCurrency: B }),
        borrower: financials(F).map((f) => ({ name: "Borrower", country: "JP", financials: f })),
        facility: fc.option(facility(fc.constant(F)), { nil: undefined }),
        fx: fc.option(
          fc
            .array(
              fc.record({
                currency: fc.constant(F),
                notional: money(1e9),
                direction: fc.constantFrom("sell" as const, "buy" as const),
                instrument: fc.constant("forward" as const),
              }),
              { maxLength: 2 },
            )
            .map((hedges) => ({ hedges })),
          { nil: undefined },
        ),
        marketData: fc.option(marketData, { nil: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const c = parseCase(JSON.parse(JSON.stringify(input)) as CaseInput);
        expect(fxExpert.isRequired(c)).toBe(false);
        const r = await fxExpert.run({
          assessmentId: "p",
          task: { id: "fx", expert: "fx", question: "", dependsOn: [], role: "advisory" },
          case: c,
          policy,
          dependencies: {},
        });
        expect(r.status).toBe("ok");
        expect(r.findings).toEqual([]);
        expect(r.metrics.fxLoss).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it("adding a hedge in the right direction, up to the open position, never raises fxLoss", () => {
    const arbitrary = fc.tuple(fc.constantFrom(...CURRENCIES), fc.constantFrom("JPY", "USD")).chain(([F, B]) => {
      const foreign = CURRENCIES.filter((cur) => cur !== F);
      return fc.record({
        bank: fc.constant({ baseCurrency: B }),
        borrower: fc
          .record({
            base: financials(F),
            foreignRevenueShare: shares(foreign),
            foreignCostShare: shares(foreign),
            debtByCurrency: fc.dictionary(fc.constantFrom(...foreign), money(1e7), { maxKeys: 2 }),
          })
          .map(({ base, ...rest }) => ({ name: "Borrower", country: "JP", financials: { ...base, ...rest } })),
        facility: fc.option(facility(fc.constantFrom(...CURRENCIES)), { nil: undefined }),
        fx: fc
          .array(
            fc.record({
              currency: fc.constantFrom(...foreign),
              notional: money(1e7),
              direction: fc.constantFrom("sell" as const, "buy" as const),
              instrument: fc.constant("swap" as const),
            }),
            { maxLength: 3 },
          )
          .map((hedges) => ({ hedges })),
        marketData,
        pick: fc.nat(),
        fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      });
    });
    fc.assert(
      fc.property(arbitrary, ({ pick, fraction, ...input }) => {
        const c = parseCase(JSON.parse(JSON.stringify(input)) as CaseInput);
        const before = currencyMismatch(c);
        if (!before?.ok) return; // every spot is given: cannot happen, but no guess either way
        const open = before.value.positions.filter((p) => p.open !== 0);
        if (open.length === 0) return;
        const target = open[pick % open.length]!;
        const F = before.value.currency;
        const spot = (cur: string) => (cur === input.bank.baseCurrency ? 1 : input.marketData[cur as keyof typeof input.marketData].spot);
        // Sell a currency the borrower is long in, buy one it is short in; notional in C = fraction · |open| in F, converted.
        const notional = (fraction * Math.abs(target.open) * spot(F)) / spot(target.currency);
        const direction = target.open > 0 ? "sell" : "buy";
        const hedged = parseCase(
          JSON.parse(
            JSON.stringify({
              ...input,
              fx: { hedges: [...input.fx.hedges, { currency: target.currency, notional, direction, instrument: "forward" }] },
            }),
          ) as CaseInput,
        );
        const lossBefore = assessFx(c, fxPolicy, dataGap, dataGap).metrics.fxLoss!;
        const lossAfter = assessFx(hedged, fxPolicy, dataGap, dataGap).metrics.fxLoss!;
        expect(lossAfter).toBeLessThanOrEqual(lossBefore * (1 + 1e-9) + 1e-6);
      }),
      { numRuns: 300 },
    );
  });
});
