import { tokenize } from "./tokenize.js";

/** A searchable unit of text. */
export interface IndexedDocument<T> {
  item: T;
  text: string;
}

/**
 * Okapi BM25 over a fixed set of documents (k1 = 1.2, b = 0.75): small,
 * deterministic, no dependencies, and good enough to pick the right sections
 * of an expert's handful of knowledge documents.
 *
 * @example
 * const index = new Bm25Index([{ item: "a", text: "leverage covenant" }]);
 * index.search("covenant", 3) // [{ item: "a", score: … }]
 */
export class Bm25Index<T> {
  private readonly docs: Array<{ item: T; tf: Map<string, number>; length: number }>;
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(
    documents: ReadonlyArray<IndexedDocument<T>>,
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.docs = documents.map(({ item, text }) => {
      const terms = tokenize(text);
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      return { item, tf, length: terms.length };
    });
    this.avgLength = this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.docs.length);
  }

  /** The `limit` best documents for `query`, best first; documents sharing no term are left out. */
  search(query: string, limit: number): Array<{ item: T; score: number }> {
    const terms = [...new Set(tokenize(query))];
    const n = this.docs.length;
    const scored: Array<{ item: T; score: number; order: number }> = [];
    this.docs.forEach((doc, order) => {
      let score = 0;
      for (const term of terms) {
        const freq = doc.tf.get(term);
        if (!freq) continue;
        const df = this.df.get(term) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * freq * (this.k1 + 1)) / (freq + this.k1 * (1 - this.b + (this.b * doc.length) / this.avgLength));
      }
      if (score > 0) scored.push({ item: doc.item, score, order });
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, limit).map(({ item, score }) => ({ item, score }));
  }
}
