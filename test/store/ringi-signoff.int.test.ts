import { afterAll, describe, expect, it } from "vitest";
import { storeBackends } from "./helpers/store-backends.js";
import { runCli } from "../helpers/run-cli.js";

// The 稟議 end to end through the command line, on each back-end: ask → awaiting sign-off → refusals → two committee
// signatures → final, with the record, history and show agreeing.
const CASE_FILE = "examples/cases/acquisition-finance.yaml";
const stores = storeBackends("ringi");

const backends = stores.env;
const finals: Record<string, unknown> = {};

afterAll(() => stores.drop());

describe.each(Object.entries(backends))("the 稟議 on %s", (name, env) => {
  it("waits for the committee, refuses what the rules forbid, and records two signatures", () => {
    const asked = runCli(["ask", "--case", CASE_FILE, "--json", "--requested-by", "tanaka"], { env });
    expect(asked.code, asked.stderr).toBe(0);
    const assessment = JSON.parse(asked.stdout) as { id: string; decision: string; signoff: { status: string; required: { role: string } } };
    expect(assessment.decision).toBe("escalate");
    expect(assessment.signoff).toMatchObject({ status: "awaiting_signoff", required: { role: "credit_committee", signatures: 2 } });
    expect(asked.stderr).toContain(`kyocho: stored assessment ${assessment.id} (awaiting_signoff)`);

    const sign = (who: string, role: string, decision: string, ...more: string[]) =>
      runCli(["signoff", assessment.id, "--as", who, "--role", role, "--decision", decision, ...more], { env });
    const refusals = [
      sign("tanaka", "credit_committee", "decline"), // the requester (four eyes)
      sign("sato", "credit_department", "decline"), // below the authority
      sign("sato", "credit_committee", "approve"), // more lenient than escalate, without a reason
    ];
    for (const r of refusals) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(refusals.map((r) => r.stderr.trim().split("\n").length)).toEqual([1, 1, 1]);
    // Nothing a refusal wrote: still no signature.
    expect(JSON.parse(runCli(["show", assessment.id, "--json"], { env }).stdout)).toMatchObject({ status: "awaiting_signoff", signoffs: [] });

    const first = sign("sato", "credit_committee", "approve_with_conditions", "--condition", "Hedge 50% of the USD debt", "--reason", "Sponsor letter");
    expect(first.code, first.stderr).toBe(0);
    expect(sign("sato", "credit_committee", "approve_with_conditions", "--reason", "again").code).toBe(2); // one person, one signature
    const second = sign("suzuki", "credit_committee", "approve_with_conditions", "--condition", "Quarterly FX report", "--reason", "Hedge covenant");
    expect(second.code, second.stderr).toBe(0);

    const shown = JSON.parse(runCli(["show", assessment.id, "--json"], { env }).stdout) as Record<string, any>;
    expect(shown.status).toBe("approved_with_conditions");
    expect(shown.signoffs.map((s: { signer: string; role: string }) => `${s.signer}/${s.role}`)).toEqual(["sato/credit_committee", "suzuki/credit_committee"]);
    expect(shown.assessment.signoff.status).toBe("approved_with_conditions");
    expect(shown.assessment.signoff.signatures.every((s: { override: boolean }) => s.override)).toBe(true);

    const listed = JSON.parse(runCli(["history", "--status", "approved_with_conditions", "--json"], { env }).stdout) as Array<{ id: string }>;
    expect(listed.map((r) => r.id)).toEqual([assessment.id]);
    finals[name] = shown.signoffs.map(({ signedAt: _t, ...s }: Record<string, unknown>) => s);
  });
});

describe("both back-ends", () => {
  it("hold the same signatures", () => {
    expect(finals.sqlite).toBeDefined();
    expect(finals.postgres).toEqual(finals.sqlite);
  });
});
