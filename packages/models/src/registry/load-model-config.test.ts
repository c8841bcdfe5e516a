import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModelConfig } from "./load-model-config.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-config-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("loadModelConfig", () => {
  it("returns undefined when nothing configures a model", () => {
    expect(loadModelConfig({ env: {} })).toBeUndefined();
  });

  it("with only KYOCHO_MODEL_BASE_URL, makes that the default endpoint for everyone", () => {
    const config = loadModelConfig({ env: { KYOCHO_MODEL_BASE_URL: "http://127.0.0.1:8000/v1" } })!;
    expect(config.models.default).toEqual({ baseURL: "http://127.0.0.1:8000/v1" });
    expect(config.models.experts).toEqual({});
    expect(config.source).toBe("environment");
  });

  it("reads the model name, the reasoning switch and the key's variable name (never the key) from the environment", () => {
    const config = loadModelConfig({
      env: {
        KYOCHO_MODEL_BASE_URL: "http://127.0.0.1:8000/v1",
        KYOCHO_MODEL_NAME: "Qwen/Qwen3-8B",
        KYOCHO_MODEL_REASONING: "TRUE",
        KYOCHO_MODEL_API_KEY: "sk-secret-value",
      },
    })!;
    expect(config.models.default).toEqual({ baseURL: "http://127.0.0.1:8000/v1", model: "Qwen/Qwen3-8B", reasoning: true, apiKeyEnv: "KYOCHO_MODEL_API_KEY" });
    expect(JSON.stringify(config)).not.toContain("sk-secret-value");
  });

  it("reads YAML from --config, which wins over KYOCHO_CONFIG; the environment overrides the default endpoint", () => {
    const yaml = file(
      "k.yaml",
      "models:\n  default: { baseURL: 'http://10.1.1.1:8000/v1', model: base, temperature: 0.2 }\n  experts:\n    fx: { baseURL: 'http://10.1.1.2:8000/v1' }\n",
    );
    const ignored = file("ignored.json", "{}");
    const config = loadModelConfig({ path: yaml, env: { KYOCHO_CONFIG: ignored, KYOCHO_MODEL_NAME: "override" } })!;
    expect(config.models.default).toEqual({ baseURL: "http://10.1.1.1:8000/v1", model: "override", temperature: 0.2 });
    expect(config.models.experts.fx).toEqual({ baseURL: "http://10.1.1.2:8000/v1" });
  });

  it("reads JSON named by KYOCHO_CONFIG", () => {
    const json = file("k.json", JSON.stringify({ models: { default: { baseURL: "http://127.0.0.1:9000/v1" } }, summary: { enabled: true } }));
    const config = loadModelConfig({ env: { KYOCHO_CONFIG: json } })!;
    expect(config.summary.enabled).toBe(true);
    expect(config.source).toBe(`config file ${json}`);
  });

  it("refuses a bad reasoning value and an override without any endpoint", () => {
    expect(() => loadModelConfig({ env: { KYOCHO_MODEL_BASE_URL: "http://h/v1", KYOCHO_MODEL_REASONING: "maybe" } })).toThrow(
      /^environment: KYOCHO_MODEL_REASONING: must be true or false, not "maybe"$/,
    );
    expect(() => loadModelConfig({ env: { KYOCHO_MODEL_NAME: "m" } })).toThrow(/KYOCHO_MODEL_NAME set, but no endpoint: set KYOCHO_MODEL_BASE_URL/);
  });

  it("names the file of a missing or broken config", () => {
    expect(() => loadModelConfig({ path: join(dir, "none.yaml"), env: {} })).toThrow(/config file .*none\.yaml: file not found/);
    const bad = file("bad.yaml", "models:\n  default: { baseURL: http://h/v1, apiKey: abc }\n");
    expect(() => loadModelConfig({ path: bad, env: {} })).toThrow(/bad\.yaml: models\.default\.apiKey: a secret must not be written/);
  });
});
