import { evaluateTiers, ruleFinding, type Case } from "@kyocho/core";
import { missingSpotPaths, toBase } from "@kyocho/core/case";
import { groupExposure, largeExposureRatio } from "../calculators/large-exposure.js";
import type { LegalPolicy } from "../legal-policy.js";
import { passed, type DataGapFn, type RuleOutcome } from "./rule-outcome.js";

export const LARGE_EXPOSURE_RULE_ID = "LEG-LEX";

/** Group names compare as issuer names do: trimmed, lower-cased, whitespace collapsed. */
const groupKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * LEG-LEX: the bank's exposure to the borrower's connected group after the
 * facility, over Tier 1 capital, against the policy's tiers. Everything in
 * the base currency: the facility; each of `exposures` at the policy's credit
 * conversion factor for its kind; and the absolute market value of every
 * markets position whose `issuerGroup` is `borrower.group`. Applies only with
 * a facility. A missing spot or a missing Tier 1 capital is a DATA-GAP —
 * never a guess and never a default.
 *
 * @example
 * applyLargeExposureRule({ c, rule: policy.rules["LEG-LEX"], dataGap: ctx.dataGap })
 */
export function applyLargeExposureRule(input: {
  c: Pick<Case, "bank" | "facility" | "marketData" | "exposures" | "borrower" | "markets">;
  rule: LegalPolicy["rules"]["LEG-LEX"];
  dataGap: DataGapFn;
}): RuleOutcome {
  const { c, rule } = input;
  const facility = c.facility;
  if (!facility) return passed({}, ["LEG-LEX skipped: no facility in the case."]);
  const whole = c as Case;
  const base = c.bank.baseCurrency;

  const group = c.borrower?.group;
  const positions = group ? (c.markets?.positions ?? []).filter((p) => p.issuerGroup !== undefined && groupKey(p.issuerGroup) === groupKey(group)) : [];
  const exposures = c.exposures ?? [];
  const currencies = [facility.currency, ...exposures.map((e) => e.currency), ...positions.map((p) => p.currency ?? base)];
  const missingSpots = missingSpotPaths(whole, ...currencies);
  const unknown = { largeExposureRatio: null, groupExposure: null };
  if (missingSpots.length > 0) {
    const message = {
      en: `LEG-LEX cannot be evaluated: no spot rate to convert ${missingSpots.map((p) => p.split(".")[1]).join(", ")} into ${base}.`,
      ja: `大口信用供与（LEG-LEX）を判定できません：${missingSpots.map((p) => p.split(".")[1]).join("、")}を${base}に換算する直物レートがありません。`,
    };
    return { findings: [input.dataGap(missingSpots, message)], metrics: unknown, notes: [] };
  }

  const facilityBase = toBase(whole, facility.amount, facility.currency)!;
  const weighted = exposures.map((e) => ({ amount: toBase(whole, e.amount, e.currency)!, ccf: rule.ccf[e.kind] }));
  const positionValues = positions.map((p) => toBase(whole, p.marketValue, p.currency ?? base)!);
  const exposure = groupExposure({ facility: facilityBase, exposures: weighted, positions: positionValues });
  const existing = exposure - facilityBase - positionValues.reduce((s, v) => s + Math.abs(v), 0);
  const markets = exposure - facilityBase - existing;
  const parts = { facilityExposure: facilityBase, existingExposure: existing, marketsExposure: markets, groupExposure: exposure };

  const tier1 = c.bank.tier1Capital;
  const ratio = largeExposureRatio(exposure, tier1);
  if (ratio === undefined) {
    const message = {
      en: `LEG-LEX cannot be evaluated: the case gives no Tier 1 capital (group exposure ${formatAmount(exposure)} ${base}); no default is assumed.`,
      ja: `大口信用供与（LEG-LEX）を判定できません：Tier 1 資本が記載されていません（グループ向け与信 ${formatAmount(exposure)} ${base}）。既定値は用いません。`,
    };
    return { findings: [input.dataGap(["bank.tier1Capital"], message)], metrics: { ...parts, largeExposureRatio: null }, notes: [] };
  }

  const metrics = { ...parts, largeExposureRatio: ratio };
  const severity = evaluateTiers(ratio, rule.tiers);
  if (severity === undefined) return passed(metrics);

  const percent = `${(ratio * 100).toFixed(2)}%`;
  const en =
    `Group exposure of ${formatAmount(exposure)} ${base} (facility ${formatAmount(facilityBase)}, existing exposures ` +
    `${formatAmount(existing)} after conversion factors, markets positions ${formatAmount(markets)}) is ${percent} of Tier 1 capital ` +
    `(${formatAmount(tier1!)} ${base}).`;
  const ja =
    `グループ向け与信 ${formatAmount(exposure)} ${base}（本件 ${formatAmount(facilityBase)}、既存与信（信用換算係数適用後）${formatAmount(existing)}、` +
    `市場性ポジション ${formatAmount(markets)}）は Tier 1 資本（${formatAmount(tier1!)} ${base}）の ${percent} です。`;
  const fields = [
    "facility.amount",
    ...(exposures.length > 0 ? ["exposures"] : []),
    ...(positions.length > 0 ? ["markets.positions"] : []),
    "bank.tier1Capital",
  ];
  return { findings: [ruleFinding(LARGE_EXPOSURE_RULE_ID, rule, severity, { en, ja }, { ...metrics, tier1Capital: tier1! }, fields)], metrics, notes: [] };
}

// One formatter for every finding: building an Intl.NumberFormat costs far more than formatting with one.
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function formatAmount(value: number): string {
  return WHOLE.format(value);
}
