import { describe, expect, it } from "vitest";
import { isApprovedGoverningLaw } from "./governing-law.js";

const approved = ["JP", "NY", "EN", "SG"];

describe("isApprovedGoverningLaw", () => {
  it("accepts every law on the list", () => {
    for (const law of approved) expect(isApprovedGoverningLaw(law, approved)).toBe(true);
  });
  it("rejects a law not on the list", () => {
    expect(isApprovedGoverningLaw("DE", approved)).toBe(false);
    expect(isApprovedGoverningLaw("New York", approved)).toBe(false);
  });
  it("rejects a missing or blank law", () => {
    expect(isApprovedGoverningLaw(undefined, approved)).toBe(false);
    expect(isApprovedGoverningLaw("  ", approved)).toBe(false);
  });
  it("ignores case, surrounding space and full-width letters", () => {
    expect(isApprovedGoverningLaw(" ny ", approved)).toBe(true);
    expect(isApprovedGoverningLaw("ＪＰ", approved)).toBe(true);
  });
  it("rejects everything with an empty list", () => {
    expect(isApprovedGoverningLaw("JP", [])).toBe(false);
  });
});
