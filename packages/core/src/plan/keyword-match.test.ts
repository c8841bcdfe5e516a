import { describe, expect, it } from "vitest";
import { keywordMatches } from "./keyword-match.js";

describe("keywordMatches", () => {
  it("matches Latin keywords as whole words, with plural endings", () => {
    expect(keywordMatches("Any sanctions exposure?", "sanction")).toBe(true);
    expect(keywordMatches("the FX hedges", "hedge")).toBe(true);
    expect(keywordMatches("fixed income", "fx")).toBe(false);
    expect(keywordMatches("exchange-rate risk", "exchange rate")).toBe(true);
  });
  it("matches Japanese keywords as substrings, full-width normalised", () => {
    expect(keywordMatches("この買収ファイナンスで制裁リスクは？", "制裁")).toBe(true);
    expect(keywordMatches("ＦＸのリスク", "fx")).toBe(true);
    expect(keywordMatches("円安の影響", "円高")).toBe(false);
  });
});
