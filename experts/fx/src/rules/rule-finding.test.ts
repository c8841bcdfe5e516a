import { describe, expect, it } from "vitest";
import { ruleFinding } from "@kyocho/core";
import { money, percent } from "./rule-finding.js";

describe("rule finding helpers", () => {
  it("builds a finding carrying the rule's title, condition and citation", () => {
    const rule = { title: "T", condition: "C", citation: { document: "fx/fx-policy.md", section: "S" } };
    expect(ruleFinding("FX-X", rule, "medium", "m", { a: 1 })).toEqual({
      ruleId: "FX-X",
      severity: "medium",
      title: "T",
      message: "m",
      metrics: { a: 1 },
      citations: [{ document: "fx/fx-policy.md", section: "S" }],
      condition: "C",
      source: "rule",
    });
  });

  it("formats percentages and amounts", () => {
    expect(percent(0.125)).toBe("12.5%");
    expect(percent(0.1 + 0.2)).toBe("30%");
    expect(money(1234567.8, "JPY")).toBe("JPY 1,234,568");
  });
});
