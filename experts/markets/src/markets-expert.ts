import { defineExpert, type Case, type Expert, type ExpertFinding, type KnowledgeBase } from "@kyocho/core";
import { MARKETS_KEYWORDS } from "./markets-keywords.js";
import { loadMarketsKnowledge } from "./markets-knowledge.js";
import { MarketsPolicySchema, type MarketsPolicy } from "./markets-policy.js";
import { evaluateConcentrationRule } from "./rules/concentration-rule.js";
import { evaluateLiquidityRule } from "./rules/liquidity-rule.js";
import { evaluateRateRule } from "./rules/rate-rule.js";
import type { RuleOutcome } from "./rules/rule-outcome.js";
import { marketsSubQuestion } from "./sub-question.js";

/** Options of {@link createMarketsExpert}. */
export interface MarketsExpertOptions {
  /** Knowledge documents to use instead of the shipped ones. */
  knowledge?: KnowledgeBase;
  /** Per-run time limit in milliseconds (core default 30 s). */
  timeoutMs?: number;
}

/**
 * True when the case holds at least one market position: the markets expert
 * is then required (an empty list calls for nothing).
 *
 * @example
 * marketsRequired(parseCase({ markets: { positions: [] } })) // false
 */
export function marketsRequired(c: Case): boolean {
  return (c.markets?.positions.length ?? 0) > 0;
}

/**
 * Creates the markets expert: interest-rate sensitivity (MKT-RATE), issuer
 * concentration (MKT-CONC) and position liquidity (MKT-LIQ) over
 * `markets.positions`, all amounts in the bank's base currency.
 *
 * @example
 * const markets = createMarketsExpert();
 * const result = await markets.run({ assessmentId, task, case: c, policy, dependencies: {} });
 */
export function createMarketsExpert(options: MarketsExpertOptions = {}): Expert<MarketsPolicy> {
  return defineExpert<MarketsPolicy>({
    name: "markets",
    domain: "markets",
    description:
      "Market risk of the bank's positions: loss on a parallel interest-rate rise (duration), issuer concentration (largest share, HHI) and liquidity against average daily traded value.",
    keywords: MARKETS_KEYWORDS,
    policySchema: MarketsPolicySchema,
    knowledge: options.knowledge ?? loadMarketsKnowledge(),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    isRequired: marketsRequired,
    dependsOn: () => [],
    subQuestion: marketsSubQuestion,
    run: ({ case: c, policy, dataGap }) => {
      const positions = c?.markets?.positions ?? [];
      if (positions.length === 0) {
        return {
          findings: [
            dataGap(
              ["markets.positions"],
              "No market positions in the case: list each position (id, issuer, kind, marketValue in base currency, " +
                "modifiedDuration for bonds and loans, adv) to assess rate sensitivity, concentration and liquidity.",
            ),
          ],
          metrics: {},
        };
      }
      const currency = c?.bank.baseCurrency ?? "JPY";
      const outcomes: RuleOutcome[] = [
        evaluateRateRule(positions, policy.rules["MKT-RATE"], currency),
        evaluateConcentrationRule(positions, policy.rules["MKT-CONC"]),
        evaluateLiquidityRule(positions, policy.rules["MKT-LIQ"]),
      ];
      const findings: ExpertFinding[] = [];
      const metrics: Record<string, number | null> = {
        totalMarketValue: positions.reduce((sum, p) => sum + p.marketValue, 0),
      };
      const notes: string[] = [];
      for (const outcome of outcomes) {
        findings.push(...outcome.gaps.map((gap) => dataGap(gap.fields, gap.message)), ...outcome.findings);
        Object.assign(metrics, outcome.metrics);
        notes.push(...outcome.notes);
      }
      return { findings, metrics, notes };
    },
  });
}

/** The markets expert with the shipped knowledge documents. */
export const marketsExpert = createMarketsExpert();
