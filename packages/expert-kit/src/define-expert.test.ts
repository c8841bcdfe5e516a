import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parsePolicy } from "@kyocho/core";
import { defineExpert } from "./define-expert.js";
import type { ExpertRequest } from "@kyocho/core";

const policy = parsePolicy({
  id: "p",
  name: "P",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
  experts: { probe: { limit: 3 } },
});
const request = (role: "required" | "advisory" = "required"): ExpertRequest => ({
  assessmentId: "a",
  task: { id: "probe", expert: "probe", question: "how much?", dependsOn: [], role },
  policy,
  dependencies: {},
});

describe("defineExpert", () => {
  it("refuses a bad name when defined, not when run", () => {
    expect(() => defineExpert({ name: "Bad Name", description: "", keywords: [], run: () => ({ findings: [] }) })).toThrow(/name: must be lower-case/);
  });

  it("gives run its own validated policy section", async () => {
    const expert = defineExpert({
      name: "probe",
      description: "",
      keywords: [],
      policySchema: z.strictObject({ limit: z.number() }),
      run: ({ policy: p }) => ({ findings: [], metrics: { limit: p.limit } }),
    });
    expect((await expert.run(request())).metrics).toEqual({ limit: 3 });
  });

  it("a bad policy section names its path", () => {
    const expert = defineExpert({ name: "probe", description: "", keywords: [], policySchema: z.strictObject({ limit: z.string() }), run: () => ({ findings: [] }) });
    expect(() => expert.resolvePolicy(policy)).toThrow(/experts\.probe\.limit/);
    const absent = defineExpert({ name: "other", description: "", keywords: [], policySchema: z.strictObject({}), run: () => ({ findings: [] }) });
    expect(() => absent.resolvePolicy(policy)).toThrow(/experts\.other: missing/);
  });

  it("turns a thrown error into a failed result", async () => {
    const expert = defineExpert({ name: "probe", description: "", keywords: [], run: () => { throw new Error("boom\nsecond line"); } });
    const result = await expert.run(request());
    expect(result).toMatchObject({ status: "failed", error: { code: "EXPERT_ERROR", message: "boom" }, findings: [] });
  });

  it("turns output that breaks the finding contract into a failed result", async () => {
    const expert = defineExpert({
      name: "probe",
      description: "",
      keywords: [],
      run: () => ({ findings: [{ ruleId: "X", severity: "apocalyptic" as never, title: "", message: "", metrics: {}, citations: [] }] }),
    });
    const result = await expert.run(request());
    expect(result.status).toBe("failed");
    expect(result.error!.code).toBe("BAD_OUTPUT");
  });

  it("cuts a run that exceeds its time limit, and aborts it: the run's signal fires with the timeout", async () => {
    let told: (reason: unknown) => void;
    const stopped = new Promise<unknown>((resolve) => (told = resolve));
    const expert = defineExpert({
      name: "probe",
      description: "",
      keywords: [],
      timeoutMs: 30,
      run: ({ signal }) => {
        signal.addEventListener("abort", () => told(signal.reason), { once: true });
        return new Promise(() => {});
      },
    });
    const result = await expert.run(request());
    expect(result).toMatchObject({ status: "failed", error: { code: "TIMEOUT" } });
    const reason = await Promise.race([stopped, new Promise((resolve) => setTimeout(() => resolve("never aborted"), 2_000))]);
    expect(String(reason)).toMatch(/timed out after 30 ms/);
  });

  it("reports DATA-GAP when required and DATA-NEEDED (info) when advisory", async () => {
    const expert = defineExpert({ name: "probe", description: "", keywords: [], run: ({ dataGap }) => ({ findings: [dataGap(["fx.exposures"], "needs exposures")] }) });
    const required = await expert.run(request("required"));
    expect(required.findings[0]).toMatchObject({ ruleId: "DATA-GAP", severity: "medium", fields: ["fx.exposures"], expert: "probe" });
    const advisory = await expert.run(request("advisory"));
    expect(advisory.findings[0]).toMatchObject({ ruleId: "DATA-NEEDED", severity: "info", fields: ["fx.exposures"] });
  });
});
