import { describe, expect, it } from "vitest";
import { dataFindings } from "./data-findings.js";

describe("dataFindings", () => {
  it("writes DATA-GAP and DATA-CONFLICT at the severities the policy's merge section gives them", () => {
    const { dataGap, dataConflict } = dataFindings({ dataGapSeverity: "low", dataConflictSeverity: "high" });
    expect(dataGap(["borrower.country"], "The borrower's country is missing")).toEqual({
      ruleId: "DATA-GAP",
      severity: "low",
      title: "Data gap",
      message: "The borrower's country is missing",
      metrics: {},
      citations: [],
      fields: ["borrower.country"],
    });
    expect(dataConflict(["a", "b"], "a and b disagree")).toMatchObject({ ruleId: "DATA-CONFLICT", severity: "high", fields: ["a", "b"] });
  });

  it("carries the Japanese form when the message has one", () => {
    const { dataConflict } = dataFindings({ dataGapSeverity: "medium", dataConflictSeverity: "medium" });
    expect(dataConflict(["x"], { en: "x disagrees", ja: "x が矛盾しています" }).ja).toEqual({ title: "データの矛盾", message: "x が矛盾しています" });
  });
});
