import { describe, expect, it } from "vitest";
import { statedNumbers } from "./stated-numbers.js";

const values = (text: string) => statedNumbers(text).map((n) => [n.text, n.readings[0]!.value]);

describe("statedNumbers", () => {
  it("reads thousands separators, decimals, multiples and percentages", () => {
    expect(values("DSCR 1.25x on USD 120,000,000; 45% hedged")).toEqual([
      ["1.25x", 1.25],
      ["120,000,000", 120_000_000],
      ["45%", 45],
    ]);
    expect(statedNumbers("45%")[0]!.readings.map((r) => r.value)).toEqual([45, 0.45]);
  });
  it("reads English scale words and abbreviations", () => {
    expect(values("USD 120m, JPY 18bn, 1.2 billion, 3 trillion, 250k")).toEqual([
      ["120m", 120e6],
      ["18bn", 18e9],
      ["1.2 billion", 1.2e9],
      ["3 trillion", 3e12],
      ["250k", 250e3],
    ]);
  });
  it("reads Japanese units, full-width digits and amounts written in parts", () => {
    expect(values("売上高1,800億円、有利子負債600億円")).toEqual([
      ["1,800億", 1800e8],
      ["600億", 600e8],
    ]);
    expect(values("融資額1億2000万円")).toEqual([["1億2000万", 1.2e8]]);
    expect(values("ＤＳＣＲは１．３３倍、ヘッジ比率４０％")).toEqual([
      ["1.33倍", 1.33],
      ["40%", 40],
    ]);
  });
  it("reads basis points as a rate", () => {
    expect(statedNumbers("a 25bp rise")[0]!.readings.map((r) => r.value)).toEqual([25, 0.0025, 0.25]);
  });
  it("keeps the precision written: one unit in the last place", () => {
    expect(statedNumbers("1.33x")[0]!.readings[0]!.unit).toBeCloseTo(0.01);
    expect(statedNumbers("18bn")[0]!.readings[0]!.unit).toBe(1e9);
  });
  it("ignores digits inside identifiers and list markers, and signs and ranges", () => {
    expect(values("LEN-DSCR-01 and Tier1 in FY2024")).toEqual([]);
    expect(values("1. First point\n2) second")).toEqual([]);
    expect(values("fell -3.2% over 3-5 years")).toEqual([
      ["3.2%", 3.2],
      ["3", 3],
      ["5", 5],
    ]);
  });
  it("does not take the start of a word for a unit", () => {
    expect(values("7 months, 5 bonds")).toEqual([
      ["7", 7],
      ["5", 5],
    ]);
  });
});
