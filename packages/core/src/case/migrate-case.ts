import { CASE_SCHEMA_VERSION } from "./load-case.js";

/** A v1 case file moved to v2, and what the move could not know. */
export interface CaseMigration {
  /** The v2 case, ready to write out (it still needs what `unknowns` names to be complete). */
  case: Record<string, unknown>;
  /** One line per thing the file must add or check: `path: what and why`. */
  unknowns: string[];
}

type Obj = Record<string, any>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Moves a v1 case file to the v2 format (`schemaVersion: 2`): what can move
 * moves — `facility.collateralValue` to `facility.collateral`,
 * `facility.existingExposure` to `exposures`, the string form of `kyc` to a
 * record, the hedges of `fx` with a direction — and every fact v1 never held
 * (a collateral's type, a hedge's direction, Tier 1 capital, the cash-flow
 * items) is listed as a line the file must add or check. Nothing is invented
 * silently: a default it had to choose is named in its line.
 *
 * @example
 * const { case: v2, unknowns } = migrateCase(YAML.parse(v1Text));
 */
export function migrateCase(raw: unknown): CaseMigration {
  if (!isObject(raw)) return { case: { schemaVersion: CASE_SCHEMA_VERSION }, unknowns: ["(root): the file is not a case object"] };
  const unknowns: string[] = [];
  const { schemaVersion: _old, ...rest } = structuredClone(raw);
  const c: Obj = { schemaVersion: CASE_SCHEMA_VERSION, ...rest };
  const base: string = c.bank?.baseCurrency ?? "JPY";

  if (c.asOf === undefined) unknowns.push("asOf: the date the file speaks for (YYYY-MM-DD); without it every run ages the evidence against its own day");
  if (c.bank?.tier1Capital === undefined) {
    unknowns.push(
      "bank.tier1Capital: the bank's Tier 1 capital in the base currency; v1 assumed 10,000,000,000,000 when absent, v2 reports a DATA-GAP instead",
    );
  }

  const facility = c.facility;
  if (isObject(facility)) {
    if (facility.collateralValue !== undefined) {
      facility.collateral = [{ type: "other", value: facility.collateralValue, currency: facility.currency }];
      delete facility.collateralValue;
      unknowns.push(
        "facility.collateral[0].type: what the collateral is (real_estate, securities, receivables, equipment, cash); migrated as other, the 50% haircut",
      );
      unknowns.push("facility.collateral[0].priorCharges: charges ranking ahead of the bank's, if any");
    }
    if (facility.existingExposure !== undefined) {
      if (facility.existingExposure > 0) {
        c.exposures = [...(Array.isArray(c.exposures) ? c.exposures : []), { kind: "loan", amount: facility.existingExposure, currency: base }];
        unknowns.push(
          `exposures: the existing exposure (${facility.existingExposure} ${base}) was migrated as one drawn loan; split out commitments, guarantees, bonds and derivatives to the group`,
        );
      }
      delete facility.existingExposure;
    }
    unknowns.push("facility.refinances: existing debt this facility repays, in the borrower's reporting currency (none assumed)");
  }

  if (isObject(c.fx)) {
    const exposures: Obj[] = Array.isArray(c.fx.exposures) ? c.fx.exposures : [];
    if (exposures.length > 0) {
      const listed = exposures.map((e) => `${e.currency} ${e.amount}`).join(", ");
      unknowns.push(
        `borrower.financials.foreignRevenueShare, foreignCostShare, debtByCurrency: v2 computes the borrower's FX position from these; the v1 fx.exposures (${listed}) were dropped`,
      );
    }
    const hedges: Obj[] = Array.isArray(c.fx.hedges) ? c.fx.hedges : [];
    c.fx = {
      hedges: hedges.map((h, i) => {
        unknowns.push(`fx.hedges[${i}].direction: sell ${h.currency} protects money coming in, buy protects money going out; migrated as sell`);
        return { ...h, direction: "sell" };
      }),
    };
  }

  const financials = c.borrower?.financials;
  if (isObject(financials)) {
    const cashItems = ["cash", "taxesPaid", "maintenanceCapex", "workingCapitalChange"].filter((k) => financials[k] === undefined);
    if (cashItems.length > 0) {
      unknowns.push(`borrower.financials.${cashItems.join(", ")}: without them net debt is gross debt and cash flow for debt service is EBITDA`);
    }
    if (financials.foreignCostShare === undefined)
      unknowns.push("borrower.financials.foreignCostShare: the share of operating costs paid in each foreign currency (none assumed)");
    if (financials.debtByCurrency === undefined)
      unknowns.push("borrower.financials.debtByCurrency: existing debt in foreign currencies (all assumed in the reporting currency)");
  }

  const parties: [string, Obj][] = [];
  if (isObject(c.borrower)) parties.push(["borrower", c.borrower]);
  (Array.isArray(c.counterparties) ? c.counterparties : []).forEach((p: Obj, i: number) => parties.push([`counterparties[${i}]`, p]));
  for (const [path, party] of parties) {
    if (typeof party.kyc === "string") party.kyc = { status: party.kyc };
    if (isObject(party.kyc) && party.kyc.reviewedOn === undefined && party.kyc.status === "complete") {
      unknowns.push(`${path}.kyc.reviewedOn: the date of the last KYC review (and riskRating); without it a refresh is due`);
    }
    if (party.sanctionsHit !== undefined && party.screening === undefined) {
      unknowns.push(`${path}.screening: a dated screening record (result, screenedOn, lists) in place of the undated sanctionsHit flag`);
    } else if (party.screening === undefined) {
      unknowns.push(`${path}.screening: the party's sanctions screening (result, screenedOn, lists)`);
    }
  }

  const positions: Obj[] = Array.isArray(c.markets?.positions) ? c.markets.positions : [];
  positions.forEach((p, i) => {
    if (p.adv === undefined && p.marketValue !== 0) unknowns.push(`markets.positions[${i}].adv: average daily traded value; v2 reports a DATA-GAP without it`);
  });

  return { case: c, unknowns };
}
