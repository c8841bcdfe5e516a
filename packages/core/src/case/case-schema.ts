import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, NO_CONTROL_CHARACTERS } from "../validation/control-characters.js";
import { CalendarDateSchema, todayUtc } from "./calendar-date.js";

/**
 * The case file: the data of one deal, as an analyst or a batch job supplies
 * it. Every object is strict, so a misspelt key (`ebidta`) is refused with its
 * path instead of silently ignored. Money amounts are non-negative numbers in
 * the currency named beside them (only `ebitda` may be zero or negative);
 * rates, shares and vols are decimals (0.055 = 5.5%).
 */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, "must be a three-letter upper-case currency code (e.g. USD)");
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 country code (e.g. JP)");

const money = () => z.number().finite().nonnegative();
const share = () => z.number().finite().min(0).max(1);
// Names and other free text are printed on analysts' terminals: no escape sequences or bidirectional overrides.
const nonEmptyText = () => z.string().trim().min(1).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

export const BankSchema = z.strictObject({
  baseCurrency: CurrencyCodeSchema.default("JPY"),
  homeCountry: CountryCodeSchema.default("JP"),
  /** Tier 1 capital in the base currency. No default: the large-exposure rule without it is a DATA-GAP, never a guess. */
  tier1Capital: z.number().finite().positive().optional(),
});

/** A map of currency → share (of revenue, of operating costs); the shares sum to at most 1. */
const currencyShares = () =>
  z.record(CurrencyCodeSchema, share()).superRefine((shares, ctx) => {
    const total = Object.values(shares).reduce((sum, v) => sum + v, 0);
    if (total > 1 + 1e-9) ctx.addIssue({ code: "custom", message: `shares sum to ${Number(total.toFixed(6))}, above 1` });
  });

/**
 * The borrower's financials, every amount in its reporting currency
 * (`currency`, called F): the last full year, as the credit file has them.
 */
export const FinancialsSchema = z
  .strictObject({
    currency: CurrencyCodeSchema,
    revenue: money(),
    ebitda: z.number().finite(),
    totalDebt: money(),
    interestExpense: money(),
    annualDebtService: money(),
    cash: money().optional(),
    taxesPaid: money().optional(),
    maintenanceCapex: money().optional(),
    /** An increase in working capital (a use of cash); negative when working capital released cash. */
    workingCapitalChange: z.number().finite().optional(),
    /** Share of revenue earned in each currency other than F. */
    foreignRevenueShare: currencyShares().optional(),
    /** Share of operating costs (revenue − EBITDA) paid in each currency other than F. */
    foreignCostShare: currencyShares().optional(),
    /** Existing debt in foreign currencies, each in its own currency; the rest of totalDebt is in F. */
    debtByCurrency: z.record(CurrencyCodeSchema, money()).optional(),
  })
  .superRefine((f, ctx) => {
    for (const key of ["foreignRevenueShare", "foreignCostShare", "debtByCurrency"] as const) {
      if (f[key] && f.currency in f[key]) {
        ctx.addIssue({ code: "custom", path: [key, f.currency], message: `names the reporting currency ${f.currency} itself: list only foreign currencies` });
      }
    }
  });

/** The result of a sanctions screening and the day it was run: evidence, so it carries its date. */
export const SCREENING_RESULTS = ["clear", "potential_match", "hit"] as const;
export const ScreeningSchema = z.strictObject({
  result: z.enum(SCREENING_RESULTS),
  screenedOn: CalendarDateSchema,
  /** The lists screened against (e.g. OFAC SDN, UN, EU, METI). */
  lists: z.array(nonEmptyText()).optional(),
});

/**
 * The KYC record of a party (取引時確認). The v1 string form `kyc: complete`
 * still reads, as `{ status: complete }` with no review date.
 */
export const KYC_STATUSES = ["complete", "pending", "failed"] as const;
export const KYC_RISK_RATINGS = ["low", "medium", "high"] as const;
export const KycRecordSchema = z.strictObject({
  status: z.enum(KYC_STATUSES),
  reviewedOn: CalendarDateSchema.optional(),
  riskRating: z.enum(KYC_RISK_RATINGS).optional(),
  /** A politically exposed person is among the party's owners or controllers. */
  pep: z.boolean().optional(),
  /** Enhanced due diligence is done (what a PEP or a high-risk party needs). */
  eddComplete: z.boolean().optional(),
});
export const KycSchema = z.union([KycRecordSchema, z.enum(KYC_STATUSES)]);

/** The anti-social-forces check (反社チェック) and the day it was made. */
export const AntiSocialCheckSchema = z.strictObject({
  result: z.enum(["clear", "hit"]),
  checkedOn: CalendarDateSchema.optional(),
});

