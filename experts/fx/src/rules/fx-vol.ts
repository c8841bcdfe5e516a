import { ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { openShareOfNet } from "../calculators/position-shares.js";
import type { FxVolRule } from "../fx-policy.js";
import type { CurrencyPosition } from "../fx-mismatch.js";
import { currencyNameJa, money, moneyJa, percent } from "./format.js";

/** A position with the volatility of its currency against F. */
export interface VolPosition extends CurrencyPosition {
  vol: number;
}

/**
 * True when a position's open part is large enough for FX-VOL to look at it:
 * something is open, and it is at least the policy's share of |net| (all of
 * it when there is no net position). Only these need a volatility.
 *
 * @example
 * volCandidate(rule, { net: 100, open: 5, ... }) // true (exactly 5%)
 */
export function volCandidate(rule: FxVolRule, p: CurrencyPosition): boolean {
  if (p.open === 0) return false;
  const share = openShareOfNet(p.net, p.open);
  return share === null || share >= rule.openShareOfNetAtLeast;
}

/**
 * FX-VOL: a currency more volatile against F than the policy allows, with a
 * material part of its net position left open: a volatile currency moves
 * through a partial hedge quickly.
 *
 * @example
 * fxVolFinding(rule, [{ currency: "TRY", vol: 0.25, net: 100, open: 40, ... }], "JPY") // medium
 */
export function fxVolFinding(rule: FxVolRule, positions: readonly VolPosition[], currency: string): ExpertFinding | undefined {
  const hits = positions.filter((p) => p.vol > rule.volAbove && volCandidate(rule, p));
  if (hits.length === 0) return undefined;
  const F = currency;
  const metrics: Record<string, number | null> = { volAbove: rule.volAbove, openShareOfNetAtLeast: rule.openShareOfNetAtLeast };
  const en: string[] = [];
  const ja: string[] = [];
  for (const p of hits) {
    metrics[`vol.${p.currency}`] = p.vol;
    metrics[`open.${p.currency}`] = p.open;
    metrics[`net.${p.currency}`] = p.net;
    const share = openShareOfNet(p.net, p.open);
    en.push(`${p.currency} (vol ${percent(p.vol)}, open ${money(Math.abs(p.open), F)}${share === null ? "" : `, ${percent(share)} of the net position`})`);
    ja.push(
      `${p.currency}（ボラティリティ${percent(p.vol)}、オープン・ポジション${moneyJa(Math.abs(p.open), F)}${share === null ? "" : `、ネット・ポジションの${percent(share)}`}）`,
    );
  }
  const message = {
    en: `Currencies with annualised volatility above ${percent(rule.volAbove)} against ${F} left open: ${en.join("; ")}.`,
    ja: `対${currencyNameJa(F)}の年率ボラティリティが${percent(rule.volAbove)}を超える通貨にオープン・ポジションが残る：${ja.join("、")}。`,
  };
  return ruleFinding("FX-VOL", rule, rule.severity, message, metrics);
}
