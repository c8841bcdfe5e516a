import { defineExpert } from "@kyocho/expert-kit";
import { spotOf } from "@kyocho/core/case";
import type { Case, Expert } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import type { KnowledgeBase } from "@kyocho/knowledge";
import { MARKETS_KEYWORDS } from "./markets-keywords.js";
import { loadMarketsKnowledge } from "./markets-knowledge.js";
import { MarketsPolicySchema, type MarketsPolicy } from "./markets-policy.js";
import { bookPositions, valueInBase } from "./calculators/book-positions.js";
import { spotGaps } from "./rules/spot-gap.js";
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
 * `markets.positions`. Each position's marketValue, dv01 and adv are in its
 * own currency (default the base currency B) and converted into B at its
 * spot; a missing spot is a DATA-GAP naming `marketData.<C>.spot`.
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
      "Market risk of the bank's positions: loss on a parallel interest-rate move either way (signed DV01, swaps included), issuer concentration against the whole book (largest share, HHI, grouped by issuerId; sovereigns count in the book, never as a single name) and liquidity against average daily traded value.",
    keywords: MARKETS_KEYWORDS,
    policySchema: MarketsPolicySchema,
    knowledge: options.knowledge ?? loadMarketsKnowledge(),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    isRequired: marketsRequired,
    dependsOn: () => [],
    subQuestion: marketsSubQuestion,
    run: ({ case: c, policy, dataGap }) => {
      const positions = c?.markets?.positions ?? [];
      if (!c || positions.length === 0) {
        return {
          findings: [
            dataGap(["markets.positions"], {
              en:
                "No market positions in the case: list each position (id, issuer, kind, currency, marketValue, dv01 or " +
                "modifiedDuration for bonds, loans and swaps, adv, sovereign) to assess rate sensitivity, concentration and liquidity.",
              ja:
                "ケースに保有ポジションがありません。金利感応度・集中・流動性を評価するには、各ポジション（id、発行体、種類、通貨、" +
                "時価、債券・貸出・スワップの DV01 または修正デュレーション、1日平均売買代金、ソブリンか否か）を記載してください。",
            }),
          ],
          metrics: {},
        };
      }
      const base = c.bank.baseCurrency;
      const book = bookPositions(positions, base, (currency) => spotOf(c, currency));
      const outcomes: RuleOutcome[] = [
        { findings: [], gaps: spotGaps(book, base), metrics: {}, notes: [] },
        evaluateRateRule(book, policy.rules["MKT-RATE"], base),
        evaluateConcentrationRule(book, policy.rules["MKT-CONC"], base),
        evaluateLiquidityRule(positions, policy.rules["MKT-LIQ"]),
      ];
      const values = book.map(valueInBase);
      const known = values.every((v) => v !== undefined);
      const findings: ExpertFinding[] = [];
      const metrics: Record<string, number | null> = {
        totalMarketValue: known ? values.reduce((sum: number, v) => sum + v, 0) : null,
        grossMarketValue: known ? values.reduce((sum: number, v) => sum + Math.abs(v), 0) : null,
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
