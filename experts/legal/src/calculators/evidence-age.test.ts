import { describe, expect, it } from "vitest";
import { evidenceAge } from "./evidence-age.js";

const ASOF = "2026-11-30";

describe("evidenceAge", () => {
  it("is missing without evidence", () => {
    expect(evidenceAge(undefined, ASOF, 30)).toEqual({ state: "missing" });
  });
  it("is undated for evidence with no date (the v1 yes/no flags)", () => {
    expect(evidenceAge({}, ASOF, 30)).toEqual({ state: "undated" });
    expect(evidenceAge({ date: undefined }, ASOF, 30)).toEqual({ state: "undated" });
  });
  it("is current at exactly maxAgeDays (30 days: 2026-10-31 → 2026-11-30)", () => {
    expect(evidenceAge({ date: "2026-10-31" }, ASOF, 30)).toEqual({ state: "current", date: "2026-10-31", ageDays: 30 });
  });
  it("is stale one day past maxAgeDays (31 days: 2026-10-30 → 2026-11-30)", () => {
    expect(evidenceAge({ date: "2026-10-30" }, ASOF, 30)).toEqual({ state: "stale", date: "2026-10-30", ageDays: 31 });
  });
  it("is current on the assessment date itself (0 days)", () => {
    expect(evidenceAge({ date: ASOF }, ASOF, 30)).toEqual({ state: "current", date: ASOF, ageDays: 0 });
  });
  it("ages the documented example: 2026-10-01 is 60 days before 2026-11-30", () => {
    expect(evidenceAge({ date: "2026-10-01" }, ASOF, 30)).toEqual({ state: "stale", date: "2026-10-01", ageDays: 60 });
  });
  it("counts calendar days across a leap day (2028-02-28 → 2028-03-01 is 2 days)", () => {
    expect(evidenceAge({ date: "2028-02-28" }, "2028-03-01", 1)).toEqual({ state: "stale", date: "2028-02-28", ageDays: 2 });
    expect(evidenceAge({ date: "2028-02-28" }, "2028-03-01", 2)).toEqual({ state: "current", date: "2028-02-28", ageDays: 2 });
  });
  it("uses the maximum age it is given (365-day KYC cycle: 365 current, 366 stale)", () => {
    expect(evidenceAge({ date: "2025-11-30" }, ASOF, 365).state).toBe("current");
    expect(evidenceAge({ date: "2025-11-29" }, ASOF, 365)).toEqual({ state: "stale", date: "2025-11-29", ageDays: 366 });
  });
});
