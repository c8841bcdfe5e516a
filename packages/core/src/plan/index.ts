/** @kyocho/core/plan — plans and their validation, the schedule, the planner contract and the embedded (keyword) planner. */
export {
  SubTaskSchema,
  PlanSchema,
  TaskDependencySchema,
  waitsForAnswer,
  type SubTask,
  type SubTaskInput,
  type Plan,
  type PlanInput,
  type TaskDependency,
} from "./plan-schema.js";
export { taskDependencies } from "./task-dependencies.js";
export { validatePlan, findCycle } from "./plan-validation.js";
export { nextStep, type ScheduleStep } from "./schedule.js";
export { type Planner, type PlanRequest, type PlanningContext } from "./planner.js";
export {
  EmbeddedPlanner,
  planEmbedded,
  routeEmbedded,
  explainRouting,
  orderByDependencies,
  type EmbeddedPlannerOptions,
  type EmbeddedRouting,
} from "./embedded-planner.js";
export { requiredExperts, requiredExpertReasons, mandatoryExpertsFor } from "./required-experts.js";
export { keywordMatches } from "./keyword-match.js";
export { prepareMatchText, termMatches, type MatchText } from "./match-text.js";
export { lightStem } from "./light-stem.js";
export { buildVocabularies, matchVocabulary, type ExpertVocabulary, type VocabularyHits } from "./expert-vocabulary.js";
export { proposedSections, SECTION_SIGNALS, type SectionSignal, type ProposedSection } from "./proposed-sections.js";
