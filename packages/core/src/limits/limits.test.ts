import { describe, expect, it } from "vitest";
import { UserInputError } from "../errors/kyocho-error.js";
import { parseCase } from "../case/load-case.js";
import { checkCaseLimits, checkQuestionLimit } from "./check-limits.js";
import { LimitExceededError } from "./limit-exceeded-error.js";
import { limitsFromEnv } from "./limits-from-env.js";
import { DEFAULT_LIMITS, LIMIT_ENV, LimitsSchema } from "./limits-schema.js";

const position = (i: number) => ({ id: `p${i}`, issuer: "Acme", kind: "bond", marketValue: 1 });

describe("limits", () => {
  it("have explicit defaults, one variable each", () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxQuestionChars: 4_000,
      maxPositions: 10_000,
      maxFileBytes: 4 * 1024 * 1024,
      maxBatchLineBytes: 4 * 1024 * 1024,
      maxJobBytes: 8 * 1024 * 1024,
    });
    expect(Object.keys(LIMIT_ENV).sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort());
    expect(() => LimitsSchema.parse({ maxPositions: 0 })).toThrow();
    expect(() => LimitsSchema.parse({ maxTypo: 1 })).toThrow();
  });

  it("are read from KYOCHO_MAX_* (thousands separators allowed); a bad value names its variable", () => {
    expect(limitsFromEnv({ KYOCHO_MAX_POSITIONS: "50_000", KYOCHO_MAX_QUESTION_CHARS: " 8000 " })).toMatchObject({
      maxPositions: 50_000,
      maxQuestionChars: 8_000,
    });
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(() => limitsFromEnv({ KYOCHO_MAX_POSITIONS: "lots" })).toThrow('environment: KYOCHO_MAX_POSITIONS: must be a positive integer, not "lots"');
    expect(() => limitsFromEnv({ KYOCHO_MAX_JOB_BYTES: "0" })).toThrow(/^environment: KYOCHO_MAX_JOB_BYTES: /);
    expect(() => limitsFromEnv({ KYOCHO_MAX_FILE_BYTES: "999999999999" })).toThrow(/^environment: KYOCHO_MAX_FILE_BYTES: Too big/);
  });

  it("refuse a long question and too many positions with the field, the size, the limit and its variable", () => {
    expect(() => checkQuestionLimit("x".repeat(4_001))).toThrow(
      "question: 4,001 characters, over the limit of 4,000 (maxQuestionChars; set KYOCHO_MAX_QUESTION_CHARS to change it)",
    );
    expect(() => checkQuestionLimit("x".repeat(4_000))).not.toThrow();
    const many = { markets: { positions: Array.from({ length: 11 }, (_, i) => position(i)) } };
    let error: unknown;
    try {
      checkCaseLimits(many, { ...DEFAULT_LIMITS, maxPositions: 10 }, "case file book.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LimitExceededError);
    expect(error).toBeInstanceOf(UserInputError);
    expect(error).toMatchObject({ code: "LIMIT_EXCEEDED", exitCode: 2, limit: "maxPositions", path: "markets.positions", actual: 11, max: 10 });
    expect((error as Error).message).toBe(
      "case file book.json: markets.positions: 11 positions, over the limit of 10 (maxPositions; set KYOCHO_MAX_POSITIONS to change it)",
    );
  });

  it("are checked by parseCase before the schema, and can be raised", () => {
    const book = { markets: { positions: Array.from({ length: 3 }, (_, i) => position(i)) } };
    const tight = { ...DEFAULT_LIMITS, maxPositions: 2 };
    expect(() => parseCase(book, { limits: tight })).toThrow(/markets\.positions: 3 positions, over the limit of 2/);
    expect(parseCase(book, { limits: { ...tight, maxPositions: 3 } }).markets!.positions).toHaveLength(3);
    // Before the schema: a case too large is refused for its size, whatever else is wrong with it.
    expect(() => parseCase({ question: "q".repeat(5_000), borower: {} })).toThrow(/question: 5,000 characters/);
    // Anything of another shape is the schema's business.
    expect(() => checkCaseLimits(["not", "a", "case"])).not.toThrow();
    expect(() => checkCaseLimits({ markets: "no" })).not.toThrow();
  });
});
