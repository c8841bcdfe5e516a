import { KnowledgeBase } from "@kyocho/knowledge";
import { fileURLToPath } from "node:url";

/** The folder of the markets knowledge documents; the same relative path from src/ and dist/. */
export const MARKETS_KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge", import.meta.url));

/**
 * Loads the markets knowledge documents, named `markets/<file>` so that
 * policy citations (`markets/markets-policy.md`) resolve against them.
 *
 * @example
 * loadMarketsKnowledge().has("markets/markets-policy.md", "Liquidity (MKT-LIQ)") // true
 */
export function loadMarketsKnowledge(dir: string = MARKETS_KNOWLEDGE_DIR): KnowledgeBase {
  return KnowledgeBase.fromDirectory("markets", dir);
}
