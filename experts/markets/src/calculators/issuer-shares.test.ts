import type { Position } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { issuerShares } from "./issuer-shares.js";

const pos = (issuer: string, marketValue: number, kind: Position["kind"] = "bond"): Position => ({
  id: `${issuer}-${marketValue}`, issuer, kind, marketValue,
});

describe("issuerShares", () => {
  it("sums the positions of one issuer across kinds and sorts by share", () => {
    const result = issuerShares([pos("B", 20), pos("A", 30), pos("A", 10, "equity"), pos("C", 40, "loan")]);
    expect(result.total).toBe(100);
    expect(result.issuers).toEqual([
      { issuer: "A", marketValue: 40, share: 0.4 },
      { issuer: "C", marketValue: 40, share: 0.4 },
      { issuer: "B", marketValue: 20, share: 0.2 },
    ]);
  });

  it("gives a single issuer the whole book", () => {
    expect(issuerShares([pos("A", 5), pos("A", 7)]).issuers).toEqual([{ issuer: "A", marketValue: 12, share: 1 }]);
  });

  it("keeps shares that sum to one without floating-point noise", () => {
    const result = issuerShares([pos("A", 0.1), pos("B", 0.2), pos("C", 0.3), pos("D", 0.4)]);
    expect(result.issuers.map((i) => i.share)).toEqual([0.4, 0.3, 0.2, 0.1]);
  });

  it("has no shares when the book is empty or worth zero", () => {
    expect(issuerShares([])).toEqual({ total: 0, issuers: [] });
    expect(issuerShares([pos("A", 0), pos("B", 0)])).toEqual({ total: 0, issuers: [] });
  });

  it("counts a zero-value issuer with a zero share when the book has value", () => {
    expect(issuerShares([pos("A", 10), pos("B", 0)]).issuers.at(-1)).toEqual({ issuer: "B", marketValue: 0, share: 0 });
  });

  it("treats differently written names as different issuers", () => {
    expect(issuerShares([pos("Acme", 50), pos("ACME", 50)]).issuers).toHaveLength(2);
  });
});
