import { describe, expect, it } from "vitest";
import type { KycStatus } from "../counterparties.js";
import { kycSummary } from "./kyc-summary.js";

const party = (name: string, kyc: KycStatus) => ({ name, kyc });

describe("kycSummary", () => {
  it("groups counterparties by status", () => {
    const s = kycSummary([party("A", "complete"), party("B", "failed"), party("C", "pending"), party("D", "missing"), party("E", "pending")]);
    expect(s.complete.map((p) => p.name)).toEqual(["A"]);
    expect(s.failed.map((p) => p.name)).toEqual(["B"]);
    expect(s.pending.map((p) => p.name)).toEqual(["C", "E"]);
    expect(s.missing.map((p) => p.name)).toEqual(["D"]);
  });
  it("is empty for no counterparties", () => {
    expect(kycSummary([])).toEqual({ complete: [], pending: [], failed: [], missing: [] });
  });
});
