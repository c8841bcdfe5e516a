import type { Assessment } from "@kyocho/core";
import type { SignoffRequestInput } from "@kyocho/core/assessment";
import type { Limits } from "@kyocho/core/limits";
import type { Council } from "@kyocho/council";
import type { AssessmentStore } from "@kyocho/store";
import type { AssessmentRuns } from "./assessment-runs.js";
import type { ServiceMetrics } from "./metrics/service-metrics.js";
import type { TokenRegistry } from "./tokens/tokens-file.js";

/**
 * Signs a stored assessment for the signer in `request` (reserve the signature in the record, resume the
 * council's thread, record the result) and returns the assessment after the signature; refusals are a
 * `SignoffRefusedError` or an "already signed" `UserInputError`. The CLI passes the same function
 * `kyocho signoff` uses, so the rules live in one place.
 */
export type SignAssessment = (assessmentId: string, request: SignoffRequestInput) => Promise<Assessment>;

/** Jobs on the expert queues, by expert and state, for `/metrics` (with `--queue`). */
export type QueueDepthSource = () => Promise<Array<{ expert: string; state: string; count: number }>>;

/** A readiness check: resolves when the dependency answers, rejects (with a message, no secret) when not. */
export type ReadinessCheck = () => Promise<void>;

/** What the routes share. */
export interface RouteDeps {
  council: Council;
  store: AssessmentStore;
  runs: AssessmentRuns;
  sign: SignAssessment | undefined;
  metrics: ServiceMetrics;
  tokens: TokenRegistry | undefined;
  limits: Limits;
  readiness: Record<string, ReadinessCheck>;
  queueDepth: QueueDepthSource | undefined;
  now: () => Date;
  /** How often an idle event stream gets a keep-alive comment. */
  sseKeepAliveMs: number;
}
