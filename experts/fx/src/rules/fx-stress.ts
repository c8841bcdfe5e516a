import { evaluateTiers, type ExpertFinding } from "@kyocho/core";
import { stressLossToEbitda } from "../calculators/stress-loss-to-ebitda.js";
import type { FxStressRule } from "../fx-policy.js";
import { ruleFinding } from "@kyocho/core";
import { money, percent } from "./rule-finding.js";

/** What FX-STRESS compares: the stress loss and the borrower's EBITDA, both in the base currency. */
export interface FxStressInput {
  lossBase: number;
  ebitdaBase: number;
  baseCurrency: string;
}

/**
 * FX-STRESS: the loss from the policy's adverse move against the net open
 * positions, over the borrower's EBITDA. With EBITDA at or below zero there
 * is no earnings buffer at all, so any stress loss is rated at the policy's
 * `nonPositiveEbitda` severity; with no loss (everything hedged) there is
 * nothing to report.
 *
 * @example
 * fxStressFinding(rule, { lossBase: 30, ebitdaBase: 100, baseCurrency: "JPY" }) // high (30% > 25%)
 */
export function fxStressFinding(rule: FxStressRule, input: FxStressInput): ExpertFinding | undefined {
  const { lossBase, ebitdaBase, baseCurrency } = input;
  if (lossBase <= 0) return undefined;
  const ratio = stressLossToEbitda(lossBase, ebitdaBase);
  const metrics = { stressLoss: lossBase, ebitdaBase, stressLossToEbitda: ratio, shock: rule.shock };
  const loss = money(lossBase, baseCurrency);
  if (ratio === null) {
    const message =
      `A ${percent(rule.shock)} adverse move costs ${loss} while EBITDA is ${money(ebitdaBase, baseCurrency)}: ` +
      "no earnings to absorb any FX loss.";
    return ruleFinding("FX-STRESS", rule, rule.nonPositiveEbitda, message, metrics);
  }
  const severity = evaluateTiers(ratio, rule.tiers);
  if (severity === undefined) return undefined;
  const message = `A ${percent(rule.shock)} adverse move on the net open positions costs ${loss}, ${percent(ratio)} of EBITDA.`;
  return ruleFinding("FX-STRESS", rule, severity, message, metrics);
}
