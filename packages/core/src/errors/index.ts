/** @kyocho/core/errors — the error base and its exit codes: user input apart from internal failures. */
export { KyochoError, UserInputError, PlanValidationError, InternalError, exitCodeFor } from "./kyocho-error.js";
