import { evaluateTiers, ruleFinding, type Severity } from "@kyocho/core";
import type { BookPosition } from "../calculators/book-positions.js";
import { rateShock } from "../calculators/rate-shock.js";
import type { RateRule } from "../markets-policy.js";
import { amount, amountJa, idList, percent } from "./format.js";
import type { RuleOutcome } from "./rule-outcome.js";

export const RATE_RULE_ID = "MKT-RATE";

/**
 * Applies MKT-RATE: the loss of a parallel shock of `rule.shockBp`, up or
 * down, whichever hurts — max(Σdv01 · shockBp, −Σdv01 · shockBp) — over the
 * rates book's gross value Σ|marketValue| (bonds, loans and swaps), against
 * the rule's tiers. Net DV01 is reported as a metric (B per bp).
 *
 * A bond or loan with neither dv01 nor modifiedDuration, or a swap with
 * neither, makes the exact ratio unknown: the gap names the field and the
 * exact metrics are null. The least loss the known figures still prove (see
 * `rateShock`) is reported as a floor, and when that floor alone breaches a
 * tier the finding is reported at that tier, marked "at least" — a known
 * breach is not hidden behind a gap. A position without a spot leaves the
 * rule unevaluated (the expert reports that gap once per currency). A rates
 * book with no gross value but a net DV01 (par swaps alone) has no ratio; its
 * loss meets every tier, since any loss over nothing is unbounded.
 *
 * @example
 * evaluateRateRule(bookPositions(positions, "JPY", spot), policy.rules["MKT-RATE"], "JPY").metrics.netDv01 // 0.2
 */
export function evaluateRateRule(book: readonly BookPosition[], rule: RateRule, currency: string): RuleOutcome {
  const r = rateShock(book, rule.shockBp);
  const outcome: RuleOutcome = {
    findings: [],
    gaps: [],
    notes: [],
    metrics: {
      ratesBookGrossValue: r.grossValue,
      netDv01: r.netDv01,
      rateShockLoss: r.loss,
      rateShockLossRatio: r.ratio,
      worstShockBp: r.worstShockBp,
    },
  };
  if (r.missingSpot.length > 0) {
    outcome.notes.push(`${RATE_RULE_ID} not evaluated: no spot for the currency of ${ids(book, r.missingSpot, "en")}.`);
    return outcome;
  }
  if (!r.complete) {
    const missing = r.missingDv01.map((i) => book.find((p) => p.index === i)!);
    const named = ids(book, r.missingDv01, "en");
    const namedJa = ids(book, r.missingDv01, "ja");
    outcome.gaps.push({
      fields: missing.map((p) => `markets.positions[${p.index}].${p.position.kind === "swap" ? "dv01" : "modifiedDuration"}`),
      message: {
        en:
          `${RATE_RULE_ID} cannot be evaluated exactly: ${missing.length === 1 ? "1 position" : `${missing.length} positions`} ` +
          `of the rates book without dv01 or modifiedDuration (${named}).`,
        ja: `${RATE_RULE_ID} を正確に評価できません。金利ブックに DV01 も修正デュレーションもないポジションが${missing.length}件あります（${namedJa}）。`,
      },
    });
    outcome.metrics.rateShockLossFloor = r.lossFloor;
    outcome.metrics.rateShockLossRatioFloor = r.ratioFloor;
  }

  const gross = r.grossValue ?? 0;
  const lossShown = r.complete ? r.loss! : r.lossFloor!;
  const ratio = r.complete ? r.ratio : r.ratioFloor;
  let severity: Severity | undefined;
  if (ratio !== null) severity = evaluateTiers(ratio, rule.tiers);
  else if (lossShown > 0) severity = evaluateTiers(Number.POSITIVE_INFINITY, rule.tiers);
  if (severity === undefined) return outcome;

  const metrics: Record<string, number | null> = r.complete
    ? { rateShockLoss: r.loss, rateShockLossRatio: r.ratio, netDv01: r.netDv01, ratesBookGrossValue: gross, worstShockBp: r.worstShockBp }
    : { rateShockLossFloor: r.lossFloor, rateShockLossRatioFloor: r.ratioFloor, ratesBookGrossValue: gross };
  outcome.findings.push(ruleFinding(RATE_RULE_ID, rule, severity, rateMessage(r, rule.shockBp, currency, lossShown, ratio), metrics));
  return outcome;
}

function rateMessage(r: ReturnType<typeof rateShock>, shockBp: number, currency: string, loss: number, ratio: number | null): { en: string; ja: string } {
  const gross = r.grossValue ?? 0;
  const book = `the ${amount(gross, currency)} gross value of the rates book (bonds, loans and swaps, Σ|market value|)`;
  const bookJa = `金利ブック（債券・貸出・スワップ）の時価の絶対値合計${amountJa(gross, currency)}`;
  if (!r.complete) {
    return {
      en:
        `A ${shockBp}bp parallel move of rates would cost at least ${amount(loss, currency)}` +
        (ratio === null ? `, against a rates book with no gross value` : `, at least ${percent(ratio)} of ${book}`) +
        `: the least the positions with a known DV01 prove, whatever the missing DV01s turn out to be.`,
      ja:
        `金利が${shockBp}bp平行移動すると、DV01 が判明しているポジションだけで少なくとも${amountJa(loss, currency)}の損失となり` +
        (ratio === null ? `ます（金利ブックの時価の絶対値合計は0）` : `、${bookJa}の少なくとも${percent(ratio)}に当たります`) +
        `。欠けている DV01 がどのような値でも、損失はこれを下回りません。`,
    };
  }
  const up = (r.netDv01 ?? 0) > 0;
  const dv01 = r.netDv01 ?? 0;
  const dv01En = `net DV01 ${dv01 < 0 ? "−" : "+"}${amount(Math.abs(dv01), currency, 2)} per bp`;
  const dv01Ja = `ネット DV01 は1bpあたり${dv01 < 0 ? "−" : "+"}${amountJa(Math.abs(dv01), currency, 2)}`;
  return {
    en:
      `A ${shockBp}bp parallel ${up ? "rise" : "fall"} of rates would cost ${amount(loss, currency)} (${dv01En})` +
      (ratio === null ? `, against a rates book with no gross value.` : `, ${percent(ratio)} of ${book}.`),
    ja:
      `金利が${shockBp}bp平行${up ? "上昇" : "低下"}すると、損失は${amountJa(loss, currency)}（${dv01Ja}）` +
      (ratio === null ? `で、金利ブックの時価の絶対値合計は0です。` : `で、${bookJa}の${percent(ratio)}に当たります。`),
  };
}

function ids(book: readonly BookPosition[], indices: readonly number[], language: "en" | "ja"): string {
  return idList(
    indices.map((i) => book.find((p) => p.index === i)?.position.id ?? `#${i}`),
    language,
  );
}
