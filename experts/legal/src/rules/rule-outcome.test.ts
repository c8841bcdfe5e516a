import { describe, expect, it } from "vitest";
import { ruleFinding } from "@kyocho/core";
import { listNames, listNamesJa, passed } from "./rule-outcome.js";

const meta = {
  title: "Governing law",
  condition: "Use an approved law.",
  citation: { document: "legal/compliance-policy.md", section: "Governing law (LEG-LAW)" },
};

describe("ruleFinding", () => {
  it("carries the rule's title, condition and citation", () => {
    expect(ruleFinding("LEG-LAW", meta, "medium", "msg", { governingLawApproved: 0 }, ["contract.governingLaw"])).toEqual({
      ruleId: "LEG-LAW",
      severity: "medium",
      title: "Governing law",
      message: "msg",
      metrics: { governingLawApproved: 0 },
      citations: [meta.citation],
      condition: "Use an approved law.",
      fields: ["contract.governingLaw"],
      source: "rule",
    });
  });
  it("leaves out empty fields", () => {
    expect(ruleFinding("LEG-LAW", meta, "medium", "msg", {}, [])).not.toHaveProperty("fields");
  });
});

describe("passed and listNames", () => {
  it("builds an outcome without findings", () => {
    expect(passed({ a: 1 }, ["n"])).toEqual({ findings: [], metrics: { a: 1 }, notes: ["n"] });
  });
  it("writes lists in prose", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["A", "B"])).toBe("A and B");
    expect(listNames(["A", "B", "C"])).toBe("A, B and C");
  });
  it("writes the same lists in Japanese, in the same order", () => {
    expect(listNamesJa([])).toBe("");
    expect(listNamesJa(["A"])).toBe("A");
    expect(listNamesJa(["A", "B"])).toBe("A、B");
    expect(listNamesJa(["A", "B", "C"])).toBe("A、B、C");
  });
});
