/**
 * @kyocho/knowledge — an expert's knowledge documents: Markdown sections
 * indexed with BM25 (English and Japanese tokens) and retrieved for a
 * sub-question. Implements core's `KnowledgeSource`.
 */
export { tokenize } from "./tokenize.js";
export { Bm25Index, type IndexedDocument } from "./bm25-index.js";
export { KnowledgeBase, splitMarkdownSections, type KnowledgePassage } from "./knowledge-base.js";
