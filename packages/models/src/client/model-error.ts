import { KyochoError } from "@kyocho/core";

/** Why a model request failed: codes are stable, for notes and audit lines. */
export type ModelCallErrorCode = "MODEL_TIMEOUT" | "MODEL_HTTP_ERROR" | "MODEL_UNREACHABLE" | "MODEL_ABORTED" | "MODEL_BAD_RESPONSE" | "MODEL_DISCOVERY";

/**
 * A model endpoint misbehaved or could not be reached: a system or model
 * failure, not the caller's mistake. The model-backed expert path turns it
 * into a fallback to the deterministic result, never a crash.
 *
 * @example
 * throw new ModelCallError("MODEL_HTTP_ERROR", "HTTP 500 from 127.0.0.1:8000: overloaded", { status: 500, retryable: true });
 */
export class ModelCallError extends KyochoError {
  readonly exitCode = 1 as const;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  /** HTTP requests made before giving up. */
  attempts = 1;

  constructor(
    readonly code: ModelCallErrorCode,
    message: string,
    options: { status?: number | undefined; retryable?: boolean; retryAfterMs?: number | undefined; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}
