import { describe, expect, it } from "vitest";
import { currencyPositions } from "./currency-positions.js";

describe("currencyPositions", () => {
  it("sums exposures and hedges per currency and keeps the longest tenor", () => {
    const positions = currencyPositions(
      [
        { currency: "USD", amount: 80, tenorYears: 2 },
        { currency: "EUR", amount: 50, tenorYears: 0.5 },
        { currency: "USD", amount: 20, tenorYears: 5 },
      ],
      [
        { currency: "USD", notional: 30 },
        { currency: "USD", notional: 10 },
        { currency: "EUR", notional: 60 },
      ],
    );
    expect(positions).toEqual([
      { currency: "USD", gross: 100, hedged: 40, hedgeRatio: 0.4, netOpen: 60, tenorYears: 5 },
      { currency: "EUR", gross: 50, hedged: 60, hedgeRatio: 1, netOpen: 0, tenorYears: 0.5 },
    ]);
  });

  it("treats missing hedges as none", () => {
    expect(currencyPositions([{ currency: "USD", amount: 10, tenorYears: 1 }])).toEqual([
      { currency: "USD", gross: 10, hedged: 0, hedgeRatio: 0, netOpen: 10, tenorYears: 1 },
    ]);
  });

  it("gives a zero-amount exposure ratio 1 and nothing open", () => {
    expect(currencyPositions([{ currency: "THB", amount: 0, tenorYears: 3 }])).toEqual([
      { currency: "THB", gross: 0, hedged: 0, hedgeRatio: 1, netOpen: 0, tenorYears: 3 },
    ]);
  });

  it("ignores a hedge in a currency without exposure", () => {
    const positions = currencyPositions([{ currency: "USD", amount: 10, tenorYears: 1 }], [{ currency: "EUR", notional: 5 }]);
    expect(positions.map((p) => p.currency)).toEqual(["USD"]);
    expect(positions[0]!.hedged).toBe(0);
  });

  it("returns nothing for no exposures", () => {
    expect(currencyPositions([])).toEqual([]);
  });
});
