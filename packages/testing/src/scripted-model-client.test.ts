import { ModelCallError } from "@kyocho/models";
import { describe, expect, it } from "vitest";
import { MemoryAuditSink } from "./memory-audit-sink.js";
import { createScriptedModelClient } from "./scripted-model-client.js";

const context = { caller: "fx", purpose: "answer" };

describe("createScriptedModelClient", () => {
  it("answers in order, repeats the last reply, strips <think> and records the calls", async () => {
    const model = createScriptedModelClient({ replies: ["one", "<think>x</think>two"] });
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push((await model.complete([{ role: "user", content: String(i) }], { context })).text);
    expect(texts).toEqual(["one", "two", "two"]);
    expect(model.calls.map((c) => c.turns[0]!.content)).toEqual(["0", "1", "2"]);
  });

  it("throws scripted errors and audits every call", async () => {
    const audit = new MemoryAuditSink();
    const model = createScriptedModelClient({ replies: [new ModelCallError("MODEL_TIMEOUT", "slow"), "ok"] });
    await expect(model.complete([], { context, audit })).rejects.toThrow("slow");
    await model.complete([], { context, audit });
    expect(audit.ofKind("model_call").map((l) => l.outcome)).toEqual(["timeout", "ok"]);
  });
});
