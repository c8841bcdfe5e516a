/**
 * @kyocho/server — the kyocho HTTP service (Hono): assessments, their live events, sign-offs and the
 * reports over HTTP, with bearer tokens from a tokens file, body/rate/time limits, Prometheus metrics and
 * an OpenAPI 3.1 document generated from the schemas that validate the requests. The council, store,
 * tokens and metrics are passed in; `kyocho serve` builds them.
 */
export { createService, DEFAULT_RATE_LIMIT, DEFAULT_REQUEST_TIMEOUT_MS, type Service, type ServiceOptions } from "./service.js";
export { startService, type RunningService } from "./start-service.js";
export { readTokensFile, tokenRegistry, TokenEntrySchema, TokensFileSchema, type TokenEntry, type TokenRegistry } from "./tokens/tokens-file.js";
export { newToken, tokenSha256 } from "./tokens/token-hash.js";
export { ROLE_PATTERN, type Identity } from "./tokens/identity.js";
export { ServiceMetrics } from "./metrics/service-metrics.js";
export { HttpProblem, type ProblemDetails } from "./problem.js";
export type { QueueDepthSource, ReadinessCheck, SignAssessment } from "./service-deps.js";
export type { RateLimit } from "./middleware/rate-limit.js";
