import { describe, expect, it } from "vitest";
import { parseCase } from "./load-case.js";
import { migrateCase } from "./migrate-case.js";

const v1 = {
  id: "deal",
  bank: { baseCurrency: "JPY", homeCountry: "JP" },
  borrower: {
    name: "Sakura KK",
    country: "JP",
    financials: { currency: "JPY", revenue: 100, ebitda: 20, totalDebt: 50, interestExpense: 2, annualDebtService: 10 },
  },
  facility: { type: "term_loan", amount: 30, currency: "JPY", tenorYears: 5, rate: 0.01, amortization: "linear", collateralValue: 40, existingExposure: 70 },
  counterparties: [
    { name: "Sakura KK", country: "JP", role: "borrower", kyc: "complete", sanctionsHit: false },
    { name: "Target Inc", country: "US", role: "target", kyc: "pending" },
  ],
  fx: { exposures: [{ currency: "USD", amount: 10, tenorYears: 5 }], hedges: [{ currency: "USD", notional: 4, instrument: "forward" }] },
};

describe("migrateCase", () => {
  it("moves what can move and writes a file the v2 schema reads", () => {
    const { case: v2 } = migrateCase(v1);
    expect(v2.schemaVersion).toBe(2);
    expect((v2.facility as any).collateral).toEqual([{ type: "other", value: 40, currency: "JPY" }]);
    expect((v2.facility as any).collateralValue).toBeUndefined();
    expect(v2.exposures).toEqual([{ kind: "loan", amount: 70, currency: "JPY" }]);
    expect(v2.fx).toEqual({ hedges: [{ currency: "USD", notional: 4, instrument: "forward", direction: "sell" }] });
    expect((v2.counterparties as any)[0].kyc).toEqual({ status: "complete" });
    expect(() => parseCase(v2)).not.toThrow();
  });

  it("lists what it could not know, each with the path to add", () => {
    const { unknowns } = migrateCase(v1);
    const paths = unknowns.map((line) => line.split(":")[0]);
    for (const path of [
      "asOf",
      "bank.tier1Capital",
      "facility.collateral[0].type",
      "exposures",
      "fx.hedges[0].direction",
      "counterparties[0].kyc.reviewedOn",
      "counterparties[0].screening",
      "counterparties[1].screening",
    ]) {
      expect(paths).toContain(path);
    }
    expect(unknowns.find((l) => l.startsWith("fx.hedges[0].direction"))).toMatch(/migrated as sell/);
    expect(unknowns.find((l) => l.startsWith("borrower.financials.foreignRevenueShare"))).toMatch(/USD 10/);
  });

  it("does not change its input", () => {
    const copy = structuredClone(v1);
    migrateCase(v1);
    expect(v1).toEqual(copy);
  });
});
