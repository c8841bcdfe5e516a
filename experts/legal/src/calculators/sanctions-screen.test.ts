import { describe, expect, it } from "vitest";
import { sanctionsHits } from "./sanctions-screen.js";

const party = (country: string, sanctionsHit = false) => ({ country, sanctionsHit });

describe("sanctionsHits", () => {
  it("finds nobody in a clean list", () => {
    expect(sanctionsHits([party("JP"), party("US")], ["CU", "IR", "KP", "SY"])).toEqual([]);
  });
  it("flags a counterparty in a sanctioned jurisdiction", () => {
    const ir = party("IR");
    expect(sanctionsHits([party("JP"), ir], ["CU", "IR"])).toEqual([{ party: ir, reasons: ["jurisdiction"] }]);
  });
  it("flags a screening hit wherever the counterparty is", () => {
    const hit = party("SG", true);
    expect(sanctionsHits([hit], ["IR"])).toEqual([{ party: hit, reasons: ["listed"] }]);
  });
  it("gives both reasons when both apply", () => {
    expect(sanctionsHits([party("KP", true)], ["KP"])[0]?.reasons).toEqual(["jurisdiction", "listed"]);
  });
  it("lists every hit, in case order", () => {
    const hits = sanctionsHits([party("CU"), party("JP"), party("SY"), party("US", true)], ["CU", "SY"]);
    expect(hits.map((h) => h.party.country)).toEqual(["CU", "SY", "US"]);
  });
  it("compares country codes case-insensitively", () => {
    expect(sanctionsHits([party("IR")], ["ir"])).toHaveLength(1);
  });
  it("uses the policy's list, not a built-in one", () => {
    expect(sanctionsHits([party("IR")], [])).toEqual([]);
    expect(sanctionsHits([party("RU")], ["RU"])).toHaveLength(1);
  });
});
