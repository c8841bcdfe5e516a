import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, NO_CONTROL_CHARACTERS } from "../validation/control-characters.js";

/**
 * The case file: the data of one deal, as an analyst or a batch job supplies
 * it. Every object is strict, so a misspelt key (`ebidta`) is refused with its
 * path instead of silently ignored. Money amounts are non-negative numbers in
 * the currency named beside them (only `ebitda` may be zero or negative);
 * rates, shares and vols are decimals (0.055 = 5.5%).
 */
export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be a three-letter upper-case currency code (e.g. USD)");
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 country code (e.g. JP)");

const money = () => z.number().finite().nonnegative();
const share = () => z.number().finite().min(0).max(1);
// Names and other free text are printed on analysts' terminals: no escape sequences or bidirectional overrides.
const nonEmptyText = () => z.string().trim().min(1).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

export const BankSchema = z.strictObject({
  baseCurrency: CurrencyCodeSchema.default("JPY"),
  homeCountry: CountryCodeSchema.default("JP"),
  tier1Capital: z.number().finite().positive().default(10_000_000_000_000),
});

export const FinancialsSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  revenue: money(),
  ebitda: z.number().finite(),
  totalDebt: money(),
  interestExpense: money(),
  annualDebtService: money(),
  foreignRevenueShare: z.record(CurrencyCodeSchema, share()).optional(),
});

export const BorrowerSchema = z.strictObject({
  name: nonEmptyText(),
  country: CountryCodeSchema,
  financials: FinancialsSchema.optional(),
});

export const FacilitySchema = z.strictObject({
  type: z.enum(["term_loan", "revolver", "bond"]),
  amount: money(),
  currency: CurrencyCodeSchema,
  tenorYears: z.number().finite().positive(),
  rate: z.number().finite().min(0),
  amortization: z.enum(["bullet", "linear"]),
  collateralValue: money().optional(),
  existingExposure: money().default(0),
});

export const COUNTERPARTY_ROLES = ["borrower", "guarantor", "target", "seller", "other"] as const;
export const CounterpartySchema = z.strictObject({
  name: nonEmptyText(),
  country: CountryCodeSchema,
  role: z.enum(COUNTERPARTY_ROLES),
  kyc: z.enum(["complete", "pending", "failed"]).optional(),
  sanctionsHit: z.boolean().optional(),
});

export const CONTRACT_CLAUSES = ["sanctions", "cross_default", "change_of_control", "negative_pledge", "mac"] as const;
export const ContractSchema = z.strictObject({
  governingLaw: nonEmptyText().optional(),
  clauses: z.array(z.enum(CONTRACT_CLAUSES)).optional(),
});

export const FxExposureSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  amount: money(),
  tenorYears: z.number().finite().positive(),
});
export const FxHedgeSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  notional: money(),
  instrument: z.enum(["forward", "option", "swap"]),
});
export const FxSectionSchema = z
  .strictObject({
    exposures: z.array(FxExposureSchema),
    hedges: z.array(FxHedgeSchema).optional(),
  })
  .superRefine((fx, ctx) => {
    const exposed = new Set(fx.exposures.map((e) => e.currency));
    fx.hedges?.forEach((hedge, index) => {
      if (!exposed.has(hedge.currency)) {
        ctx.addIssue({
          code: "custom",
          path: ["hedges", index, "currency"],
          message: `hedge in ${hedge.currency}, a currency with no exposure`,
        });
      }
    });
  });

export const MarketQuoteSchema = z.strictObject({
  spot: z.number().finite().positive(),
  vol: z.number().finite().nonnegative(),
});

export const PositionSchema = z.strictObject({
  id: nonEmptyText(),
  issuer: nonEmptyText(),
  kind: z.enum(["bond", "loan", "equity"]),
  marketValue: money(),
  modifiedDuration: z.number().finite().nonnegative().optional(),
  adv: z.number().finite().positive().optional(),
  beta: z.number().finite().optional(),
});

/** The sections every kyocho case may hold. Custom experts add their own with `caseSchema`. */
export const caseShape = {
  id: nonEmptyText().optional(),
  question: z.string().regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE).optional(),
  bank: BankSchema.default({ baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 10_000_000_000_000 }),
  borrower: BorrowerSchema.optional(),
  facility: FacilitySchema.optional(),
  counterparties: z.array(CounterpartySchema).optional(),
  contract: ContractSchema.optional(),
  fx: FxSectionSchema.optional(),
  marketData: z.record(CurrencyCodeSchema, MarketQuoteSchema).optional(),
  markets: z.strictObject({ positions: z.array(PositionSchema) }).optional(),
};

export const CaseSchema = z.strictObject(caseShape);

/** A validated case, defaults applied. Custom sections arrive as extra keys. */
export type Case = z.output<typeof CaseSchema> & Record<string, unknown>;
export type CaseInput = z.input<typeof CaseSchema>;
export type Facility = z.output<typeof FacilitySchema>;
export type Financials = z.output<typeof FinancialsSchema>;
export type Counterparty = z.output<typeof CounterpartySchema>;
export type Position = z.output<typeof PositionSchema>;

/**
 * Builds the case schema for a council: the standard sections plus the extra
 * top-level sections its experts declare. Unknown keys stay refused.
 *
 * @example
 * const schema = buildCaseSchema({ esg: z.strictObject({ score: z.number() }).optional() });
 */
export function buildCaseSchema(extraSections: z.ZodRawShape = {}) {
  return z.strictObject({ ...caseShape, ...extraSections });
}

/** True when the case carries any deal data beyond its id and question. */
export function hasCaseData(c: Case | undefined): boolean {
  if (!c) return false;
  return Object.keys(c).some((key) => !["id", "question", "bank"].includes(key) && c[key] !== undefined);
}
