/** @kyocho/cli — the `kyocho` command, usable from code for embedding and tests. */
export { main, buildProgram } from "./main.js";
export { formatAssessment, formatNumber } from "./output/format-assessment.js";
export { formatPlan } from "./output/format-plan.js";
export { createStyle, type Style } from "./output/style.js";
export { signAssessment } from "./commands/signoff.js";
export { signoffStoreOf, type SignoffStore, type OpenSignoffStore } from "./signoff-store.js";
