import { UserInputError, type Case } from "@kyocho/core";
import { checkQuestionLimit, type Limits } from "@kyocho/core/limits";
import type { Council } from "@kyocho/council";
import { HttpProblem } from "../problem.js";

/**
 * The case and question of a request body, validated as `kyocho ask` validates a case file and its
 * question: a bad field is a 422 whose `errors[].path` is the field's path in the body (`case.facility.amount`).
 */
export function caseInput(
  council: Council,
  limits: Limits,
  body: { question?: string | undefined; case?: unknown },
): { question: string | undefined; case: Case | undefined } {
  try {
    checkQuestionLimit(body.question, limits, { source: "request", path: "question" });
    const c = body.case === undefined ? undefined : council.parseCase(body.case, "case");
    return { question: body.question?.trim() || undefined, case: c };
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    const path = error.path === undefined || error.path === "question" || error.source === "request" ? (error.path ?? "case") : `case.${error.path}`;
    throw new HttpProblem(422, "Unprocessable content", error.message, { errors: [{ path, message: error.message }] });
  }
}
