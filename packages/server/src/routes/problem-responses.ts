import { ProblemSchema } from "../schemas.js";

/** The problem+json responses a route may answer, for its OpenAPI description. */
export function problemResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed request",
    401: "No token, or a token not in the tokens file",
    403: "The token's roles do not allow this",
    404: "No such assessment",
    409: "Refused by the sign-off rules, or the assessment is not in a state for this",
    413: "The body is over the case-file limit",
    422: "Bad input; errors[].path names each field",
    429: "Rate limit reached; see Retry-After",
    500: "Internal failure",
    503: "Timed out (the assessment keeps running: poll its Location) or not ready",
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? "Error", content: { "application/problem+json": { schema: ProblemSchema } } }]),
  ) as Record<number, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }>;
}

/** Every authenticated route's: no/bad token, wrong role, rate limit, internal failure. */
export const AUTH_PROBLEMS = [401, 403, 429, 500] as const;
