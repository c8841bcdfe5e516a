/** @kyocho/core/case — the case file: its schema, loading and migration, dates, currencies, pro-forma debt. */
export { CaseSchema, buildCaseSchema, hasCaseData, caseShape, CurrencyCodeSchema, CountryCodeSchema, BankSchema, BorrowerSchema, FinancialsSchema, FacilitySchema, CounterpartySchema, ContractSchema, FxSectionSchema, FxHedgeSchema, MarketQuoteSchema, PositionSchema, CollateralSchema, ExposureSchema, COLLATERAL_TYPES, EXPOSURE_KINDS, GroupSchema, GroupMemberSchema, ScreeningSchema, KycSchema, KycRecordSchema, AntiSocialCheckSchema, COUNTERPARTY_ROLES, CONTRACT_CLAUSES, SCREENING_RESULTS, KYC_STATUSES, KYC_RISK_RATINGS, type Case, type CaseInput, type Facility, type Financials, type Counterparty, type Position, type GroupMember, type Screening, type KycRecord, type AntiSocialCheck, type Collateral, type Exposure, type FxHedge } from "./case-schema.js";
export { CalendarDateSchema, isCalendarDate, todayUtc, daysBetween } from "./calendar-date.js";
export { spotOf, toBase, convert, missingSpotPaths } from "./currency.js";
export { proFormaDebt, type ProFormaDebt, type ProFormaDebtOutcome } from "./pro-forma-debt.js";
export { foreignCurrencies } from "./foreign-currencies.js";
export { parseCase, loadCaseFile, requireCaseSchemaVersion, CASE_SCHEMA_VERSION } from "./load-case.js";
export { migrateCase, type CaseMigration } from "./migrate-case.js";
