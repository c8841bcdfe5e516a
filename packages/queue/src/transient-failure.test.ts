import { describe, expect, it } from "vitest";
import { isTransientFailure } from "./transient-failure.js";

const failed = (code: string, message: string) => ({ status: "failed" as const, error: { code, message } });

describe("isTransientFailure", () => {
  it("retries timeouts and unreachable model servers", () => {
    expect(isTransientFailure(failed("TIMEOUT", "timed out after 30000 ms"))).toBe(true);
    expect(isTransientFailure(failed("EXPERT_ERROR", "connect ECONNREFUSED 10.0.0.5:8000"))).toBe(true);
    expect(isTransientFailure(failed("EXPERT_ERROR", "503 Service Unavailable"))).toBe(true);
    expect(isTransientFailure(failed("EXPERT_ERROR", "429 Too Many Requests: rate limit"))).toBe(true);
  });

  it("reports at once what would fail again", () => {
    expect(isTransientFailure(failed("BAD_OUTPUT", "expert output broke the contract"))).toBe(false);
    expect(isTransientFailure(failed("BAD_INPUT", "policy experts.fx: missing"))).toBe(false);
    expect(isTransientFailure(failed("EXPERT_ERROR", "Cannot read properties of undefined"))).toBe(false);
    expect(isTransientFailure({ status: "ok" })).toBe(false);
  });
});