/** The compliance evidence every party may carry: sanctions screening, KYC and the anti-social-forces check. */
const partyEvidenceShape = {
  screening: ScreeningSchema.optional(),
  /** The v1 flag: `true` reads as a `hit`, `false` as a clear result with no date (so stale). Give this or `screening`. */
  sanctionsHit: z.boolean().optional(),
  kyc: KycSchema.optional(),
  antiSocialCheck: AntiSocialCheckSchema.optional(),
};

function oneScreeningForm(party: { screening?: unknown; sanctionsHit?: unknown }, ctx: z.RefinementCtx): void {
  if (party.screening !== undefined && party.sanctionsHit !== undefined) {
    ctx.addIssue({ code: "custom", path: ["sanctionsHit"], message: "give screening or the v1 flag sanctionsHit, not both" });
  }
}

export const BorrowerSchema = z
  .strictObject({
    name: nonEmptyText(),
    country: CountryCodeSchema,
    financials: FinancialsSchema.optional(),
    /** The connected group the borrower belongs to; exposures and positions marked with it count toward its large exposure. */
    group: nonEmptyText().optional(),
    ...partyEvidenceShape,
  })
  .superRefine(oneScreeningForm);

export const COLLATERAL_TYPES = ["real_estate", "securities", "receivables", "equipment", "cash", "other"] as const;
/** One piece of collateral: its value and any prior-ranking charges on it, both in its own currency. */
export const CollateralSchema = z.strictObject({
  type: z.enum(COLLATERAL_TYPES),
  value: money(),
  currency: CurrencyCodeSchema,
  priorCharges: money().optional(),
});

export const FacilitySchema = z.strictObject({
  type: z.enum(["term_loan", "revolver", "bond"]),
  amount: money(),
  currency: CurrencyCodeSchema,
  tenorYears: z.number().finite().positive(),
  rate: z.number().finite().min(0),
  amortization: z.enum(["bullet", "linear"]),
  /** Existing debt, in the borrower's reporting currency, that this facility repays. */
  refinances: money().optional(),
  collateral: z.array(CollateralSchema).optional(),
});

export const EXPOSURE_KINDS = ["loan", "commitment", "guarantee", "bond", "equity", "derivative"] as const;
/** One of the bank's existing exposures to the borrower's group (undrawn amounts for commitments), in its own currency. */
export const ExposureSchema = z.strictObject({
  kind: z.enum(EXPOSURE_KINDS),
  amount: money(),
  currency: CurrencyCodeSchema,
});

export const COUNTERPARTY_ROLES = ["borrower", "guarantor", "target", "seller", "other"] as const;
export const CounterpartySchema = z
  .strictObject({
    name: nonEmptyText(),
    country: CountryCodeSchema,
    role: z.enum(COUNTERPARTY_ROLES),
    ...partyEvidenceShape,
  })
  .superRefine(oneScreeningForm);

/** A member of the borrower's connected group (parent, sister companies): screened like any party, with no role in the deal. */
export const GroupMemberSchema = z
  .strictObject({
    name: nonEmptyText(),
    country: CountryCodeSchema,
    ...partyEvidenceShape,
  })
  .superRefine(oneScreeningForm);
export const GroupSchema = z.strictObject({ members: z.array(GroupMemberSchema) });

export const CONTRACT_CLAUSES = ["sanctions", "cross_default", "change_of_control", "negative_pledge", "mac", "anti_social_forces"] as const;
export const ContractSchema = z.strictObject({
  governingLaw: nonEmptyText().optional(),
  clauses: z.array(z.enum(CONTRACT_CLAUSES)).optional(),
});

/**
 * One FX hedge of the borrower: `sell` C protects money coming in in C,
 * `buy` C protects money going out in C. The notional is in C.
 */
export const FxHedgeSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  notional: money(),
  direction: z.enum(["sell", "buy"]),
  instrument: z.enum(["forward", "option", "swap"]),
  maturityYears: z.number().finite().positive().optional(),
});
/** The borrower's FX hedges. The exposure itself is computed from the financials and the debt. */
export const FxSectionSchema = z.strictObject({
  hedges: z.array(FxHedgeSchema).default([]),
});

export const MarketQuoteSchema = z.strictObject({
  spot: z.number().finite().positive(),
  vol: z.number().finite().nonnegative(),
});

/**
 * A position of the bank's markets book. `marketValue`, `dv01` and `adv` are
 * in `currency` (default the base currency); `marketValue` may be negative
 * (shorts, liability-side hedges such as a pay-fixed swap).
 */
export const PositionSchema = z.strictObject({
  id: nonEmptyText(),
  issuer: nonEmptyText(),
  kind: z.enum(["bond", "loan", "equity", "swap"]),
  currency: CurrencyCodeSchema.optional(),
  marketValue: z.number().finite(),
  modifiedDuration: z.number().finite().nonnegative().optional(),
  /** Value change per basis point, in `currency`, signed: positive loses when rates rise. */
  dv01: z.number().finite().optional(),
  adv: z.number().finite().positive().optional(),
  beta: z.number().finite().optional(),
  /** Grouping key for concentration (e.g. an LEI); default the issuer name trimmed, lower-cased, whitespace collapsed. */
  issuerId: nonEmptyText().optional(),
  /** The connected group the issuer belongs to: counts toward that group's large exposure. */
  issuerGroup: nonEmptyText().optional(),
  sovereign: z.boolean().optional(),
});

