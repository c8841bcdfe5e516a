import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { collateralCover, ltv } from "./ltv.js";

const haircuts = referenceLendingPolicy().rules["LEN-LTV"].haircuts;
// Base JPY; USD 150, EUR 160.
const c = parseCase({ marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } } });

describe("ltv", () => {
  it("is (facility + prior charges) over the value after haircuts", () => {
    expect(ltv({ amount: 700, priorCharges: 100, valueAfterHaircuts: 1000 })).toBeCloseTo(0.8, 12); // 800 / 1000
    expect(ltv({ amount: 90, priorCharges: 0, valueAfterHaircuts: 100 })).toBeCloseTo(0.9, 12);
  });

  it("is unlimited with nothing left after haircuts, and 0 with no claim", () => {
    expect(ltv({ amount: 80, priorCharges: 0, valueAfterHaircuts: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(ltv({ amount: 0, priorCharges: 0, valueAfterHaircuts: 0 })).toBe(0);
  });
});

describe("collateralCover", () => {
  it("applies each type's haircut in the facility currency", () => {
    // real estate 1000 × 0.7 = 700; securities 500 × 0.8 = 400; equipment 200 × 0.5 = 100; cash 50 × 1 = 50 → 1250 of 1750.
    const out = collateralCover(
      c,
      "JPY",
      [
        { type: "real_estate", value: 1000, currency: "JPY", priorCharges: 300 },
        { type: "securities", value: 500, currency: "JPY" },
        { type: "equipment", value: 200, currency: "JPY" },
        { type: "cash", value: 50, currency: "JPY" },
      ],
      haircuts,
    );
    expect(out).toEqual({ ok: true, value: { grossValue: 1750, valueAfterHaircuts: 1250, priorCharges: 300 } });
  });

  it("converts values and prior charges from their own currency through the base", () => {
    // A USD building of 10 with 2 prior, for a EUR facility: 10·150/160 = 9.375 EUR, × 0.7 = 6.5625; prior 2·150/160 = 1.875.
    const out = collateralCover(c, "EUR", [{ type: "real_estate", value: 10, currency: "USD", priorCharges: 2 }], haircuts);
    if (!out.ok) throw new Error("expected a cover");
    expect(out.value.grossValue).toBeCloseTo(9.375, 12);
    expect(out.value.valueAfterHaircuts).toBeCloseTo(6.5625, 12);
    expect(out.value.priorCharges).toBeCloseTo(1.875, 12);
  });

  it("names the missing spots instead of guessing 1", () => {
    expect(collateralCover(c, "JPY", [{ type: "receivables", value: 10, currency: "GBP" }], haircuts)).toEqual({
      ok: false,
      missing: ["marketData.GBP.spot"],
    });
    // A GBP facility with USD collateral needs GBP too; JPY collateral for a JPY facility needs nothing.
    expect(collateralCover(c, "GBP", [{ type: "other", value: 10, currency: "USD" }], haircuts)).toEqual({
      ok: false,
      missing: ["marketData.GBP.spot"],
    });
  });
});
