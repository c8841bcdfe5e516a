import { join } from "node:path";
import { createModelRegistry, loadModelConfig, ModelConfigSchema } from "@kyocho/models";
import { referenceExperts } from "@kyocho/reference-council";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/run-cli.js";

describe("examples/config/local-vllm.yaml", () => {
  it("loads, passes the on-premises guard and points every expert at the local vLLM in non-thinking mode", () => {
    const config = loadModelConfig({ path: join(REPO_ROOT, "examples/config/local-vllm.yaml"), env: {} })!;
    const models = createModelRegistry(config, { env: {}, experts: referenceExperts.map((e) => e.name) });
    for (const expert of referenceExperts) {
      expect(models.forExpert(expert.name)?.info).toMatchObject({ baseURL: "http://127.0.0.1:8000/v1", model: "Qwen/Qwen3-32B", reasoning: false });
    }
    expect(models.forSummary()).toBeUndefined();
  });

  it("has a JSON Schema, for editors and `kyocho schema`", () => {
    const schema = ModelConfigSchema.toJSONSchema({ io: "input" }) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(["models", "allowedHosts", "allowExternal", "audit", "summary", "planning"]);
  });
});
