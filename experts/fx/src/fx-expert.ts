import { defineExpert } from "@kyocho/expert-kit";
import type { Expert } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import type { KnowledgeBase } from "@kyocho/knowledge";
import { assessFx, NO_FINANCIALS_MESSAGE } from "./fx-assessment.js";
import { isFxRequired } from "./fx-currencies.js";
import { FX_KEYWORDS } from "./fx-keywords.js";
import { japaneseCounterpart, loadFxKnowledge } from "./fx-knowledge.js";
import { FxPolicySchema, type FxPolicy } from "./fx-policy.js";
import { fxSubQuestion, isJapanese } from "./fx-sub-question.js";

/** Options of {@link createFxExpert}. */
export interface FxExpertOptions {
  /** Replaces the shipped knowledge documents (a bank's own FX manual, say). */
  knowledge?: KnowledgeBase;
  /** Per-run time limit in milliseconds. */
  timeoutMs?: number;
}

/**
 * Creates the FX expert: the borrower's currency mismatch over one year, in
 * its reporting currency F — per foreign currency the inflow, outflow, net
 * position, hedge and open position — under the policy's FX-HEDGE,
 * FX-OVERHEDGE, FX-STRESS and FX-VOL rules, plus a 10-day 99% VaR. Its
 * `fxLoss` metric (in F) is read by the lending expert's FX-stressed DSCR.
 *
 * @example
 * const fx = createFxExpert();
 * const result = await fx.run({ assessmentId: "a1", task, case: c, policy, dependencies: {} });
 * result.metrics.fxLoss // 3_400_000_000
 */
export function createFxExpert(options: FxExpertOptions = {}): Expert<FxPolicy> {
  const knowledge = options.knowledge ?? loadFxKnowledge();
  return defineExpert<FxPolicy>({
    name: "fx",
    domain: "fx",
    description:
      "Foreign exchange, from the borrower's side: the one-year currency mismatch of revenue, costs and debt service " +
      "against the borrower's reporting currency, hedge ratio and over-hedging per currency, the stress loss against " +
      "cash flow available for debt service, volatile currencies and 10-day 99% VaR.",
    keywords: FX_KEYWORDS,
    policySchema: FxPolicySchema,
    knowledge,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    isRequired: isFxRequired,
    dependsOn: () => [],
    subQuestion: fxSubQuestion,
    run: ({ case: c, policy, question, dataGap, dataConflict }) => {
      // Without a case (a question only) there is no mismatch to measure; assessFx says the same without financials.
      if (!c) return { findings: [dataGap(["borrower.financials"], NO_FINANCIALS_MESSAGE)] };
      const assessment = assessFx(c, policy, dataGap, dataConflict);
      const findings = isJapanese(question) ? assessment.findings.map((f) => withJapaneseCitation(knowledge, f)) : assessment.findings;
      return { findings, metrics: assessment.metrics, notes: assessment.notes };
    },
  });
}

function withJapaneseCitation(kb: KnowledgeBase, finding: ExpertFinding): ExpertFinding {
  const first = finding.citations[0];
  const ja = first ? japaneseCounterpart(kb, first, finding.ruleId) : undefined;
  return ja ? { ...finding, citations: [...finding.citations, ja] } : finding;
}

/** The FX expert with the shipped knowledge documents. */
export const fxExpert = createFxExpert();
