/** @kyocho/core/expert — the expert contract: requests, run options, dependencies, the knowledge an expert cites. */
export { ExpertRequestSchema } from "./expert-request-schema.js";
export {
  type Expert,
  type ExpertDefinition,
  type ExpertRunContext,
  type ExpertOutput,
  type ExpertFinding,
  type ExpertRequest,
  type ExpertRunOptions,
  type ExpertDependency,
} from "./expert-types.js";
export type { KnowledgeSource, KnowledgePassage } from "./knowledge-source.js";
