import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ModelCallAuditEntry } from "@kyocho/core/audit";
import { AuditLog } from "./audit-log.js";

const call = (fields: Partial<ModelCallAuditEntry> = {}): ModelCallAuditEntry => ({
  kind: "model_call",
  time: "2025-06-30T09:15:00.000Z",
  assessmentId: "a-1",
  caller: "fx",
  purpose: "answer",
  attempt: 1,
  endpoint: "127.0.0.1:8000",
  model: "qwen3",
  reasoning: false,
  responseFormat: "json_schema",
  promptSha256: "p".repeat(64),
  responseSha256: "r".repeat(64),
  usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
  latencyMs: 12.5,
  outcome: "ok",
  text: { prompt: [{ role: "user", content: "borrower Sakura Precision" }], response: '{"narrative":"…"}' },
  ...fields,
});
const lines = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

describe("AuditLog", () => {
  it("appends one JSON line per entry to a dated file, hashes only by default", () => {
    const dir = mkdtempSync(join(tmpdir(), "kyocho-audit-"));
    const audit = new AuditLog({ path: join(dir, "audit-{date}.jsonl"), env: {} });
    audit.write(call());
    audit.write(call({ attempt: 2 }));
    const path = join(dir, "audit-2025-06-30.jsonl");
    const written = lines(path);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({
      kind: "model_call",
      endpoint: "127.0.0.1:8000",
      model: "qwen3",
      reasoning: false,
      promptSha256: "p".repeat(64),
      outcome: "ok",
    });
    expect(written[0].text).toBeUndefined();
    expect(readFileSync(path, "utf8")).not.toContain("Sakura");
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("keeps prompts and responses in full with includeText", () => {
    const dir = mkdtempSync(join(tmpdir(), "kyocho-audit-"));
    const audit = new AuditLog({ path: join(dir, "a.jsonl"), includeText: true, env: {} });
    audit.write(call());
    expect(lines(join(dir, "a.jsonl"))[0].text.prompt[0].content).toBe("borrower Sakura Precision");
  });

  it("defaults to .kyocho/audit/audit-YYYY-MM-DD.jsonl under the working directory", () => {
    const cwd = mkdtempSync(join(tmpdir(), "kyocho-audit-"));
    const audit = new AuditLog({ cwd, env: {} });
    expect(audit.pathFor(new Date("2025-06-30T23:59:00Z"))).toBe(join(cwd, ".kyocho/audit/audit-2025-06-30.jsonl"));
  });

  it("never writes a secret: environment keys, given secrets and bearer tokens are redacted even when echoed back", () => {
    const dir = mkdtempSync(join(tmpdir(), "kyocho-audit-"));
    const planted = "sk-planted-9f8e7d6c5b4a3210";
    const audit = new AuditLog({
      path: join(dir, "a.jsonl"),
      includeText: true,
      env: { KYOCHO_MODEL_API_KEY: planted, PATH: "/usr/bin" },
      secrets: ["vllm-token-abc123"],
    });
    audit.write(
      call({
        error: `HTTP 401: Incorrect API key provided: ${planted}`,
        text: { prompt: [{ role: "user", content: `key vllm-token-abc123 and Authorization: Bearer tok_0123456789abcdef` }] },
      }),
    );
    const text = readFileSync(join(dir, "a.jsonl"), "utf8");
    expect(text).not.toContain(planted);
    expect(text).not.toContain("vllm-token-abc123");
    expect(text).not.toContain("tok_0123456789abcdef");
    expect(text).toContain("[REDACTED]");
    expect(text).toContain("127.0.0.1:8000");
  });

  // A directory that sits under a plain file cannot be created, even by root.
  it("refuses an unwritable directory at construction", () => {
    const dir = mkdtempSync(join(tmpdir(), "kyocho-audit-"));
    writeFileSync(join(dir, "not-a-dir"), "");
    expect(() => new AuditLog({ path: join(dir, "not-a-dir/sub/a.jsonl"), env: {} })).toThrow(/audit\.path: cannot write the audit directory/);
  });
});
