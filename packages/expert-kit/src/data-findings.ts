import { DATA_CONFLICT_RULE_ID, DATA_GAP_RULE_ID } from "@kyocho/core/assessment";
import type { MergePolicy } from "@kyocho/core/policy";
import { english, japaneseForm, type LocalizedText } from "@kyocho/core/policy";
import type { ExpertFinding } from "@kyocho/core/expert";

/** The `dataGap` and `dataConflict` an expert's run receives. */
export interface DataFindings {
  /** A DATA-GAP finding naming the missing field paths. */
  dataGap: (fields: string[], message: LocalizedText) => ExpertFinding;
  /** A DATA-CONFLICT finding naming the field paths whose values cannot both be true. */
  dataConflict: (fields: string[], message: LocalizedText) => ExpertFinding;
}

/**
 * The DATA-GAP and DATA-CONFLICT findings every expert writes the same way,
 * at the severities the policy's merge section gives them, with a Japanese
 * form when the message has one. `defineExpert` hands them to each run; an
 * expert's rule tests can build the same findings with them.
 *
 * @example
 * const { dataGap } = dataFindings(policy.merge);
 * dataGap(["borrower.country"], { en: "The borrower's country is missing", ja: "借り手の国がありません" });
 */
export function dataFindings(merge: Pick<MergePolicy, "dataGapSeverity" | "dataConflictSeverity">): DataFindings {
  return {
    dataGap: (fields, message) => ({
      ruleId: DATA_GAP_RULE_ID,
      severity: merge.dataGapSeverity,
      title: "Data gap",
      message: english(message),
      metrics: {},
      citations: [],
      fields,
      ...withJapanese({ en: "Data gap", ja: "データ不足" }, message),
    }),
    dataConflict: (fields, message) => ({
      ruleId: DATA_CONFLICT_RULE_ID,
      severity: merge.dataConflictSeverity,
      title: "Data conflict",
      message: english(message),
      metrics: {},
      citations: [],
      fields,
      ...withJapanese({ en: "Data conflict", ja: "データの矛盾" }, message),
    }),
  };
}

function withJapanese(title: { en: string; ja: string }, message: LocalizedText): { ja?: { title: string; message: string } } {
  const ja = japaneseForm(title, message);
  return ja ? { ja } : {};
}
