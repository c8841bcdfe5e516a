import { evaluateTiers, ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { fxLossToCfads } from "../calculators/fx-loss-to-cfads.js";
import type { FxStressRule } from "../fx-policy.js";
import { money, moneyJa, percent } from "./format.js";

/** What FX-STRESS compares: the one-year FX loss and the borrower's CFADS, both in F. */
export interface FxStressInput {
  fxLoss: number;
  cfads: number;
  /** F. */
  currency: string;
}

/**
 * FX-STRESS: the one-year loss of the policy's adverse move on the open
 * positions, over the cash flow available for debt service. With CFADS at or
 * below zero there is no cash flow to absorb anything, so any loss is rated
 * at `nonPositiveCfads`; with no loss (nothing open) there is nothing to report.
 *
 * @example
 * fxStressFinding(rule, { fxLoss: 30, cfads: 100, currency: "JPY" }) // high (30% > 25%)
 */
export function fxStressFinding(rule: FxStressRule, input: FxStressInput): ExpertFinding | undefined {
  const { fxLoss, cfads, currency: F } = input;
  if (fxLoss <= 0) return undefined;
  const ratio = fxLossToCfads(fxLoss, cfads);
  const metrics = { fxLoss, cfads, fxLossToCfads: ratio, shock: rule.shock };
  if (ratio === null) {
    const message = {
      en:
        `A ${percent(rule.shock)} adverse currency move costs ${money(fxLoss, F)} over one year while cash flow available ` +
        `for debt service is ${money(cfads, F)}: no cash flow to absorb any FX loss.`,
      ja:
        `為替が${percent(rule.shock)}不利に動くと年間${moneyJa(fxLoss, F)}の損失が生じるが、債務返済原資（CFADS）が` +
        `${moneyJa(cfads, F)}とゼロ以下であり、為替損失を吸収する余力がない。`,
    };
    return ruleFinding("FX-STRESS", rule, rule.nonPositiveCfads, message, metrics);
  }
  const severity = evaluateTiers(ratio, rule.tiers);
  if (severity === undefined) return undefined;
  const message = {
    en:
      `A ${percent(rule.shock)} adverse move on the open currency positions costs ${money(fxLoss, F)} over one year, ` +
      `${percent(ratio)} of cash flow available for debt service (${money(cfads, F)}).`,
    ja:
      `為替がオープン・ポジションに対して${percent(rule.shock)}不利に動くと年間${moneyJa(fxLoss, F)}の損失が生じ、` +
      `債務返済原資（CFADS、${moneyJa(cfads, F)}）の${percent(ratio)}に相当する。`,
  };
  return ruleFinding("FX-STRESS", rule, severity, message, metrics);
}
