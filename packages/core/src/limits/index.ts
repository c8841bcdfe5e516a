/** @kyocho/core/limits — input limits (case size, question length), from defaults or the environment. */
export { LimitsSchema, DEFAULT_LIMITS, LIMIT_ENV, type Limits, type LimitName } from "./limits-schema.js";
export { LimitExceededError } from "./limit-exceeded-error.js";
export { checkCaseLimits, checkQuestionLimit } from "./check-limits.js";
export { limitsFromEnv } from "./limits-from-env.js";
