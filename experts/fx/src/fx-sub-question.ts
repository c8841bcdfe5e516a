import type { Case } from "@kyocho/core";
import { fxCurrencies } from "./fx-currencies.js";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * True when the text is written in Japanese (any kana or kanji).
 *
 * @example
 * isJapanese("円安の影響は？") // true
 */
export function isJapanese(text: string): boolean {
  return JAPANESE.test(text);
}

/**
 * The question the FX expert is asked: the user's question, focused on what
 * the FX policy measures and on the currencies the case names, in the
 * user's language. Its words also drive which knowledge passages are cited.
 *
 * @example
 * fxSubQuestion("Can we lend USD 120m?", c)
 * // "FX view of: Can we lend USD 120m? — how large is the borrower's currency mismatch in the USD revenue, ..."
 */
export function fxSubQuestion(question: string, c: Case | undefined): string {
  const asked = question.trim();
  const currencies = c ? fxCurrencies(c) : [];
  if (isJapanese(asked)) {
    const which = currencies.length > 0 ? `${currencies.join("・")}の` : "外貨建ての";
    const lead = asked ? `為替の観点から：「${asked}」 — ` : "";
    return (
      `${lead}借入人の報告通貨に対する${which}売上・費用・元利金返済の通貨ミスマッチはどの程度か、` +
      "為替予約・通貨スワップでどの程度ヘッジされているか（過剰ヘッジはないか）、為替が20%不利に動いた場合の損失は" +
      "債務返済原資（CFADS）に対してどの程度か、通貨のボラティリティと10日間99%のVaRはいくらか。"
    );
  }
  const which = currencies.length > 0 ? `the ${currencies.join(", ")} revenue, costs and debt service` : "the foreign-currency revenue, costs and debt service";
  const lead = asked ? `FX view of: ${asked} — ` : "";
  return (
    `${lead}how large is the borrower's currency mismatch in ${which} against its reporting currency, how much of it is ` +
    "hedged (forwards, swaps, options) or over-hedged, what an adverse currency move would cost against cash flow " +
    "available for debt service (stress loss), and how volatile the currencies are (10-day 99% value at risk)?"
  );
}
