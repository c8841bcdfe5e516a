import { defineExpert, type Expert, type ExpertFinding, type KnowledgeBase } from "@kyocho/core";
import { assessFx } from "./fx-assessment.js";
import { foreignCurrencies } from "./fx-inputs.js";
import { FX_KEYWORDS } from "./fx-keywords.js";
import { japaneseCounterpart, loadFxKnowledge } from "./fx-knowledge.js";
import { FxPolicySchema, type FxPolicy } from "./fx-policy.js";
import { isFxRequired } from "./fx-required.js";
import { fxSubQuestion, isJapanese } from "./fx-sub-question.js";

/** Options of {@link createFxExpert}. */
export interface FxExpertOptions {
  /** Replaces the shipped knowledge documents (a bank's own FX manual, say). */
  knowledge?: KnowledgeBase;
  /** Per-run time limit in milliseconds. */
  timeoutMs?: number;
}

/**
 * Creates the FX expert: hedge ratios, stress loss and volatility of the
 * borrower's currency exposures under the policy's FX-HEDGE, FX-STRESS and
 * FX-VOL rules, plus a 10-day 99% VaR. Its `hedgeRatio.<CUR>` metrics are read
 * by the lending expert's FX-stressed DSCR.
 *
 * @example
 * const fx = createFxExpert();
 * const result = await fx.run({ assessmentId: "a1", task, case: c, policy, dependencies: {} });
 * result.metrics["hedgeRatio.USD"] // 0.4
 */
export function createFxExpert(options: FxExpertOptions = {}): Expert<FxPolicy> {
  const knowledge = options.knowledge ?? loadFxKnowledge();
  return defineExpert<FxPolicy>({
    name: "fx",
    domain: "fx",
    description:
      "Foreign exchange: hedge ratio per currency, stress loss against EBITDA, volatile currencies and 10-day 99% VaR.",
    keywords: FX_KEYWORDS,
    policySchema: FxPolicySchema,
    knowledge,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    isRequired: isFxRequired,
    dependsOn: () => [],
    subQuestion: fxSubQuestion,
    run: ({ case: c, policy, question, dataGap }) => {
      if (!c?.fx) {
        if (c && isFxRequired(c)) {
          const currencies = foreignCurrencies(c).join(", ");
          return {
            findings: [
              dataGap(
                ["fx.exposures"],
                `The case is exposed to ${currencies} (facility or revenue) but has no fx section: ` +
                  "list the currency exposures and their hedges (fx.exposures, fx.hedges) so FX-HEDGE, FX-STRESS and FX-VOL can be evaluated.",
              ),
            ],
          };
        }
        return {
          findings: [
            dataGap(
              ["fx.exposures", "marketData"],
              "No FX data: to measure hedge ratios, the stress loss and the VaR, provide the currency exposures " +
                "and hedges (fx.exposures, fx.hedges) and a spot and volatility per currency (marketData).",
            ),
          ],
        };
      }
      const assessment = assessFx(c, policy, dataGap);
      const findings = isJapanese(question)
        ? assessment.findings.map((f) => withJapaneseCitation(knowledge, f))
        : assessment.findings;
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
