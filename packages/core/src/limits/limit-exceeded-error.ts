import { UserInputError } from "../errors/kyocho-error.js";
import { LIMIT_ENV, type LimitName } from "./limits-schema.js";

/**
 * An input over one of the configured limits. The message names the field,
 * the size, the limit and the variable that raises it, so the fix is plain;
 * it is a user error (exit code 2, code `LIMIT_EXCEEDED`).
 *
 * @example
 * throw new LimitExceededError("maxPositions", { actual: 12_000, max: 10_000, unit: "positions", path: "markets.positions", source: "case file deal.yaml" });
 * // case file deal.yaml: markets.positions: 12,000 positions, over the limit of 10,000 (maxPositions; set KYOCHO_MAX_POSITIONS to change it)
 */
export class LimitExceededError extends UserInputError {
  readonly limit: LimitName;
  readonly actual: number;
  readonly max: number;

  constructor(
    limit: LimitName,
    details: { actual: number; max: number; unit: string; path?: string | undefined; source?: string | undefined; atLeast?: boolean },
  ) {
    const size = `${details.atLeast ? "more than " : ""}${count(details.actual)} ${details.unit}`;
    super(`${size}, over the limit of ${count(details.max)} (${limit}; set ${LIMIT_ENV[limit]} to change it)`, {
      ...(details.path !== undefined ? { path: details.path } : {}),
      ...(details.source !== undefined ? { source: details.source } : {}),
      code: "LIMIT_EXCEEDED",
    });
    this.limit = limit;
    this.actual = details.actual;
    this.max = details.max;
  }
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
