import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import { HttpProblem } from "../problem.js";

/** 413 for a request body over `maxBytes` (the case-file limit, `KYOCHO_MAX_FILE_BYTES`), before it is parsed. */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpProblem(413, "Content too large", `the request body is over ${maxBytes} bytes (KYOCHO_MAX_FILE_BYTES)`);
    },
  });
}
