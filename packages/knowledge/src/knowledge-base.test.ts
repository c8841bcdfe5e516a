import { describe, expect, it } from "vitest";
import { KnowledgeBase, splitMarkdownSections } from "./knowledge-base.js";
import { tokenize } from "./tokenize.js";

describe("tokenize", () => {
  it("lower-cases Latin words, drops stopwords and plural s", () => {
    expect(tokenize("The Covenants of DSCR")).toEqual(["covenant", "dscr"]);
  });
  it("splits Japanese runs into bigrams and normalises full-width text", () => {
    expect(tokenize("制裁リスク")).toEqual(["制裁", "裁リ", "リス", "スク"]);
    expect(tokenize("ＤＳＣＲ")).toEqual(["dscr"]);
    expect(tokenize("円")).toEqual(["円"]);
  });
});

const doc = `# Credit policy
Intro text.
## Leverage (LEN-LEV)
Leverage is total debt over EBITDA. High leverage needs a covenant.
## レバレッジ
レバレッジは有利子負債をEBITDAで割った値です。財務制限条項を設定します。
## Tenor
Long tenors need a mid-life review.
`;

describe("KnowledgeBase", () => {
  const kb = new KnowledgeBase(splitMarkdownSections("lending/credit-policy.md", doc));

  it("splits Markdown at headings into named sections", () => {
    expect(kb.passages.map((p) => p.section)).toEqual(["Credit policy", "Leverage (LEN-LEV)", "レバレッジ", "Tenor"]);
    expect(kb.has("lending/credit-policy.md", "Tenor")).toBe(true);
    expect(kb.has("lending/credit-policy.md", "Nope")).toBe(false);
  });

  it("retrieves the relevant English section first", () => {
    expect(kb.retrieve("what about long tenor review?", 1)[0]).toMatchObject({ section: "Tenor" });
  });

  it("retrieves Japanese text with a Japanese query", () => {
    const [top] = kb.retrieve("財務制限条項はどうする？", 2);
    expect(top).toMatchObject({ section: "レバレッジ", document: "lending/credit-policy.md" });
    expect(top!.excerpt).toContain("財務制限条項");
  });

  it("returns nothing for a query sharing no term", () => {
    expect(kb.retrieve("zebra", 3)).toEqual([]);
  });
});
