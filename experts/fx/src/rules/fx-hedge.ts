import { ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { isMaterial } from "../calculators/position-shares.js";
import type { FxHedgeRule } from "../fx-policy.js";
import type { CurrencyPosition } from "../fx-mismatch.js";
import { side } from "./direction.js";
import { currencyNameJa, money, moneyJa, percent, years } from "./format.js";

/** What FX-HEDGE needs besides the positions. */
export interface FxHedgeContext {
  /** F, the reporting currency every amount is in. */
  currency: string;
  revenue: number;
  /** The policy's `materialityShareOfRevenue`. */
  materialityShareOfRevenue: number;
  /** The facility's tenor; undefined without a facility (the short-tenor severity applies). */
  facilityTenorYears: number | undefined;
}

/**
 * FX-HEDGE: every material currency (|net| at least the policy's share of
 * revenue) whose hedge ratio is below the minimum. Rated with the facility's
 * tenor: above the policy's years the rate has longer to move against a debt
 * the borrower still owes (longTenorSeverity), otherwise, or without a
 * facility, shortTenorSeverity. One finding names every such currency.
 *
 * @example
 * fxHedgeFinding(rule, [{ currency: "USD", net: 340, hedgeRatio: 0.2, ... }], { currency: "JPY", revenue: 1000, materialityShareOfRevenue: 0.05, facilityTenorYears: 5 })
 * // { ruleId: "FX-HEDGE", severity: "high", metrics: { "hedgeRatio.USD": 0.2, ... } }
 */
export function fxHedgeFinding(rule: FxHedgeRule, positions: readonly CurrencyPosition[], context: FxHedgeContext): ExpertFinding | undefined {
  const short = positions.filter(
    (p) => isMaterial(p.net, context.revenue, context.materialityShareOfRevenue) && p.hedgeRatio !== null && p.hedgeRatio < rule.minHedgeRatio,
  );
  if (short.length === 0) return undefined;
  const tenor = context.facilityTenorYears;
  const long = tenor !== undefined && tenor > rule.longTenorAboveYears;
  const severity = long ? rule.longTenorSeverity : rule.shortTenorSeverity;
  const F = context.currency;
  const metrics: Record<string, number | null> = {
    minHedgeRatio: rule.minHedgeRatio,
    materialityShareOfRevenue: context.materialityShareOfRevenue,
    facilityTenorYears: tenor ?? null,
  };
  const en: string[] = [];
  const ja: string[] = [];
  for (const p of short) {
    metrics[`net.${p.currency}`] = p.net;
    metrics[`hedge.${p.currency}`] = p.hedge;
    metrics[`open.${p.currency}`] = p.open;
    metrics[`hedgeRatio.${p.currency}`] = p.hedgeRatio;
    const share = context.revenue > 0 ? ` (${percent(Math.abs(p.net) / context.revenue)} of revenue)` : "";
    const shareJa = context.revenue > 0 ? `（売上高の${percent(Math.abs(p.net) / context.revenue)}）` : "";
    const s = side(p.net);
    en.push(`${p.currency} net ${s.en} ${money(Math.abs(p.net), F)}${share}, ${percent(p.hedgeRatio!)} hedged, open ${money(Math.abs(p.open), F)}`);
    ja.push(
      `${p.currency}の${s.ja}${moneyJa(Math.abs(p.net), F)}${shareJa}に対しヘッジ比率${percent(p.hedgeRatio!)}、オープン・ポジション${moneyJa(Math.abs(p.open), F)}`,
    );
  }
  const tenorEn =
    tenor === undefined
      ? "There is no facility in the case, so no tenor lengthens the exposure."
      : `The facility runs ${years(tenor)} years, ${long ? "above" : "not above"} ${years(rule.longTenorAboveYears)} year(s).`;
  const tenorJa =
    tenor === undefined
      ? "本件融資の記載がないため、期間による加重はない。"
      : `融資期間は${years(tenor)}年で、${years(rule.longTenorAboveYears)}年${long ? "を超える" : "以内である"}。`;
  const message = {
    en:
      `Hedge ratio below the ${percent(rule.minHedgeRatio)} minimum on material net currency positions ` +
      `(at least ${percent(context.materialityShareOfRevenue)} of revenue), in ${F}: ${en.join("; ")}. ${tenorEn}`,
    ja:
      `重要な通貨別ネット・ポジション（売上高の${percent(context.materialityShareOfRevenue)}以上）のヘッジ比率が` +
      `下限${percent(rule.minHedgeRatio)}を下回る（${currencyNameJa(F)}換算）：${ja.join("、")}。${tenorJa}`,
  };
  return ruleFinding("FX-HEDGE", rule, severity, message, metrics);
}
