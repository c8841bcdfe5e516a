import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

describe("kyocho signoff (the command line)", () => {
  it("refuses a decision that is not one, naming the option, with exit 2 and nothing on stdout", () => {
    const r = runCli(["signoff", "a-1", "--as", "sato", "--role", "credit_committee", "--decision", "maybe"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('kyocho: --decision: "maybe" is not a sign-off decision: use approve, approve_with_conditions, return, decline');
  });

  it("needs --as, --role and --decision", () => {
    const r = runCli(["signoff", "a-1", "--role", "credit_committee", "--decision", "decline"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--as <name>");
  });

  it("says plainly when no store is there to hold the assessment (exit 2, no stack)", () => {
    const r = runCli(["signoff", "a-1", "--as", "sato", "--role", "credit_committee", "--decision", "decline"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe("kyocho: signoff: needs a store, and KYOCHO_STORE is off");
  });

  it("kyocho ask prints the authority an assessment with a facility awaits, and records who asked", () => {
    const r = runCli(["ask", "--case", "examples/cases/acquisition-finance.yaml", "--quiet", "--requested-by", "tanaka"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Sign-off AWAITING credit_committee (0 of 2 signatures)");
    const json = runCli(["ask", "--case", "examples/cases/acquisition-finance.yaml", "--quiet", "--json"], { env: { KYOCHO_USER: "yamada" } });
    expect(JSON.parse(json.stdout).signoff).toMatchObject({ status: "awaiting_signoff", requestedBy: "yamada" });
  });
});
