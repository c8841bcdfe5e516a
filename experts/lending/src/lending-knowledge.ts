import { fileURLToPath } from "node:url";
import { KnowledgeBase } from "@kyocho/knowledge";

/** The lending knowledge documents; resolved from the module so it works from src/ and dist/ alike. */
export const LENDING_KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge", import.meta.url));

/**
 * Loads the lending knowledge base (credit policy, approval procedure,
 * glossary; English and Japanese), documents named `lending/<file>`.
 *
 * @example
 * loadLendingKnowledge().has("lending/credit-policy.md", "Leverage (LEN-LEV)") // true
 */
export function loadLendingKnowledge(dir: string = LENDING_KNOWLEDGE_DIR): KnowledgeBase {
  return KnowledgeBase.fromDirectory("lending", dir);
}
