import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_REPLY, startTestModelServer, type TestModelServer } from "./test-model-server.js";

let server: TestModelServer;
beforeAll(async () => {
  server = await startTestModelServer({ models: ["qwen3-test", "other"], latencyMs: 0 });
});
afterAll(() => server.close());

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.baseURL}/chat/completions`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const ask = (caller: string) => chat({ model: "qwen3-test", messages: [{ role: "user", content: "hi" }] }, { "x-kyocho-caller": caller });

describe("the test endpoint (a double of the OpenAI protocol, not a model)", () => {
  it("listens on 127.0.0.1 with a free port and lists its models", async () => {
    expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const list = (await (await fetch(`${server.baseURL}/models`)).json()) as any;
    expect(list.data.map((m: { id: string }) => m.id)).toEqual(["qwen3-test", "other"]);
  });

  it("answers per caller: queued replies in order, then the standing one, then the default", async () => {
    server.reset();
    server.respond("fx", { content: "standing" }).script("fx", { content: "first" }, { think: "hmm", json: { a: 1 } });
    const contents = [];
    for (let i = 0; i < 3; i++) contents.push(((await (await ask("fx")).json()) as any).choices[0].message.content);
    expect(contents).toEqual(["first", '<think>hmm</think>\n\n{"a":1}', "standing"]);
    expect(((await (await ask("legal")).json()) as any).choices[0].message.content).toBe(JSON.stringify(DEFAULT_REPLY.json));
  });

  it("finds the caller in the system prompt when there is no header", async () => {
    server.reset();
    server.script("markets", { content: "for markets" });
    const response = await chat({
      model: "m",
      messages: [
        { role: "system", content: "You are the markets expert of a bank" },
        { role: "user", content: "q" },
      ],
    });
    expect(((await response.json()) as any).choices[0].message.content).toBe("for markets");
    expect(server.completionsFor("markets")).toHaveLength(1);
  });

  it("speaks the protocol: usage, model name, finish reason, reasoning_content", async () => {
    server.reset();
    server.script("fx", { content: "12345678", reasoningContent: "thinking", usage: { prompt_tokens: 3, completion_tokens: 2 } });
    const body = (await (await ask("fx")).json()) as any;
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "qwen3-test",
      choices: [{ index: 0, message: { role: "assistant", content: "12345678", reasoning_content: "thinking" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    });
  });

  it("scripts HTTP errors with OpenAI-style bodies and Retry-After", async () => {
    server.reset();
    server.script("fx", { status: 429, retryAfter: 2, errorMessage: "slow down" });
    const response = await ask("fx");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(((await response.json()) as any).error.message).toBe("slow down");
  });

  it("sends a broken body verbatim, and delays an answer", async () => {
    server.reset();
    server.script("fx", { rawBody: "{not json" }, { delayMs: 1_000, content: "late" });
    expect(await (await ask("fx")).text()).toBe("{not json");
    // Delayed, fx's answer comes after that of a request sent once fx's had arrived: order on the endpoint's clock.
    const late = ask("fx");
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    await (await ask("legal")).json();
    expect(((await (await late).json()) as any).choices[0].message.content).toBe("late");
    const [, fx, legal] = server.requests;
    expect([fx!.caller, legal!.caller]).toEqual(["fx", "legal"]);
    expect(fx!.receivedOrder).toBeLessThan(legal!.receivedOrder);
    expect(legal!.answeredOrder).toBeLessThan(fx!.answeredOrder!);
  });

  it("refuses what it does not implement, and checks the key when given one", async () => {
    expect((await chat({ model: "m", messages: [], stream: true })).status).toBe(400);
    expect((await fetch(`${server.baseURL}/embeddings`, { method: "POST", body: "{}" })).status).toBe(404);
    const keyed = await startTestModelServer({ apiKey: "k-1" });
    try {
      expect((await fetch(`${keyed.baseURL}/models`)).status).toBe(401);
      expect((await fetch(`${keyed.baseURL}/models`, { headers: { authorization: "Bearer k-1" } })).status).toBe(200);
    } finally {
      await keyed.close();
    }
  });

  it("records every request, so a test can assert the wire body", async () => {
    server.reset();
    await chat(
      { model: "qwen3-test", messages: [{ role: "user", content: "x" }], chat_template_kwargs: { enable_thinking: false } },
      { "x-kyocho-caller": "fx", "x-kyocho-purpose": "answer" },
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/chat/completions",
      caller: "fx",
      purpose: "answer",
      body: { chat_template_kwargs: { enable_thinking: false } },
    });
  });

  it("injects seeded random faults: the share asked for, every kind, the same ones for the same requests", async () => {
    const kinds = ["http_500", "http_429", "malformed_json", "broken_body", "schema_violation", "invented_numbers"] as const;
    const run = async () => {
      const faulty = await startTestModelServer({ faults: { rate: 0.3, seed: 7, kinds } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 300; i++) {
          const response = await fetch(`${faulty.baseURL}/chat/completions`, {
            method: "POST",
            headers: { "x-kyocho-caller": i % 2 ? "fx" : "legal", "x-kyocho-assessment": `a-${i % 7}` },
            body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "q" }] }),
          });
          statuses.push(response.status);
          await response.text();
        }
        return { faults: faulty.requests.map((r) => r.fault), statuses };
      } finally {
        await faulty.close();
      }
    };
    const first = await run();
    const injected = first.faults.filter(Boolean);
    expect(injected.length / 300).toBeGreaterThan(0.2);
    expect(injected.length / 300).toBeLessThan(0.4);
    expect(new Set(injected)).toEqual(new Set(kinds));
    expect(first.statuses.filter((s) => s === 500).length).toBe(injected.filter((f) => f === "http_500").length);
    expect((await run()).faults).toEqual(first.faults);
  });

  it("closes even while a request hangs", async () => {
    const hanging = await startTestModelServer({ replies: { "*": { hang: "headers" } } });
    const pending = fetch(`${hanging.baseURL}/chat/completions`, { method: "POST", body: JSON.stringify({ messages: [] }) }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 30));
    await hanging.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
