import { join } from "node:path";
import { MemorySaver } from "@langchain/langgraph";
import type { Case } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/run-cli.js";
import { recordTraces, type TraceRecorder } from "../helpers/trace-recorder.js";

// Tier: *.test.ts — the embedded council in process, the SDK's in-memory exporter collecting the spans. A plan asked
// for on its own (`kyocho plan`, POST /v1/plan) and a signature (`kyocho signoff`, POST …/signoff) are traced like an
// assessment: the authority and the decision, never the signer's name or reason.
let recorder: TraceRecorder;
beforeAll(() => {
  recorder = recordTraces();
});
afterAll(async () => {
  await recorder.close();
});
beforeEach(() => recorder.exporter.reset());

const council = () => createReferenceCouncil({ checkpointer: new MemorySaver() });
const fullCouncilCase = (c: ReturnType<typeof council>): Case =>
  c.parseCase(readDataFile(join(REPO_ROOT, "examples", "cases", "full-council.yaml"), "case file"));

describe("traces of a plan and of a sign-off", () => {
  it("records a plan asked for on its own as kyocho.plan, with its sub-tasks counted", async () => {
    const c = council();
    const plan = await c.plan({ question: "Can we lend USD 80m to Hayate Motors?", case: fullCouncilCase(c) });
    const [span] = recorder.named("kyocho.plan");
    expect(recorder.named("kyocho.plan")).toHaveLength(1);
    expect(span!.attributes).toMatchObject({ "kyocho.planner": "embedded", "kyocho.plan.tasks": plan.tasks.length });
    expect([...(span!.attributes["kyocho.plan.experts"] as string[])].sort()).toEqual([...new Set(plan.tasks.map((t) => t.expert))].sort());
  });

  it("records each signature as kyocho.signoff: the role, the decision and the status after it — not who signed or why", async () => {
    const c = council();
    const assessment = await c.assess({ case: fullCouncilCase(c), requestedBy: "ito" });
    const required = assessment.signoff!.required;
    recorder.exporter.reset();

    const signed = await c.signoff(assessment.id, {
      name: "Sato Hanako",
      role: required.role,
      decision: "approve_with_conditions",
      conditions: ["Quarterly covenant report"],
      reason: "Hedging commitment received from the treasurer",
      at: "2026-11-30T09:00:00Z",
    });

    const spans = recorder.named("kyocho.signoff");
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attributes).toEqual({
      "kyocho.assessment.id": assessment.id,
      "kyocho.signoff.role": required.role,
      "kyocho.signoff.decision": "approve_with_conditions",
      "kyocho.signoff.status": signed.signoff!.status,
    });
    const text = recorder.attributesText();
    for (const secret of ["Sato Hanako", "Hedging commitment", "Quarterly covenant"]) expect(text).not.toContain(secret);
  });

  it("marks a refused signature's span as an error, naming the refusal's class only", async () => {
    const c = council();
    const assessment = await c.assess({ case: fullCouncilCase(c), requestedBy: "ito" });
    recorder.exporter.reset();
    // The requester may never sign what they asked for (four eyes).
    await expect(
      c.signoff(assessment.id, {
        name: "ito",
        role: assessment.signoff!.required.role,
        decision: "return",
        reason: "KYC of the target",
        at: "2026-11-30T09:00:00Z",
      }),
    ).rejects.toThrow();
    const [span] = recorder.named("kyocho.signoff");
    expect(span!.status).toEqual({ code: 2, message: "SignoffRefusedError" });
  });
});
