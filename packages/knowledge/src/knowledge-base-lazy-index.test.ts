import { describe, expect, it, vi } from "vitest";

// Counts the indexes built, around the real BM25 index.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock("./bm25-index.js", async (importOriginal) => {
  const { Bm25Index } = await importOriginal<typeof import("./bm25-index.js")>();
  return {
    Bm25Index: class CountedBm25Index<T> extends Bm25Index<T> {
      constructor(...args: ConstructorParameters<typeof Bm25Index<T>>) {
        super(...args);
        built.count++;
      }
    },
  };
});

const { KnowledgeBase, splitMarkdownSections } = await import("./knowledge-base.js");

describe("KnowledgeBase indexing", () => {
  it("indexes its passages at the first retrieval, once, not when it is loaded", () => {
    const kb = new KnowledgeBase(splitMarkdownSections("lending/credit-policy.md", "# Leverage (LEN-LEV)\nLeverage over EBITDA.\n# Tenor\nLong tenors.\n"));
    expect(kb.has("lending/credit-policy.md", "Tenor")).toBe(true);
    expect(built.count).toBe(0);
    expect(kb.retrieve("tenor", 1)[0]).toMatchObject({ section: "Tenor" });
    expect(kb.retrieve("leverage", 1)[0]).toMatchObject({ section: "Leverage (LEN-LEV)" });
    expect(built.count).toBe(1);
  });
});
