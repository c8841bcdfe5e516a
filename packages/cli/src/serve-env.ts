import { UserInputError } from "@kyocho/core";

/** The service's limits from the environment, each a positive integer (a bad value is exit 2 naming the variable). */
export interface ServeEnv {
  /** `KYOCHO_TOKENS_FILE`: the tokens file; unset: no tokens (loopback only, the local analyst). */
  tokensFile: string | undefined;
  /** `KYOCHO_RATE_LIMIT` requests per identity per `KYOCHO_RATE_WINDOW_SECONDS`; default 120 per 60 s. */
  rateLimit: { requests: number; windowMs: number };
  /** `KYOCHO_REQUEST_TIMEOUT_SECONDS`: a request answered 503 after it (its assessment keeps running); default 120. */
  requestTimeoutMs: number;
}

export const SERVE_ENV_DEFAULTS = { rateLimit: 120, rateWindowSeconds: 60, requestTimeoutSeconds: 120 } as const;

export function serveEnv(env: NodeJS.ProcessEnv = process.env): ServeEnv {
  const tokensFile = env.KYOCHO_TOKENS_FILE?.trim() || undefined;
  return {
    tokensFile,
    rateLimit: {
      requests: positive(env, "KYOCHO_RATE_LIMIT", SERVE_ENV_DEFAULTS.rateLimit),
      windowMs: positive(env, "KYOCHO_RATE_WINDOW_SECONDS", SERVE_ENV_DEFAULTS.rateWindowSeconds) * 1000,
    },
    requestTimeoutMs: positive(env, "KYOCHO_REQUEST_TIMEOUT_SECONDS", SERVE_ENV_DEFAULTS.requestTimeoutSeconds) * 1000,
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new UserInputError(`must be a positive whole number, not "${raw}"`, { source: name });
  return Number(raw);
}
