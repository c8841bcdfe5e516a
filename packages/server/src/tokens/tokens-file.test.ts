import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserInputError } from "@kyocho/core";
import { readTokensFile } from "./tokens-file.js";
import { tokenSha256 } from "./token-hash.js";

function file(text: string, name = "tokens.yaml"): string {
  const path = join(mkdtempSync(join(tmpdir(), "kyocho-tokens-")), name);
  writeFileSync(path, text);
  return path;
}

describe("readTokensFile", () => {
  it("reads YAML or JSON entries and identifies a token by its hash only", () => {
    const yaml = readTokensFile(file(`tokens:\n  - subject: sato\n    roles: [analyst, "approver:credit_department"]\n    sha256: ${tokenSha256("s3cret")}\n`));
    expect(yaml.identify("s3cret")).toEqual({ subject: "sato", roles: ["analyst", "approver:credit_department"], authenticated: true });
    expect(yaml.identify("s3cre")).toBeUndefined();
    expect(yaml.identify(tokenSha256("s3cret"))).toBeUndefined();
    const json = readTokensFile(file(JSON.stringify({ tokens: [{ subject: "prom", roles: ["monitor"], sha256: tokenSha256("m") }] }), "tokens.json"));
    expect(json.identify("m")?.subject).toBe("prom");
  });

  it("refuses a token written in place of its hash, and an unknown role, naming the entry's field", () => {
    const plain = () => readTokensFile(file(`tokens:\n  - { subject: sato, roles: [analyst], sha256: kyo_plain-token }\n`));
    expect(plain).toThrow(UserInputError);
    expect(plain).toThrow(/tokens\[0\]\.sha256: must be the hex SHA-256/);
    expect(() => readTokensFile(file(`tokens:\n  - { subject: sato, roles: [boss], sha256: ${"a".repeat(64)} }\n`))).toThrow(/tokens\[0\]\.roles\[0\]/);
  });
});
