import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { parsePolicy } from "@kyocho/core";
import { MemoryAuditSink, startTestModelServer } from "@kyocho/testing";
import { OpenAICompatibleClient, type ModelCallError } from "@kyocho/models";
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
    const expert = defineExpert({
      name: "probe",
      description: "",
      keywords: [],
      policySchema: z.strictObject({ limit: z.string() }),
      run: () => ({ findings: [] }),
    });
    expect(() => expert.resolvePolicy(policy)).toThrow(/experts\.probe\.limit/);
    const absent = defineExpert({ name: "other", description: "", keywords: [], policySchema: z.strictObject({}), run: () => ({ findings: [] }) });
    expect(() => absent.resolvePolicy(policy)).toThrow(/experts\.other: missing/);
  });

  it("turns a thrown error into a failed result", async () => {
    const expert = defineExpert({
      name: "probe",
      description: "",
      keywords: [],
      run: () => {
        throw new Error("boom\nsecond line");
      },
    });
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

  it("cuts a run that exceeds its time limit, and aborts it: the run's signal fires with the timeout before the result is returned", async () => {
    const log: string[] = [];
    const expert = defineExpert({
      name: "probe",
      description: "",
      keywords: [],
      timeoutMs: 5,
      run: ({ signal }) => {
        signal.addEventListener("abort", () => log.push(`aborted=${signal.aborted}: ${String(signal.reason)}`), { once: true });
        return new Promise(() => {});
      },
    });
    const result = await expert.run(request());
    log.push(`result: ${result.status} ${result.error?.code}`);
    expect(log).toEqual(["aborted=true: Error: timed out after 5 ms", "result: failed TIMEOUT"]);
  });

  it("a model call the run makes with its signal is cancelled at the time limit: the client stops and the endpoint sees the request closed", async () => {
    const server = await startTestModelServer({ models: ["kyocho-test-model"], replies: { probe: { hang: "headers" } } });
    try {
      // Its own time limit far beyond the expert's, so that only the expert's abort can end the call.
      const model = new OpenAICompatibleClient({
        baseURL: server.baseURL,
        model: "kyocho-test-model",
        temperature: 0,
        timeoutMs: 3_600_000,
        maxRetries: 0,
        retryDelayMs: 0,
        reasoning: false,
        responseFormat: "text",
      });
      const audit = new MemoryAuditSink();
      let call: Promise<unknown> | undefined;
      let given: AbortSignal | undefined;
      const expert = defineExpert({
        name: "probe",
        description: "",
        keywords: [],
        timeoutMs: 20,
        run: async ({ signal }) => {
          given = signal;
          call = model.complete([{ role: "user", content: "hello" }], { context: { assessmentId: "a", caller: "probe", purpose: "answer" }, signal, audit });
          await call;
          return { findings: [] };
        },
      });
      const asked = server.whenReceived((r) => r.caller === "probe");
      const abandoned = server.whenReceived((r) => r.caller === "probe" && r.abandonedOrder !== undefined);
      // The expert's clock is the test's: its time limit passes only once the endpoint holds the request, whatever the machine's load.
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      const running = expert.run(request());
      const received = await asked;
      vi.advanceTimersByTime(20);
      vi.useRealTimers();
      const result = await running;
      expect(result).toMatchObject({ status: "failed", error: { code: "TIMEOUT" } });
      expect(given?.aborted).toBe(true);
      const stopped = await call!.then(
        () => "answered",
        (error: unknown) => (error as ModelCallError).code,
      );
      expect(stopped).toBe("MODEL_ABORTED");
      expect((await abandoned).abandonedOrder).toBeGreaterThan(received.receivedOrder);
      expect(received.answeredOrder).toBeUndefined();
      expect(audit.ofKind("model_call").map((e) => e.outcome)).toEqual(["aborted"]);
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });

  it("does not start a run whose caller's signal has already fired", async () => {
    const started: string[] = [];
    const expert = defineExpert({ name: "probe", description: "", keywords: [], run: () => (started.push("probe"), { findings: [] }) });
    const result = await expert.run(request(), { signal: AbortSignal.abort(new Error("the council stopped")) });
    expect(result).toMatchObject({ status: "failed", error: { code: "ABORTED" } });
    expect(started).toEqual([]);
  });

  it("reports DATA-GAP when required and DATA-NEEDED (info) when advisory", async () => {
    const expert = defineExpert({
      name: "probe",
      description: "",
      keywords: [],
      run: ({ dataGap }) => ({ findings: [dataGap(["fx.exposures"], "needs exposures")] }),
    });
    const required = await expert.run(request("required"));
    expect(required.findings[0]).toMatchObject({ ruleId: "DATA-GAP", severity: "medium", fields: ["fx.exposures"], expert: "probe" });
    const advisory = await expert.run(request("advisory"));
    expect(advisory.findings[0]).toMatchObject({ ruleId: "DATA-NEEDED", severity: "info", fields: ["fx.exposures"] });
  });
});
