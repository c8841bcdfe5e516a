import { describe, expect, it } from "vitest";
import { parseModelConfig } from "./model-config.js";

describe("parseModelConfig", () => {
  it("applies defaults to an empty file: no models, nothing external, hashes-only audit", () => {
    const config = parseModelConfig({});
    expect(config.models).toEqual({ experts: {} });
    expect(config.allowExternal).toBe(false);
    expect(config.audit).toEqual({ path: ".kyocho/audit/audit-{date}.jsonl", includeText: false, enabled: true });
    expect(config.summary.enabled).toBe(false);
  });

  it("reads a default endpoint with per-expert and planner overrides", () => {
    const config = parseModelConfig({
      models: {
        default: { baseURL: "http://127.0.0.1:8000/v1", model: "Qwen/Qwen3-32B", reasoning: false, apiKeyEnv: "VLLM_API_KEY" },
        experts: { fx: { model: "qwen3-32b-fx" } },
        planner: { reasoning: true, timeoutMs: 120_000 },
      },
    });
    expect(config.models.default?.baseURL).toBe("http://127.0.0.1:8000/v1");
    expect(config.models.experts.fx).toEqual({ model: "qwen3-32b-fx" });
    expect(config.models.planner).toEqual({ reasoning: true, timeoutMs: 120_000 });
  });

  it("refuses an API key written in the file, naming its path and what to do instead", () => {
    expect(() =>
      parseModelConfig({ models: { experts: { fx: { baseURL: "http://10.0.0.5/v1", apiKey: "sk-live-123" } } } }, { source: "config file k.yaml" }),
    ).toThrow(/^config file k\.yaml: models\.experts\.fx\.apiKey: a secret must not be written in the config file; .*apiKeyEnv$/);
    expect(() => parseModelConfig({ models: { default: { baseURL: "http://h/v1", api_key: "x" } } })).toThrow(/models\.default\.api_key/);
  });

  it("refuses credentials in a URL", () => {
    expect(() => parseModelConfig({ models: { default: { baseURL: "http://user:secret@10.0.0.5:8000/v1" } } })).toThrow(
      /models\.default\.baseURL: must not carry credentials/,
    );
  });

  it("names the field of a bad value and refuses unknown keys", () => {
    expect(() => parseModelConfig({ models: { default: { baseURL: "ftp://h/v1" } } })).toThrow(/models\.default\.baseURL: must be an http/);
    expect(() => parseModelConfig({ models: { default: { baseURL: "http://h/v1", reasoning: "no" } } })).toThrow(/models\.default\.reasoning/);
    expect(() => parseModelConfig({ models: { default: { baseURL: "http://h/v1", temprature: 0 } } })).toThrow(/models\.default\.temprature: unknown key/);
    expect(() => parseModelConfig({ models: { default: { model: "m" } } })).toThrow(/models\.default\.baseURL/);
    // A time limit is bounded: an hour at most, so no configuration turns a dead server into a hang.
    expect(() => parseModelConfig({ models: { default: { baseURL: "http://h/v1", timeoutMs: 3_600_001 } } })).toThrow(/models\.default\.timeoutMs: Too big/);
  });
});
