import { convert, missingSpotPaths, proFormaDebt, type ProFormaDebt } from "@kyocho/core/case";
import type { Case } from "@kyocho/core";
import { currencyFlows } from "./calculators/currency-flows.js";
import { hedgeRatio } from "./calculators/hedge-ratio.js";
import { signedHedge } from "./calculators/signed-hedge.js";
import { fxCurrencies } from "./fx-currencies.js";

/** The borrower's one-year position in one foreign currency C, every amount in F. */
export interface CurrencyPosition {
  currency: string;
  inflow: number;
  outflow: number;
  /** Debt service falling due in C (part of the outflow). */
  debtService: number;
  /** inflow − outflow: positive is long C. */
  net: number;
  /** Σ sell − Σ buy notionals, converted to F. */
  hedge: number;
  /** net − hedge. */
  open: number;
  /** clamp(hedge / net, 0, 1); null when net is 0. */
  hedgeRatio: number | null;
}

/** The borrower's currency mismatch over one year, in its reporting currency F. */
export interface CurrencyMismatch {
  /** F, the borrower's reporting currency. */
  currency: string;
  revenue: number;
  /** The shared pro-forma debt figures (CFADS, debt service by currency, ...). */
  debt: ProFormaDebt;
  positions: CurrencyPosition[];
  /** Existing foreign-currency debt (`debtByCurrency`) in F, and `totalDebt`: the first cannot exceed the second. */
  foreignDebt: number;
  totalDebt: number;
  /** Currencies of `fx.hedges` lines written in F itself: they cannot offset a foreign position and are left out. */
  hedgesInReportingCurrency: number;
}

/** Either the mismatch, or the `marketData.C.spot` paths it needs and the case lacks. */
export type CurrencyMismatchOutcome = { ok: true; value: CurrencyMismatch } | { ok: false; missing: string[] };

/**
 * The borrower's one-year position in every currency of {@link fxCurrencies},
 * in F: inflow = revenue · revenueShare; outflow = (revenue − EBITDA) ·
 * costShare + the debt service due in C (core's `proFormaDebt`, refinancing
 * and the new facility included); net = inflow − outflow; hedge = Σ sell − Σ
 * buy in F; open = net − hedge. Revenue and cost shares are in F already, so
 * a spot is needed only to convert debt, the facility and hedges; a missing
 * one is returned, never guessed. Undefined without borrower financials.
 *
 * @example
 * const outcome = currencyMismatch(c);
 * if (outcome?.ok) outcome.value.positions // [{ currency: "USD", net: 170, hedge: 50, open: 120, ... }]
 */
export function currencyMismatch(c: Case): CurrencyMismatchOutcome | undefined {
  const f = c.borrower?.financials;
  if (!f) return undefined;
  const F = f.currency;
  const currencies = fxCurrencies(c);
  const hedges = (c.fx?.hedges ?? []).filter((h) => h.currency !== F);
  const debtOutcome = proFormaDebt(c)!;
  const hedgeCurrencies = [...new Set(hedges.map((h) => h.currency))];
  const hedgeMissing = hedgeCurrencies.length > 0 ? missingSpotPaths(c, F, ...hedgeCurrencies) : [];
  const missing = [...new Set([...(debtOutcome.ok ? [] : debtOutcome.missing), ...hedgeMissing])];
  if (!debtOutcome.ok || missing.length > 0) return { ok: false, missing: sortSpotPaths(missing, F) };
  const debt = debtOutcome.value;

  const positions = currencies.map((currency): CurrencyPosition => {
    const debtService = debt.debtServiceByCurrency[currency] ?? 0;
    const flows = currencyFlows({
      revenue: f.revenue,
      ebitda: f.ebitda,
      revenueShare: f.foreignRevenueShare?.[currency] ?? 0,
      costShare: f.foreignCostShare?.[currency] ?? 0,
      debtService,
    });
    const own = hedges.filter((h) => h.currency === currency);
    // A currency without hedges needs no spot (its revenue and cost shares are in F already).
    const hedge = own.length === 0 ? 0 : convert(c, signedHedge(own), currency, F)!;
    const open = flows.net - hedge;
    return { currency, ...flows, debtService, hedge, open, hedgeRatio: hedgeRatio(flows.net, hedge) };
  });
  return {
    ok: true,
    value: {
      currency: F,
      revenue: f.revenue,
      debt,
      positions,
      foreignDebt: Object.entries(f.debtByCurrency ?? {}).reduce((sum, [cur, amount]) => sum + convert(c, amount, cur, F)!, 0),
      totalDebt: f.totalDebt,
      hedgesInReportingCurrency: (c.fx?.hedges ?? []).length - hedges.length,
    },
  };
}

/** The reporting currency's path first (everything hinges on it), then the others as found. */
function sortSpotPaths(paths: string[], F: string): string[] {
  const own = `marketData.${F}.spot`;
  return paths.includes(own) ? [own, ...paths.filter((p) => p !== own)] : paths;
}
