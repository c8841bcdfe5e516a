import type { Party } from "../parties.js";
import type { DataGapFn, RuleOutcome } from "./rule-outcome.js";

/**
 * DATA-CONFLICT: a party the case gives two different countries (the
 * borrower section and its `borrower` counterparty entry disagree). Both
 * countries are screened either way; the conflict names both field paths so
 * the file can be corrected, and leaves the assessment incomplete.
 *
 * @example
 * applyPartyConflicts({ parties, dataConflict: ctx.dataConflict })
 */
export function applyPartyConflicts(input: { parties: readonly Party[]; dataConflict: DataGapFn }): RuleOutcome {
  const findings = input.parties
    .filter((p) => p.countries.length > 1)
    .map((p) =>
      input.dataConflict(
        p.entries.map((e) => `${e.path}.country`),
        {
          en: `${p.name} is given two countries: ${p.entries.map((e) => `${e.country} at ${e.path}.country`).join(" and ")}; both are screened.`,
          ja:
            `${p.name}の所在国が記載箇所によって異なります：${p.entries.map((e) => `${e.country}（${e.path}.country）`).join("、")}。` +
            "いずれの国についてもスクリーニングします。",
        },
      ),
    );
  return { findings, metrics: { partyConflicts: findings.length }, notes: [] };
}
