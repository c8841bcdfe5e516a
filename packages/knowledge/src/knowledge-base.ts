import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Citation } from "@kyocho/core";
import type { KnowledgePassage, KnowledgeSource } from "@kyocho/core/expert";
import { Bm25Index } from "./bm25-index.js";

export type { KnowledgePassage };

/**
 * An expert's knowledge documents, split into sections and indexed for
 * retrieval. Documents are Markdown; each `#`/`##`/`###` heading starts a
 * section. English and Japanese documents sit side by side (`x.md`, `x.ja.md`).
 *
 * @example
 * const kb = KnowledgeBase.fromDirectory("lending", new URL("../knowledge", import.meta.url).pathname);
 * kb.retrieve("DSCR covenant", 3);
 */
export class KnowledgeBase implements KnowledgeSource {
  // Built at the first retrieval, not here: every expert's knowledge is loaded when the CLI starts, but an
  // assessment retrieves only from the experts it plans, and indexing is most of the cost of a knowledge base.
  private index: Bm25Index<KnowledgePassage> | undefined;

  constructor(readonly passages: readonly KnowledgePassage[]) {}

  /** Loads every `.md` file of `dir`, naming documents `<namespace>/<file>`. */
  static fromDirectory(namespace: string, dir: string): KnowledgeBase {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort();
    const passages = files.flatMap((file) => splitMarkdownSections(`${namespace}/${basename(file)}`, readFileSync(join(dir, file), "utf8")));
    return new KnowledgeBase(passages);
  }

  static empty(): KnowledgeBase {
    return new KnowledgeBase([]);
  }

  /** The `limit` passages most relevant to `query`, as citations with an excerpt. */
  retrieve(query: string, limit = 3): Citation[] {
    this.index ??= new Bm25Index(this.passages.map((p) => ({ item: p, text: `${p.section}\n${p.text}` })));
    return this.index.search(query, limit).map(({ item, score }) => ({
      document: item.document,
      section: item.section,
      excerpt: excerpt(item.text),
      score: Math.round(score * 1000) / 1000,
    }));
  }

  /** True when `document` has a section headed `section`: used to check a policy's citations. */
  has(document: string, section: string): boolean {
    return this.passages.some((p) => p.document === document && p.section === section);
  }
}

/** Splits Markdown into sections at headings; text before the first heading is dropped. */
export function splitMarkdownSections(document: string, markdown: string): KnowledgePassage[] {
  const sections: KnowledgePassage[] = [];
  let current: KnowledgePassage | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^#{1,3}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (current) sections.push(current);
      current = { document, section: heading[1]!, text: "" };
    } else if (current) {
      current.text += `${line}\n`;
    }
  }
  if (current) sections.push(current);
  return sections.map((s) => ({ ...s, text: s.text.trim() })).filter((s) => s.text.length > 0);
}

function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
