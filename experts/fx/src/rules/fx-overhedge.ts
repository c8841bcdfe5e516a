import { ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { isReversed, openShareOfNet } from "../calculators/position-shares.js";
import type { FxOverhedgeRule } from "../fx-policy.js";
import type { CurrencyPosition } from "../fx-mismatch.js";
import { side } from "./direction.js";
import { currencyNameJa, money, moneyJa, percent } from "./format.js";

/**
 * The currencies FX-OVERHEDGE flags: the open position points the other way
 * from the net position and is larger than the policy's share of |net| (or
 * there is no net position at all and the hedge is a position on its own).
 *
 * @example
 * overhedged(rule, [{ currency: "USD", net: 100, open: -30, ... }]) // [USD]
 */
export function overhedged(rule: FxOverhedgeRule, positions: readonly CurrencyPosition[]): CurrencyPosition[] {
  return positions.filter((p) => {
    if (!isReversed(p.net, p.open)) return false;
    const share = openShareOfNet(p.net, p.open);
    return share === null || share > rule.toleranceShareOfNet;
  });
}

/**
 * FX-OVERHEDGE: a hedge larger than the position it protects is a position
 * the other way — the borrower now loses when the currency moves in the
 * direction it was protected against. One finding names every such currency.
 *
 * @example
 * fxOverhedgeFinding(rule, positions, "JPY") // { ruleId: "FX-OVERHEDGE", severity: "medium", ... }
 */
export function fxOverhedgeFinding(rule: FxOverhedgeRule, positions: readonly CurrencyPosition[], currency: string): ExpertFinding | undefined {
  const hits = overhedged(rule, positions);
  if (hits.length === 0) return undefined;
  const F = currency;
  const metrics: Record<string, number | null> = { toleranceShareOfNet: rule.toleranceShareOfNet };
  const en: string[] = [];
  const ja: string[] = [];
  for (const p of hits) {
    metrics[`net.${p.currency}`] = p.net;
    metrics[`hedge.${p.currency}`] = p.hedge;
    metrics[`open.${p.currency}`] = p.open;
    const open = side(p.open);
    const share = openShareOfNet(p.net, p.open);
    if (p.net === 0) {
      en.push(`${p.currency}: no net position, yet hedges of ${money(Math.abs(p.hedge), F)} leave the borrower ${open.en} ${money(Math.abs(p.open), F)}`);
      ja.push(
        `${p.currency}はネット・ポジションがないにもかかわらず、${moneyJa(Math.abs(p.hedge), F)}のヘッジが${moneyJa(Math.abs(p.open), F)}の${open.ja}となっている`,
      );
    } else {
      const net = side(p.net);
      en.push(
        `${p.currency} net ${net.en} ${money(Math.abs(p.net), F)}, hedged ${money(Math.abs(p.hedge), F)}: ` +
          `open ${open.en} ${money(Math.abs(p.open), F)}, ${percent(share!)} of the net position`,
      );
      ja.push(
        `${p.currency}の${net.ja}${moneyJa(Math.abs(p.net), F)}に対しヘッジ${moneyJa(Math.abs(p.hedge), F)}で、` +
          `差引${moneyJa(Math.abs(p.open), F)}の${open.ja}（ネット・ポジションの${percent(share!)}）`,
      );
    }
  }
  const message = {
    en:
      `Hedges exceed the net currency positions they protect by more than ${percent(rule.toleranceShareOfNet)}, in ${F}: ` +
      `${en.join("; ")}. The excess is a position the other way.`,
    ja:
      `ヘッジが保全対象のネット・ポジションを許容幅（${percent(rule.toleranceShareOfNet)}）を超えて上回る（${currencyNameJa(F)}換算）：` +
      `${ja.join("。")}。超過分は逆方向の為替ポジションである。`,
  };
  return ruleFinding("FX-OVERHEDGE", rule, rule.severity, message, metrics);
}
