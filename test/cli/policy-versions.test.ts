import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const ask = (extra: string[]) => {
  const r = runCli(["ask", "--case", "examples/cases/acquisition-finance.yaml", "--json", "--quiet", ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { policy: { id: string }; findings: { ruleId: string; severity: string }[] };
};

describe("Reference Policy v2 is the default; v1 stays loadable for comparison", () => {
  it("runs the same deal under both, with v1's own thresholds where v1 had a rule", () => {
    const v2 = ask([]);
    const v1 = ask(["--policy", "councils/reference/policies/reference-v1.yaml"]);
    expect(v2.policy.id).toBe("reference-v2");
    expect(v1.policy.id).toBe("reference-v1");
    // The target's pending KYC: medium under v2 (a condition precedent), high under v1.
    expect(v2.findings.find((f) => f.ruleId === "LEG-KYC")?.severity).toBe("medium");
    expect(v1.findings.find((f) => f.ruleId === "LEG-KYC")?.severity).toBe("high");
  });
});
