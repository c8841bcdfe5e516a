import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { UserInputError } from "@kyocho/core";
import { SignoffRefusedError } from "@kyocho/council";
import { HttpProblem, problemResponse, problemType, type ProblemDetails } from "../problem.js";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

/** The sign-off codes that mean "refused by the rules or by a concurrent signer", not bad input: 409. */
const CONFLICT_CODES = new Set(["ALREADY_SIGNED"]);

/**
 * Any thrown value as problem details. Kyocho's input errors name their field (`errors[].path`); the
 * sign-off's refusals are conflicts with the rule's message; anything else is a 500 whose detail says
 * nothing of the internals (the message is logged, never the stack, never sent).
 */
export function problemOf(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof HttpProblem)
    return {
      type: problemType(error.status),
      title: TITLES[error.status] ?? "Error",
      status: error.status,
      detail: error.detail,
      instance,
      errors: error.extra.errors,
    };
  if (error instanceof SignoffRefusedError || (error instanceof UserInputError && CONFLICT_CODES.has(error.code)))
    return { type: problemType(409), title: TITLES[409]!, status: 409, detail: error.message, instance };
  if (error instanceof UserInputError)
    return {
      type: problemType(422),
      title: TITLES[422]!,
      status: 422,
      detail: error.message,
      instance,
      errors: [{ path: error.path ?? "", message: error.message }],
    };
  if (error instanceof HTTPException)
    return { type: problemType(error.status), title: TITLES[error.status] ?? "Error", status: error.status, detail: error.message, instance };
  return { type: problemType(500), title: TITLES[500]!, status: 500, detail: "the service failed on this request; the server log says why", instance };
}

/** The app's error handler: every error as `application/problem+json`, internal ones logged by message only. */
export function problemErrors(log: (line: string) => void) {
  return (error: unknown, c: Context): Response => {
    const problem = problemOf(error, new URL(c.req.url).pathname);
    if (problem.status >= 500) log(`error on ${c.req.method} ${new URL(c.req.url).pathname}: ${error instanceof Error ? error.message : String(error)}`);
    const headers = error instanceof HttpProblem ? (error.extra.headers ?? {}) : {};
    return problemResponse(problem, headers);
  };
}

/** The not-found handler: a problem, like every other error. */
export function notFound(c: Context): Response {
  const path = new URL(c.req.url).pathname;
  return problemResponse({ type: problemType(404), title: TITLES[404]!, status: 404, detail: `no route ${c.req.method} ${path}`, instance: path });
}
