import { describe, expect, it } from "vitest";
import { UserInputError } from "../errors/kyocho-error.js";
import { convert, missingSpotPaths, spotOf, toBase } from "./currency.js";
import { parseCase } from "./load-case.js";

const facility = { type: "term_loan", amount: 100, currency: "USD", tenorYears: 5, rate: 0.05, amortization: "bullet" };

function reason(value: unknown): string {
  try {
    parseCase(value);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error("expected the case to be refused");
}

describe("case schema", () => {
  it("applies the bank defaults, with no Tier 1 capital assumed", () => {
    const c = parseCase({ facility });
    expect(c.bank).toEqual({ baseCurrency: "JPY", homeCountry: "JP" });
    expect(c.bank.tier1Capital).toBeUndefined();
  });

  it("refuses unknown keys at any depth, naming the path", () => {
    expect(reason({ borower: {} })).toMatch(/case: borower: unknown key/);
    expect(reason({ facility: { ...facility, amout: 1 } })).toMatch(/facility\.amout: unknown key/);
  });

  it("refuses negative money but allows a negative ebitda", () => {
    expect(reason({ facility: { ...facility, amount: -1 } })).toMatch(/facility\.amount/);
    const financials = { currency: "JPY", revenue: 1, ebitda: -5, totalDebt: 1, interestExpense: 0, annualDebtService: 0 };
    expect(parseCase({ borrower: { name: "A", country: "JP", financials } }).borrower!.financials!.ebitda).toBe(-5);
    expect(reason({ borrower: { name: "A", country: "JP", financials: { ...financials, totalDebt: -1 } } })).toMatch(/borrower\.financials\.totalDebt/);
  });

  it("checks currency and country codes, shares and tenors", () => {
    expect(reason({ facility: { ...facility, currency: "usd" } })).toMatch(/facility\.currency: must be a three-letter/);
    expect(reason({ borrower: { name: "A", country: "JPN" } })).toMatch(/borrower\.country/);
    expect(reason({ facility: { ...facility, tenorYears: 0 } })).toMatch(/facility\.tenorYears/);
    const financials = { currency: "JPY", revenue: 1, ebitda: 1, totalDebt: 1, interestExpense: 0, annualDebtService: 0, foreignRevenueShare: { USD: 1.2 } };
    expect(reason({ borrower: { name: "A", country: "JP", financials } })).toMatch(/borrower\.financials\.foreignRevenueShare\.USD/);
  });

  it("takes v2 hedges with a direction, and refuses the v1 exposures list", () => {
    expect(parseCase({ fx: { hedges: [{ currency: "USD", notional: 1, direction: "sell", instrument: "forward" }] } }).fx!.hedges[0]!.direction).toBe("sell");
    expect(reason({ fx: { hedges: [{ currency: "USD", notional: 1, instrument: "forward" }] } })).toMatch(/fx\.hedges\[0\]\.direction/);
    expect(reason({ fx: { exposures: [], hedges: [] } })).toMatch(/fx\.exposures: unknown key/);
  });

  it("refuses shares that sum above 1 or name the reporting currency", () => {
    const financials = { currency: "USD", revenue: 1, ebitda: 1, totalDebt: 1, interestExpense: 0, annualDebtService: 0 };
    expect(reason({ borrower: { name: "A", country: "US", financials: { ...financials, foreignCostShare: { JPY: 0.6, EUR: 0.5 } } } })).toMatch(
      /borrower\.financials\.foreignCostShare: shares sum to 1\.1, above 1/,
    );
    expect(reason({ borrower: { name: "A", country: "US", financials: { ...financials, debtByCurrency: { USD: 5 } } } })).toMatch(
      /borrower\.financials\.debtByCurrency\.USD: names the reporting currency USD/,
    );
  });

  it("takes negative market values, swaps, collateral and the group's exposures", () => {
    const c = parseCase({
      facility: { ...facility, refinances: 10, collateral: [{ type: "real_estate", value: 5, currency: "JPY", priorCharges: 1 }] },
      exposures: [{ kind: "commitment", amount: 3, currency: "USD" }],
      markets: { positions: [{ id: "s", issuer: "Bank", kind: "swap", marketValue: -2, dv01: -0.1, currency: "USD" }] },
    });
    expect(c.markets!.positions[0]!.marketValue).toBe(-2);
    expect(reason({ facility: { ...facility, collateralValue: 5 } })).toMatch(/facility\.collateralValue: unknown key/);
    expect(reason({ schemaVersion: 1 })).toMatch(/schemaVersion: must be 2/);
  });
});

describe("compliance evidence in the case", () => {
  const screened = { result: "clear", screenedOn: "2026-11-20" };
  const party = { name: "Osaka KK", country: "JP", role: "borrower" };

  it("reads the v1 KYC string and the v2 record", () => {
    const c = parseCase({
      counterparties: [
        { ...party, kyc: "complete" },
        { ...party, kyc: { status: "pending", reviewedOn: "2026-01-05", riskRating: "low", pep: true } },
      ],
    });
    expect(c.counterparties![0]!.kyc).toBe("complete");
    expect(c.counterparties![1]!.kyc).toEqual({ status: "pending", reviewedOn: "2026-01-05", riskRating: "low", pep: true });
  });

  it("names the field of a bad KYC record, whichever form it was meant to be", () => {
    expect(reason({ counterparties: [{ ...party, kyc: "done" }] })).toMatch(/counterparties\[0\]\.kyc: Invalid option/);
    expect(reason({ counterparties: [{ ...party, kyc: { status: "done" } }] })).toMatch(/counterparties\[0\]\.kyc\.status/);
  });

  it("refuses a date that is not a calendar date, with its path", () => {
    expect(reason({ asOf: "2026-11-31" })).toMatch(/asOf: is not a real calendar date/);
    expect(reason({ asOf: "2026-11-30", borrower: { name: "A", country: "JP", screening: { ...screened, screenedOn: "2026-02-29" } } })).toMatch(
      /borrower\.screening\.screenedOn: is not a real calendar date/,
    );
  });

  it("refuses evidence dated after asOf, wherever the party is", () => {
    expect(reason({ asOf: "2026-11-30", counterparties: [{ ...party, screening: { ...screened, screenedOn: "2026-12-01" } }] })).toMatch(
      /counterparties\[0\]\.screening\.screenedOn: 2026-12-01 is after the assessment date 2026-11-30/,
    );
    expect(
      reason({ asOf: "2026-11-30", group: { members: [{ name: "P", country: "JP", antiSocialCheck: { result: "clear", checkedOn: "2027-01-01" } }] } }),
    ).toMatch(/group\.members\[0\]\.antiSocialCheck\.checkedOn/);
    expect(reason({ asOf: "2026-11-30", borrower: { name: "A", country: "JP", kyc: { status: "complete", reviewedOn: "2026-12-24" } } })).toMatch(
      /borrower\.kyc\.reviewedOn/,
    );
    expect(parseCase({ asOf: "2026-11-30", borrower: { name: "A", country: "JP", screening: { ...screened, screenedOn: "2026-11-30" } } }).asOf).toBe(
      "2026-11-30",
    );
  });

  it("without asOf, refuses evidence dated after today", () => {
    expect(reason({ borrower: { name: "A", country: "JP", screening: { ...screened, screenedOn: "2999-01-01" } } })).toMatch(/today, UTC: no asOf given/);
  });

  it("takes screening or the v1 flag, not both", () => {
    expect(reason({ counterparties: [{ ...party, screening: screened, sanctionsHit: false }] })).toMatch(
      /counterparties\[0\]\.sanctionsHit: give screening or/,
    );
  });

  it("accepts the borrower's group and the anti-social-forces clause", () => {
    const c = parseCase({ group: { members: [{ name: "Parent HD", country: "JP", screening: screened }] }, contract: { clauses: ["anti_social_forces"] } });
    expect(c.group!.members[0]!.name).toBe("Parent HD");
    expect(reason({ group: { members: [{ name: "P", country: "JP", role: "parent" }] } })).toMatch(/group\.members\[0\]\.role: unknown key/);
  });
});

describe("currency conversion", () => {
  const c = parseCase({ marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.09 } } });
  it("converts through the base currency", () => {
    expect(spotOf(c, "JPY")).toBe(1);
    expect(toBase(c, 2, "USD")).toBe(300);
    expect(convert(c, 160, "USD", "EUR")).toBeCloseTo(150, 10);
    expect(convert(c, 300, "JPY", "USD")).toBe(2);
    expect(convert(c, 7, "GBP", "GBP")).toBe(7);
  });
  it("reports a missing spot instead of guessing", () => {
    expect(toBase(c, 1, "GBP")).toBeUndefined();
    expect(convert(c, 1, "USD", "GBP")).toBeUndefined();
    expect(missingSpotPaths(c, "USD", "GBP", "JPY", "GBP")).toEqual(["marketData.GBP.spot"]);
  });
});
