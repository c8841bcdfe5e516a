import { describe, expect, it } from "vitest";
import { keywordMatches } from "./keyword-match.js";
import { prepareMatchText, termMatches } from "./match-text.js";

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
  it("meets inflected forms through light stemming", () => {
    expect(keywordMatches("Are the dollar receivables hedged?", "hedge")).toBe(true);
    expect(keywordMatches("Has the guarantor been screened?", "screening")).toBe(true);
    expect(keywordMatches("Is it wise to finance the vessel?", "financing")).toBe(true);
    expect(keywordMatches("We would appreciate your view", "appreciation")).toBe(false);
  });
  it("lets a keyword written as a plural meet plurals only", () => {
    expect(keywordMatches("if rates rise", "rates")).toBe(true);
    expect(keywordMatches("the loan's rate", "rates")).toBe(false);
    expect(keywordMatches("a security package", "securities")).toBe(false);
    expect(keywordMatches("the rate shocks", "rate shock")).toBe(true);
  });
  it("matches multi-word keywords only in order and as whole words", () => {
    expect(keywordMatches("a change-of-control clause", "change of control")).toBe(true);
    expect(keywordMatches("control of the change", "change of control")).toBe(false);
    expect(keywordMatches("the lender's covenant", "lend")).toBe(false);
  });
  it("splits numbers from units, so 100bp meets bp and DV01 meets DV01", () => {
    expect(keywordMatches("a 100bp rise", "bp")).toBe(true);
    expect(keywordMatches("What's the DV01?", "DV01")).toBe(true);
  });
  it("ignores Japanese middle dots and spaces on both sides", () => {
    expect(keywordMatches("マネーローンダリングの懸念", "マネー・ローンダリング")).toBe(true);
    expect(keywordMatches("シ・ローンの参加行", "シローン")).toBe(true);
  });
  it("finds Latin keywords inside Japanese text", () => {
    expect(keywordMatches("LTVはどこまで悪化しますか", "LTV")).toBe(true);
    expect(keywordMatches("DSCRが1.2倍を切りそう", "DSCR")).toBe(true);
  });
});

describe("termMatches", () => {
  it("matches many terms against one prepared text", () => {
    const text = prepareMatchText("Does yen weakness threaten this borrower's covenant?");
    expect(["yen weakness", "covenant", "borrower", "hedge"].filter((t) => termMatches(text, t))).toEqual(["yen weakness", "covenant", "borrower"]);
  });
  it("never matches an empty term", () => {
    expect(termMatches(prepareMatchText("anything"), "  ")).toBe(false);
  });
});
