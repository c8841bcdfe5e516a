import type { Case } from "@kyocho/core";
import { money } from "./format.js";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * The question put to the lending expert: the user's words first (they
 * drive retrieval), then what lending is asked to judge, in the user's
 * language.
 *
 * @example
 * lendingSubQuestion("この買収資金を融資できますか？", c)
 * // "この買収資金を融資できますか？ — 与信の観点：…有利子負債倍率、DSCR…を与信方針に照らして評価してください。"
 */
export function lendingSubQuestion(question: string, c: Case | undefined): string {
  const asked = question.trim() || c?.question?.trim() || "";
  const japanese = JAPANESE.test(asked);
  const deal = describeDeal(c, japanese);
  const ask = japanese
    ? `与信の観点：${deal}有利子負債倍率（レバレッジ）、DSCR（債務償還余力）、インタレスト・カバレッジ、期日一括返済、LTV（掛目考慮後）、融資期間を与信方針に照らして評価してください。`
    : `Lending view: ${deal}${deal ? "Assess" : "assess"} leverage, debt service coverage (DSCR), interest cover, balloon repayment, loan to value and tenor against the credit policy.`;
  return asked ? `${asked} — ${ask}` : ask;
}

function describeDeal(c: Case | undefined, japanese: boolean): string {
  const facility = c?.facility;
  const name = c?.borrower?.name;
  if (!facility) {
    if (!name) return "";
    return japanese ? `${name}の返済能力について、` : `can ${name} carry its debt? `;
  }
  const amount = money(facility.amount, facility.currency);
  const who = name ?? (japanese ? "借入人" : "the borrower");
  const kind = facility.type.replace("_", " ");
  return japanese
    ? `${who}向け ${amount}（${kind}、${facility.tenorYears}年）について、`
    : `can ${who} carry ${amount} of new ${kind} over ${facility.tenorYears} years? `;
}
