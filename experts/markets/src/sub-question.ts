import type { Case } from "@kyocho/core";

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The question put to the markets expert, in the user's language. The
 * user's own words come first and the markets anchor stays short, because
 * the sub-question is also the retrieval query: a long template would pull
 * the same passages whatever the user asked about.
 *
 * @example
 * marketsSubQuestion("この債券ポートフォリオは大丈夫？", undefined)
 * // "この債券ポートフォリオは大丈夫？（市場リスクの観点：保有ポジションの金利感応度、集中、流動性）"
 */
export function marketsSubQuestion(question: string, c: Case | undefined): string {
  const q = question.trim();
  const count = c?.markets?.positions.length ?? 0;
  if (JAPANESE.test(q)) {
    const book = count > 0 ? `${count}件の保有ポジション` : "保有ポジション";
    return `${q}（市場リスクの観点：${book}の金利感応度、集中、流動性）`;
  }
  const book = count === 1 ? "the single position" : count > 1 ? `the ${count} positions` : "the bank's market positions";
  if (!q) {
    return `Assess the interest-rate sensitivity (loss on a rate move either way, net DV01), issuer concentration and liquidity of ${book}.`;
  }
  return `${q} (Markets view: rate sensitivity, concentration and liquidity of ${book}.)`;
}
