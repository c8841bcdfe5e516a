import { defineExpert } from "@kyocho/expert-kit";
import type { Case, Expert } from "@kyocho/core";
import type { KnowledgeBase } from "@kyocho/knowledge";
import { evaluateLending } from "./evaluate-lending.js";
import { foreignCurrenciesOf } from "./foreign-currencies.js";
import { LENDING_KEYWORDS } from "./keywords.js";
import { loadLendingKnowledge } from "./lending-knowledge.js";
import { LendingPolicySchema, type LendingPolicy } from "./lending-policy.js";
import { lendingSubQuestion } from "./sub-question.js";

/** Options of {@link createLendingExpert}. */
export interface LendingExpertOptions {
  /** Replaces the shipped knowledge documents (e.g. a bank's own credit manual). */
  knowledge?: KnowledgeBase;
  /** Per-run time limit in ms (default: the core's 30 s). */
  timeoutMs?: number;
}

/**
 * True when the case carries lending data: borrower financials or a facility.
 *
 * @example
 * lendingIsRequired({ ...c, facility: undefined, borrower: { name: "A", country: "JP" } }) // false
 */
export function lendingIsRequired(c: Case): boolean {
  return c.borrower?.financials !== undefined || c.facility !== undefined;
}

/**
 * Builds the lending expert: credit capacity of the borrower for the
 * facility, in its reporting currency (net leverage, DSCR on CFADS, interest
 * cover, the balloon of a long bullet, haircut-adjusted LTV, tenor, DSCR
 * after the fx expert's FX loss) under the `experts.lending` section of the
 * policy.
 *
 * @example
 * const lending = createLendingExpert();
 * const result = await lending.run({ assessmentId: "a1", task, case: c, policy, dependencies: {} });
 */
export function createLendingExpert(options: LendingExpertOptions = {}): Expert<LendingPolicy> {
  return defineExpert<LendingPolicy>({
    name: "lending",
    domain: "lending",
    description:
      "Credit view of a loan or bond, in the borrower's reporting currency: pro-forma net leverage after refinancing, " +
      "debt service cover on cash flow (CFADS), interest cover, the balloon of a long bullet, haircut-adjusted loan to value, " +
      "tenor, and debt service cover after the FX loss on the borrower's open currency positions.",
    keywords: LENDING_KEYWORDS,
    policySchema: LendingPolicySchema,
    knowledge: options.knowledge ?? loadLendingKnowledge(),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    isRequired: lendingIsRequired,
    // LEN-FXDSCR reads the fx expert's fxLoss, so lending runs after fx whenever fx is required:
    // whenever the case names a currency other than the borrower's reporting currency.
    dependsOn: (c) => (foreignCurrenciesOf(c).length > 0 ? ["fx"] : []),
    subQuestion: lendingSubQuestion,
    run: (ctx) =>
      evaluateLending({
        case: ctx.case,
        policy: ctx.policy,
        fx: ctx.dependencies.fx,
        dataGap: ctx.dataGap,
        dataConflict: ctx.dataConflict,
      }),
  });
}

/**
 * The lending expert with the shipped knowledge documents.
 *
 * @example
 * import { lendingExpert } from "@kyocho/expert-lending";
 * lendingExpert.isRequired(c); // true when c has borrower.financials or facility
 */
export const lendingExpert = createLendingExpert();
