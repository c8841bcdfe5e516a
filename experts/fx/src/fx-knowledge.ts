import { fileURLToPath } from "node:url";
import { KnowledgeBase } from "@kyocho/knowledge";
import type { Citation } from "@kyocho/core";

/** Where the FX knowledge documents live: beside `src/` and `dist/` alike. */
export const FX_KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge", import.meta.url));

/**
 * Loads the FX knowledge base (documents named `fx/<file>`).
 *
 * @example
 * loadFxKnowledge().has("fx/fx-policy.md", "Hedge ratio (FX-HEDGE)") // true
 */
export function loadFxKnowledge(dir: string = FX_KNOWLEDGE_DIR): KnowledgeBase {
  return KnowledgeBase.fromDirectory("fx", dir);
}

/**
 * The Japanese counterpart of a rule citation: the section of `<doc>.ja.md`
 * whose heading carries the same rule id, so a Japanese reader is pointed to
 * text they can read. Undefined when there is none.
 *
 * @example
 * japaneseCounterpart(kb, { document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" }, "FX-HEDGE")
 * // { document: "fx/fx-policy.ja.md", section: "ヘッジ比率 (FX-HEDGE)" }
 */
export function japaneseCounterpart(kb: KnowledgeBase, citation: Citation, ruleId: string): Citation | undefined {
  const document = citation.document.replace(/(?<!\.ja)\.md$/, ".ja.md");
  if (document === citation.document) return undefined;
  const passage = kb.passages.find((p) => p.document === document && p.section.includes(`(${ruleId})`));
  return passage ? { document, section: passage.section } : undefined;
}
