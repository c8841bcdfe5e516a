import { UserInputError } from "../errors/kyocho-error.js";
import { describeFirstIssue } from "../validation/format-issues.js";
import { LIMIT_ENV, LimitsSchema, type LimitName, type Limits } from "./limits-schema.js";

/**
 * The limits an entry point runs with: the defaults, each replaced by its
 * `KYOCHO_MAX_*` variable when set (a positive integer; `_` allowed as a
 * thousands separator). A bad value is a user error naming the variable.
 *
 * @example
 * limitsFromEnv({ KYOCHO_MAX_POSITIONS: "50_000" }).maxPositions // 50000
 * limitsFromEnv({ KYOCHO_MAX_POSITIONS: "lots" }) // throws: environment: KYOCHO_MAX_POSITIONS: must be a positive integer, not "lots"
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const raw: Partial<Record<LimitName, number>> = {};
  for (const [name, variable] of Object.entries(LIMIT_ENV) as Array<[LimitName, string]>) {
    const text = env[variable]?.trim();
    if (!text) continue;
    if (!/^\d[\d_]*$/.test(text)) throw new UserInputError(`must be a positive integer, not "${text.slice(0, 40)}"`, { source: "environment", path: variable });
    raw[name] = Number(text.replaceAll("_", ""));
  }
  const parsed = LimitsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { path, reason } = describeFirstIssue(parsed.error);
  throw new UserInputError(reason, { source: "environment", path: LIMIT_ENV[path as LimitName] ?? path });
}
