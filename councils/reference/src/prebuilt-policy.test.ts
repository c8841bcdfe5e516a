import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readPrebuiltPolicy, sha256 } from "./prebuilt-policy.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-prebuilt-"));
const prebuiltDir = pathToFileURL(`${dir}/`);
const yamlPath = join(dir, "house.yaml");
const yaml = "id: house\nexperts: {}\n";
writeFileSync(yamlPath, yaml);

describe("readPrebuiltPolicy", () => {
  it("returns the rendition made from the YAML as it is", () => {
    writeFileSync(join(dir, "house.json"), JSON.stringify({ sourceSha256: sha256(yaml), policy: { id: "house", experts: {} } }));
    expect(readPrebuiltPolicy(yamlPath, prebuiltDir)).toEqual({ id: "house", experts: {} });
  });

  it("ignores a rendition of an earlier YAML, so an edited policy is read from the YAML", () => {
    writeFileSync(join(dir, "house.json"), JSON.stringify({ sourceSha256: sha256("id: old\n"), policy: { id: "old" } }));
    expect(readPrebuiltPolicy(yamlPath, prebuiltDir)).toBeUndefined();
  });

  it("is undefined without a rendition (not built)", () => {
    expect(readPrebuiltPolicy(join(dir, "other.yaml"), prebuiltDir)).toBeUndefined();
  });
});