/** The sections every kyocho case may hold. Custom experts add their own with `caseSchema`. */
export const caseShape = {
  /** The case file format. Files must say 2; a file without it is a v1 file (see `kyocho migrate case`). */
  schemaVersion: z.literal(2, { error: "must be 2 (this format); convert a v1 file with kyocho migrate case FILE [--out FILE]" }).optional(),
  id: nonEmptyText().optional(),
  /** The date the assessment speaks for; evidence is aged against it. Today (UTC) when absent. */
  asOf: CalendarDateSchema.optional(),
  question: z.string().regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE).optional(),
  bank: BankSchema.default({ baseCurrency: "JPY", homeCountry: "JP" }),
  borrower: BorrowerSchema.optional(),
  facility: FacilitySchema.optional(),
  counterparties: z.array(CounterpartySchema).optional(),
  group: GroupSchema.optional(),
  exposures: z.array(ExposureSchema).optional(),
  contract: ContractSchema.optional(),
  fx: FxSectionSchema.optional(),
  marketData: z.record(CurrencyCodeSchema, MarketQuoteSchema).optional(),
  markets: z.strictObject({ positions: z.array(PositionSchema) }).optional(),
};

export const CaseSchema = z.strictObject(caseShape).superRefine(evidenceNotAfterAsOf);

/** A validated case, defaults applied. Custom sections arrive as extra keys. */
export type Case = z.output<typeof CaseSchema> & Record<string, unknown>;
export type CaseInput = z.input<typeof CaseSchema>;
export type Facility = z.output<typeof FacilitySchema>;
export type Financials = z.output<typeof FinancialsSchema>;
export type Counterparty = z.output<typeof CounterpartySchema>;
export type GroupMember = z.output<typeof GroupMemberSchema>;
export type Screening = z.output<typeof ScreeningSchema>;
export type KycRecord = z.output<typeof KycRecordSchema>;
export type AntiSocialCheck = z.output<typeof AntiSocialCheckSchema>;
export type Position = z.output<typeof PositionSchema>;
export type Collateral = z.output<typeof CollateralSchema>;
export type Exposure = z.output<typeof ExposureSchema>;
export type FxHedge = z.output<typeof FxHedgeSchema>;

/**
 * Builds the case schema for a council: the standard sections plus the extra
 * top-level sections its experts declare. Unknown keys stay refused.
 *
 * @example
 * const schema = buildCaseSchema({ esg: z.strictObject({ score: z.number() }).optional() });
 */
export function buildCaseSchema(extraSections: z.ZodRawShape = {}) {
  return z.strictObject({ ...caseShape, ...extraSections }).superRefine(evidenceNotAfterAsOf);
}

/**
 * Evidence cannot be dated after the day the assessment speaks for: a
 * screening "run" next month is a typing error or a back-dated file, and
 * either way it is bad input, refused with its path.
 */
function evidenceNotAfterAsOf(c: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const asOf = typeof c.asOf === "string" ? c.asOf : todayUtc();
  const check = (party: unknown, path: (string | number)[]) => {
    if (!party || typeof party !== "object") return;
    const p = party as { screening?: { screenedOn?: unknown }; kyc?: { reviewedOn?: unknown } | string | null; antiSocialCheck?: { checkedOn?: unknown } };
    const dates: [string, string, unknown][] = [
      ["screening", "screenedOn", p.screening?.screenedOn],
      ["kyc", "reviewedOn", typeof p.kyc === "object" ? p.kyc?.reviewedOn : undefined],
      ["antiSocialCheck", "checkedOn", p.antiSocialCheck?.checkedOn],
    ];
    for (const [section, field, date] of dates) {
      if (typeof date === "string" && date > asOf) {
        ctx.addIssue({
          code: "custom",
          path: [...path, section, field],
          message: `${date} is after the assessment date ${asOf}${typeof c.asOf === "string" ? " (asOf)" : " (today, UTC: no asOf given)"}`,
        });
      }
    }
  };
  check(c.borrower, ["borrower"]);
  (c.counterparties as unknown[] | undefined)?.forEach((p, i) => check(p, ["counterparties", i]));
  ((c.group as { members?: unknown[] } | undefined)?.members ?? []).forEach((p, i) => check(p, ["group", "members", i]));
}

/** True when the case carries any deal data beyond its id and question. */
export function hasCaseData(c: Case | undefined): boolean {
  if (!c) return false;
  // asOf dates the case (the council fills it in) and schemaVersion names its format; neither is deal data.
  return Object.keys(c).some((key) => !["schemaVersion", "id", "asOf", "question", "bank"].includes(key) && c[key] !== undefined);
}
