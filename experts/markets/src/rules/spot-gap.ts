import { type BookPosition, missingSpots } from "../calculators/book-positions.js";
import { idList } from "./format.js";
import type { RuleGap } from "./rule-outcome.js";

/**
 * One gap per currency the book holds positions in and the case has no spot
 * for, naming `marketData.<C>.spot` and the positions that need it. Without
 * it their value in the base currency is unknown, so the rate and
 * concentration measures that include them are not evaluated (liquidity is
 * a ratio within one currency and still is).
 *
 * @example
 * spotGaps(book, "JPY") // [{ fields: ["marketData.USD.spot"], message: { en: "…", ja: "…" } }]
 */
export function spotGaps(book: readonly BookPosition[], baseCurrency: string): RuleGap[] {
  return missingSpots(book).map(({ currency, indices }) => {
    const ids = indices.map((i) => book.find((p) => p.index === i)?.position.id ?? `#${i}`);
    return {
      fields: [`marketData.${currency}.spot`],
      message: {
        en:
          `No spot rate for ${currency}: ${ids.length === 1 ? "position" : "positions"} ${idList(ids, "en")} cannot be ` +
          `converted into ${baseCurrency}, so rate sensitivity and issuer concentration are not assessed.`,
        ja:
          `${currency} の直物レートがないため、ポジション ${idList(ids, "ja")} を ${baseCurrency} に換算できず、` + `金利感応度と発行体集中を評価できません。`,
      },
    };
  });
}
