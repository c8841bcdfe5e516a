/**
 * An HTTP error as RFC 9457 problem details (`application/problem+json`): what every route and middleware
 * throws for a refusal, so the one error handler writes each the same way and never a stack trace.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string | undefined;
  /** For bad input: each field at fault, by its path in the request (`case.facility.amount`). */
  errors?: Array<{ path: string; message: string }> | undefined;
}

/** A refusal with its HTTP status; thrown by routes and middleware, written by the problem handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: ProblemDetails["errors"]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

/** The problem `type` URI of a status: a relative reference into the service's own documentation namespace. */
export function problemType(status: number): string {
  return `/problems/${status}`;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** A problem+json response. */
export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { "content-type": PROBLEM_CONTENT_TYPE, ...headers } });
}
