import { describe, expect, it } from "vitest";
import { checkGrounding, describeViolations, groundingFeedback, KnownNumbers } from "./grounding-check.js";
import { statedNumbers } from "./stated-numbers.js";

const known = KnownNumbers.from(
  { metrics: { dscr: 1.3333, unhedgedShare: 0.6, facilityBase: 18_000_000_000 } },
  { case: { facility: { amount: 120_000_000, currency: "USD", tenorYears: 7 }, counterparties: [{ name: "A" }, { name: "B" }, { name: "C" }] } },
  { "rule-findings": [{ message: "DSCR 1.33x is below the minimum of 1.40x" }] },
);
const covers = (text: string) => statedNumbers(text).every((n) => known.covers(n));

describe("KnownNumbers", () => {
  it("accepts a metric rounded or truncated to the places written", () => {
    expect(covers("DSCR 1.33x")).toBe(true);
    expect(covers("DSCR 1.3x")).toBe(true);
    expect(covers("DSCR 1.333")).toBe(true);
    expect(covers("DSCR 1.34x")).toBe(false);
  });
  it("refuses a figure one unit below a known number: that understates it, it does not truncate it", () => {
    // unhedgedShare 0.6: "59%" and "0.5" would understate it; 1.40 (in a rule message): "1.39x" would too.
    expect(covers("59% unhedged")).toBe(false);
    expect(covers("an unhedged share of 0.5")).toBe(false);
    expect(covers("a minimum of 1.39x")).toBe(false);
    expect(covers("a minimum of 1.4x")).toBe(true);
  });
  it("accepts percentages for decimals and decimals for percentages", () => {
    expect(covers("60% unhedged")).toBe(true);
    expect(covers("an unhedged share of 0.6")).toBe(true);
    expect(covers("65% unhedged")).toBe(false);
  });
  it("accepts amounts in millions and billions, in any currency notation", () => {
    expect(covers("USD 120m over 7 years")).toBe(true);
    expect(covers("USD 120,000,000")).toBe(true);
    expect(covers("JPY 18bn")).toBe(true);
    expect(covers("JPY 18.0 billion")).toBe(true);
    expect(covers("180億円")).toBe(true);
    expect(covers("USD 125m")).toBe(false);
  });
  it("accepts numbers stated inside the given text and list lengths", () => {
    expect(covers("the 1.40x minimum")).toBe(true);
    expect(covers("3 counterparties")).toBe(true);
    expect(covers("4 counterparties")).toBe(false);
  });
});

describe("checkGrounding", () => {
  const answer = {
    narrative: "DSCR is 1.33x against a 1.40x floor.",
    findings: [
      { title: "Thin cover", message: "Cover falls to 0.95x under a 20% yen move.", citations: [{ document: "credit/policy.md", section: "DSCR" }] },
      { title: "Tenor", message: "7-year tenor.", citations: [{ document: "credit/invented.md", section: "Nowhere" }] },
    ],
  };
  const citable = (document: string) => document === "credit/policy.md";

  it("names every invented number and every citation that was not given, by path", () => {
    const violations = checkGrounding(answer, known, citable);
    expect(violations).toEqual([
      { path: "findings[0].message", kind: "number", stated: "0.95x" },
      { path: "findings[0].message", kind: "number", stated: "20%" },
      { path: "findings[1].citations[0]", kind: "citation", stated: "credit/invented.md § Nowhere" },
    ]);
    expect(describeViolations(violations)).toBe('"0.95x" in findings[0].message, "20%" in findings[0].message, citation credit/invented.md § Nowhere');
    expect(groundingFeedback(violations)).toMatch(
      /numbers that are not in the data: "0\.95x" \(findings\[0\]\.message\), "20%".*cites sections that were not given/,
    );
  });
  it("passes a grounded answer", () => {
    expect(checkGrounding({ narrative: "DSCR 1.33x.", findings: [{ title: "t", message: "USD 120m for 7 years" }] }, known, citable)).toEqual([]);
  });
});
