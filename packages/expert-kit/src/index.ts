/**
 * @kyocho/expert-kit — `defineExpert`: an expert from a name, keywords, a
 * policy section, knowledge documents and a deterministic `run`; the model
 * consultation on top of its facts comes with it.
 */
export { defineExpert } from "./define-expert.js";
export { dataFindings, type DataFindings } from "./data-findings.js";
// What an expert author writes against, so that `@kyocho/expert-kit` alone is enough to define one.
export type { ExpertDefinition, ExpertRunContext, ExpertOutput, ExpertFinding } from "@kyocho/core/expert";
