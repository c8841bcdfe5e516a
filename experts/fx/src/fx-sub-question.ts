import type { Case } from "@kyocho/core";
import { foreignCurrencies } from "./fx-inputs.js";

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
 * // "FX view of: Can we lend USD 120m? — how much of the USD exposure is hedged, ..."
 */
export function fxSubQuestion(question: string, c: Case | undefined): string {
  const asked = question.trim();
  const currencies = c ? currenciesOf(c) : [];
  if (isJapanese(asked)) {
    const which = currencies.length > 0 ? `${currencies.join("・")}の` : "外貨建ての";
    const lead = asked ? `為替の観点から：「${asked}」 — ` : "";
    return (
      `${lead}${which}為替エクスポージャーはどの程度ヘッジ（為替予約・通貨スワップ）されているか、` +
      "円安など為替の急変によるストレス損失はEBITDAに対してどの程度か、通貨のボラティリティと10日間99%のVaRはいくらか。"
    );
  }
  const which = currencies.length > 0 ? `the ${currencies.join(", ")} exposure` : "the foreign-currency exposure";
  const lead = asked ? `FX view of: ${asked} — ` : "";
  return (
    `${lead}how much of ${which} is hedged (forwards, swaps, options), what an adverse currency move ` +
    "would cost against EBITDA (stress loss), and how volatile the currencies are (10-day 99% value at risk)?"
  );
}

function currenciesOf(c: Case): string[] {
  const found = new Set<string>((c.fx?.exposures ?? []).map((e) => e.currency));
  for (const currency of foreignCurrencies(c)) found.add(currency);
  return [...found];
}
