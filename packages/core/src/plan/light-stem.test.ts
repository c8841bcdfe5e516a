import { describe, expect, it } from "vitest";
import { lightStem } from "./light-stem.js";

describe("lightStem", () => {
  it.each([
    ["hedge", "hedges", "hedged", "hedging"],
    ["sanction", "sanctions", "sanctioned", "sanctioning"],
    ["screen", "screens", "screened", "screening"],
    ["finance", "finances", "financed", "financing"],
    ["counterparty", "counterparties"],
    ["lend", "lends", "lending"],
  ])("brings the inflections of %s together", (...forms) => {
    expect(new Set(forms.map(lightStem)).size).toBe(1);
  });

  it("keeps derivations apart: appreciate is not appreciation, exposed is not exposure", () => {
    expect(lightStem("appreciate")).not.toBe(lightStem("appreciation"));
    expect(lightStem("exposed")).not.toBe(lightStem("exposure"));
  });

  it("leaves short words, -ss, -us and -is endings alone", () => {
    expect(["fx", "usd", "ltv"].map(lightStem)).toEqual(["fx", "usd", "ltv"]);
    expect(lightStem("gross")).toBe("gross");
    expect(lightStem("status")).toBe("status");
    expect(lightStem("basis")).toBe("basis");
  });
});
