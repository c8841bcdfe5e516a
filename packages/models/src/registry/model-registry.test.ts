import { describe, expect, it } from "vitest";
import { parseModelConfig, type ModelConfigInput } from "./model-config.js";
import { createModelRegistry } from "./model-registry.js";

const config = (input: ModelConfigInput) => parseModelConfig(input, { source: "config file kyocho.yaml" });
const local = "http://127.0.0.1:8000/v1";

describe("createModelRegistry", () => {
  it("gives every expert and the planner the default endpoint, and an override its own", () => {
    const models = createModelRegistry(
      config({
        models: { default: { baseURL: local, model: "base" }, experts: { fx: { baseURL: "http://10.0.0.7:8000/v1", model: "fx-tuned", reasoning: true } } },
      }),
      { env: {} },
    );
    expect(models.forExpert("lending")?.info).toMatchObject({ model: "base", host: "127.0.0.1:8000", reasoning: false, timeoutMs: 30_000, maxRetries: 2 });
    expect(models.forExpert("fx")?.info).toMatchObject({ model: "fx-tuned", host: "10.0.0.7:8000", reasoning: true, timeoutMs: 300_000 });
    expect(models.forPlanner()).toBe(models.forExpert("legal"));
    expect(models.forSummary()).toBeUndefined();
    expect(models.describe().map((d) => [d.role, d.kind])).toEqual([
      ["default", "loopback"],
      ["expert fx", "private"],
    ]);
  });

  it("gives no model to anyone when only some experts are configured and there is no default", () => {
    const models = createModelRegistry(config({ models: { experts: { fx: { baseURL: local } } } }), { env: {} });
    expect(models.forExpert("fx")).toBeDefined();
    expect(models.forExpert("lending")).toBeUndefined();
    expect(models.forPlanner()).toBeUndefined();
  });

  it("shares one client between experts on the same endpoint", () => {
    const models = createModelRegistry(config({ models: { default: { baseURL: local, model: "m" }, experts: { fx: { model: "m" } } } }), { env: {} });
    expect(models.forExpert("fx")).toBe(models.forExpert("lending"));
  });

  it("refuses an external endpoint at start, with the path of the field that set it", () => {
    expect(() =>
      createModelRegistry(config({ models: { default: { baseURL: local }, experts: { legal: { baseURL: "https://api.openai.com/v1" } } } }), { env: {} }),
    ).toThrow(/^config file kyocho\.yaml: models\.experts\.legal\.baseURL: https:\/\/api\.openai\.com\/v1 is outside the bank's network/);
    expect(() => createModelRegistry(config({ models: { default: { baseURL: "https://llm.example.com/v1" } } }), { env: {} })).toThrow(
      /models\.default\.baseURL: https:\/\/llm\.example\.com\/v1 is outside/,
    );
    // …also one configured for a disabled summary.
    expect(() => createModelRegistry(config({ models: { summary: { baseURL: "https://llm.example.com/v1" } } }), { env: {} })).toThrow(
      /models\.summary\.baseURL/,
    );
  });

  it("accepts the same endpoint when allowed, by name or by allowExternal", () => {
    expect(() =>
      createModelRegistry(config({ models: { default: { baseURL: "https://llm.example.com/v1" } }, allowedHosts: ["llm.example.com"] }), { env: {} }),
    ).not.toThrow();
    expect(() =>
      createModelRegistry(config({ models: { default: { baseURL: "https://llm.example.com/v1" } }, allowExternal: true }), { env: {} }),
    ).not.toThrow();
  });

  it("refuses an override for an expert the council does not have (a typo)", () => {
    expect(() => createModelRegistry(config({ models: { experts: { lendng: { baseURL: local } } } }), { env: {}, experts: ["lending", "fx"] })).toThrow(
      /models\.experts\.lendng: no expert named "lendng" in this council \(experts: lending, fx\)/,
    );
  });

  it("refuses an apiKeyEnv that names an unset variable, at start", () => {
    expect(() => createModelRegistry(config({ models: { default: { baseURL: local, apiKeyEnv: "VLLM_KEY" } } }), { env: {} })).toThrow(
      /models\.default\.apiKeyEnv: environment variable VLLM_KEY is not set/,
    );
    expect(() => createModelRegistry(config({ models: { default: { baseURL: local, apiKeyEnv: "VLLM_KEY" } } }), { env: { VLLM_KEY: "k-123" } })).not.toThrow();
  });

  it("needs a model for an enabled summary", () => {
    expect(() => createModelRegistry(config({ summary: { enabled: true } }), { env: {} })).toThrow(
      /summary\.enabled: needs a model: set models\.default or models\.summary/,
    );
    const models = createModelRegistry(config({ models: { default: { baseURL: local } }, summary: { enabled: true } }), { env: {} });
    expect(models.forSummary()).toBe(models.forExpert("any"));
  });

  it("refuses LangChain tracing to an external LangSmith when models are configured", () => {
    expect(() => createModelRegistry(config({ models: { default: { baseURL: local } } }), { env: { LANGSMITH_TRACING: "true" } })).toThrow(
      /LANGSMITH_TRACING is on/,
    );
  });
});
