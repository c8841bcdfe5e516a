import type { Citation } from "../assessment/finding.js";

/** A section of a knowledge document: everything under one Markdown heading. */
export interface KnowledgePassage {
  /** `<expert>/<file>`, e.g. `lending/credit-policy.md`. */
  document: string;
  /** The heading text, e.g. `Leverage (LEN-LEV)`. */
  section: string;
  text: string;
}

/**
 * An expert's knowledge as the council sees it: the passages it holds, the
 * ones retrieved for a sub-question, and whether a citation names one of
 * them (a model may cite only what exists). `@kyocho/knowledge`'s
 * `KnowledgeBase` is the implementation kyocho ships; a bank's own search
 * service can be another.
 */
export interface KnowledgeSource {
  readonly passages: readonly KnowledgePassage[];
  /** The passages that best answer `query`, at most `limit`, as citations. */
  retrieve(query: string, limit?: number): Citation[];
  /** True when `document` has a section titled `section`. */
  has(document: string, section: string): boolean;
}
