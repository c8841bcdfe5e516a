/**
 * The base of every error kyocho raises on purpose. `code` is stable and
 * machine-readable; `exitCode` is what the CLI exits with, decided here in one
 * place so that every entry point agrees.
 *
 * @example
 * try { loadCaseFile("deal.json") } catch (e) {
 *   if (e instanceof KyochoError) process.exitCode = e.exitCode;
 * }
 */
export abstract class KyochoError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: 1 | 2;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The caller gave us something wrong: a malformed case file, a bad policy, a
 * cyclic plan. `path` names the offending field (`facility.amount`,
 * `plan.tasks[1].dependsOn`), so the message can say exactly what to fix.
 *
 * @example
 * throw new UserInputError("must be positive", { path: "facility.tenorYears", source: "case file deal.json" });
 */
export class UserInputError extends KyochoError {
  readonly code: string;
  readonly exitCode = 2 as const;
  readonly path: string | undefined;
  readonly source: string | undefined;

  constructor(reason: string, options: { path?: string; source?: string; code?: string; cause?: unknown } = {}) {
    const where = [options.source, options.path].filter(Boolean).join(": ");
    super(where ? `${where}: ${reason}` : reason, { cause: options.cause });
    this.code = options.code ?? "BAD_INPUT";
    this.path = options.path;
    this.source = options.source;
  }
}

/** A plan that cannot run: a cycle, an unknown expert, a dangling dependency. */
export class PlanValidationError extends UserInputError {
  constructor(reason: string, path: string) {
    super(reason, { path, source: "plan", code: "BAD_PLAN" });
  }
}

/** Something inside kyocho broke; not the caller's fault. */
export class InternalError extends KyochoError {
  readonly code = "INTERNAL";
  readonly exitCode = 1 as const;
}

/** Maps any thrown value to the exit code the CLI should use. */
export function exitCodeFor(error: unknown): 1 | 2 {
  return error instanceof KyochoError ? error.exitCode : 1;
}
