import { describe, expect, it } from "vitest";
import { kycSummary } from "./kyc-summary.js";

const party = (name: string, status?: "complete" | "pending" | "failed") => ({ name, ...(status ? { kyc: { status, path: `${name}.kyc` } } : {}) });

describe("kycSummary", () => {
  it("groups parties by status, a party without a KYC record as missing", () => {
    const s = kycSummary([party("A", "complete"), party("B", "failed"), party("C", "pending"), party("D"), party("E", "pending")]);
    expect(s.complete.map((p) => p.name)).toEqual(["A"]);
    expect(s.failed.map((p) => p.name)).toEqual(["B"]);
    expect(s.pending.map((p) => p.name)).toEqual(["C", "E"]);
    expect(s.missing.map((p) => p.name)).toEqual(["D"]);
  });
  it("is empty for no parties", () => {
    expect(kycSummary([])).toEqual({ complete: [], pending: [], failed: [], missing: [] });
  });
});
