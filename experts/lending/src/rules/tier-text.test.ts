import { describe, expect, it } from "vitest";
import { thresholdText } from "./tier-text.js";

describe("thresholdText", () => {
  const lev = [
    { above: 6, severity: "high" as const },
    { above: 4, severity: "medium" as const },
  ];
  it("names the crossed line in English and Japanese, per unit", () => {
    expect(thresholdText(6.5, lev, "high", "times")).toEqual({ en: "above 6", ja: "6倍超" });
    expect(thresholdText(5, lev, "medium", "times")).toEqual({ en: "above 4", ja: "4倍超" });
    expect(thresholdText(0.9, [{ above: 0.8, severity: "medium" }], "medium", "percent")).toEqual({ en: "above 80%", ja: "80%超" });
    expect(thresholdText(12, [{ atLeast: 10, severity: "medium" }], "medium", "years")).toEqual({ en: "at or above 10", ja: "10年以上" });
    expect(thresholdText(1.1, [{ below: 1.25, severity: "high" }], "high", "times")).toEqual({ en: "below 1.25", ja: "1.25倍未満" });
    expect(thresholdText(2, [{ atMost: 2, severity: "low" }], "low", "times")).toEqual({ en: "at or below 2", ja: "2倍以下" });
  });

  it("says so when no tier of that severity is met", () => {
    expect(thresholdText(1, lev, "high", "times")).toEqual({ en: "outside the policy range", ja: "方針の範囲外" });
  });
});
