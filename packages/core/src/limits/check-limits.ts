import { DEFAULT_LIMITS, type Limits } from "./limits-schema.js";
import { LimitExceededError } from "./limit-exceeded-error.js";

/**
 * Refuses a question longer than `maxQuestionChars` (counted in UTF-16 code
 * units, so a huge string is measured without being walked).
 *
 * @example
 * checkQuestionLimit(words.join(" "), limits, { source: "ask", path: "question" });
 */
export function checkQuestionLimit(
  question: string | undefined,
  limits: Pick<Limits, "maxQuestionChars"> = DEFAULT_LIMITS,
  where: { source?: string | undefined; path?: string | undefined } = {},
): void {
  if (question === undefined || question.length <= limits.maxQuestionChars) return;
  throw new LimitExceededError("maxQuestionChars", {
    actual: question.length,
    max: limits.maxQuestionChars,
    unit: "characters",
    path: where.path ?? "question",
    source: where.source,
  });
}

/**
 * Checks a raw case (before its schema, so an oversized one costs no
 * validation work) against the case limits: the length of its `question`
 * and the number of `markets.positions`. Anything of another shape is left
 * to the schema.
 *
 * @example
 * checkCaseLimits(JSON.parse(text), limits, "case file deal.json"); // throws LimitExceededError naming markets.positions
 */
export function checkCaseLimits(raw: unknown, limits: Pick<Limits, "maxQuestionChars" | "maxPositions"> = DEFAULT_LIMITS, source?: string): void {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return;
  const c = raw as { question?: unknown; markets?: unknown };
  if (typeof c.question === "string") checkQuestionLimit(c.question, limits, { source, path: "question" });
  const positions = (c.markets as { positions?: unknown } | null | undefined)?.positions;
  if (Array.isArray(positions) && positions.length > limits.maxPositions) {
    throw new LimitExceededError("maxPositions", { actual: positions.length, max: limits.maxPositions, unit: "positions", path: "markets.positions", source });
  }
}
