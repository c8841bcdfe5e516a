import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { marketsSubQuestion } from "./sub-question.js";

describe("marketsSubQuestion", () => {
  it("asks in Japanese when the question is Japanese, keeping the user's words first", () => {
    const q = marketsSubQuestion("この債券ポートフォリオのリスクは？", undefined);
    expect(q.startsWith("この債券ポートフォリオのリスクは？")).toBe(true);
    expect(q).toMatch(/金利感応度.*集中.*流動性/);
  });

  it("asks in English otherwise, naming the number of positions", () => {
    const one = parseCase({ markets: { positions: [{ id: "b", issuer: "MOF", kind: "bond", marketValue: 1 }] } });
    const q = marketsSubQuestion("Is the book OK?", one);
    expect(q.startsWith("Is the book OK?")).toBe(true);
    expect(q).toContain("the single position");
    expect(q).toMatch(/rate sensitivity.*concentration.*liquidity/);
  });

  it("counts the positions in Japanese too", () => {
    const c = parseCase({
      markets: {
        positions: [
          { id: "a", issuer: "X", kind: "bond", marketValue: 1 },
          { id: "b", issuer: "Y", kind: "equity", marketValue: 1 },
        ],
      },
    });
    expect(marketsSubQuestion("流動性は？", c)).toContain("2件の保有ポジション");
    expect(marketsSubQuestion("Liquidity?", c)).toContain("the 2 positions");
  });

  it("writes a question of its own when the user asked none", () => {
    expect(marketsSubQuestion("  ", undefined)).toMatch(/^Assess the interest-rate sensitivity/);
  });
});
