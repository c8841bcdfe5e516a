/**
 * @kyocho/whatif — policy change impact: what changed between two policies,
 * in words a risk officer reads, and what a candidate policy would have done
 * to a book of cases (decision matrix, changed cases and why, rules,
 * exposure by decision), streamed, with worker threads for large inputs.
 */
export { diffPolicies, type PolicyChange } from "./policy-diff.js";
export { compareAssessments, outcomeChanged, type CaseComparison, type ChangedCase, type FindingChange, type Outcome } from "./case-comparison.js";
export {
  runWhatIf,
  assessPair,
  whatIfPolicies,
  DEFAULT_MAX_CHANGED_KEPT,
  type RunWhatIfOptions,
  type WhatIfCase,
  type WhatIfInput,
  type WhatIfInputError,
  type ChangedCaseWithAssessments,
  type PairResult,
} from "./run-whatif.js";
export { WhatIfTally, type WhatIfSummary, type WhatIfPolicies } from "./whatif-tally.js";
export { orderedMap } from "./ordered-map.js";
export { type WhatIfReport, EMBEDDED_NOTE } from "./whatif-report.js";
export { renderWhatIfText } from "./render-whatif-text.js";
export { renderWhatIfMarkdown } from "./render-whatif-markdown.js";
export { renderWhatIfHtml } from "./render-whatif-html.js";
