import { describe, expect, it } from "vitest";
import { UserInputError } from "@kyocho/core";
import { parseRoutingSet } from "./routing-set.js";

const options = { source: "routing set t.jsonl", knownExperts: ["lending", "legal", "fx", "markets"] };
const line = (value: unknown) => JSON.stringify(value);

describe("parseRoutingSet", () => {
  it("reads lines with and without an inline case, skipping blank lines", () => {
    const text = [
      line({ id: "q1", question: "Can we lend?", experts: ["lending", "legal"] }),
      "",
      line({ id: "c1", question: "", case: { borrower: { name: "A", country: "JP" } }, experts: ["legal"] }),
    ].join("\n");
    const items = parseRoutingSet(text, options);
    expect(items.map((i) => [i.line, i.id, i.experts])).toEqual([
      [1, "q1", ["lending", "legal"]],
      [3, "c1", ["legal"]],
    ]);
    expect(items[1]!.case?.borrower?.name).toBe("A");
    expect(items[1]!.case?.bank.baseCurrency).toBe("JPY");
  });

  it.each([
    ["{ nope", /routing set t\.jsonl line 2: not valid JSON/],
    [line({ question: "x", experts: ["fx"] }), /line 2: id: /],
    [line({ id: "b", experts: ["fx"] }), /line 2: question: /],
    [line({ id: "b", question: "x", experts: [] }), /line 2: experts: name at least one expert/],
    [line({ id: "b", question: "x", experts: ["fx", "fx"] }), /line 2: experts: lists an expert twice/],
    [
      line({ id: "b", question: "x", experts: ["fx", "compliance"] }),
      /line 2: experts\[1\]: unknown expert "compliance" \(known: fx, legal, lending, markets\)/,
    ],
    [line({ id: "a", question: "x", experts: ["fx"] }), /line 2: id: duplicate id "a" \(first on line 1\)/],
    [line({ id: "b", question: "x", experts: ["fx"], extra: 1 }), /line 2: extra: unknown key/],
    [line({ id: "b", question: "x", case: { facility: { amount: -1 } }, experts: ["fx"] }), /line 2: case: facility\.type/],
  ])("refuses a bad second line %s, naming the line and the field", (bad, message) => {
    const text = `${line({ id: "a", question: "x", experts: ["fx"] })}\n${bad}`;
    expect(() => parseRoutingSet(text, options)).toThrow(UserInputError);
    expect(() => parseRoutingSet(text, options)).toThrow(message);
  });

  it("refuses an empty set", () => {
    expect(() => parseRoutingSet("\n\n", options)).toThrow(/routing set t\.jsonl: holds no lines/);
  });
});
