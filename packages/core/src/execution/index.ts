/** @kyocho/core/execution — how a sub-task reaches an expert: the executor contract and the in-process executor. */
export { type ExpertExecutor, type ExecuteOptions } from "./expert-executor.js";
export { InProcessExecutor, type ExpertModels } from "./in-process-executor.js";
