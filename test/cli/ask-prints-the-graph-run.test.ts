import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelRegistry, parseModelConfig } from "@kyocho/models";
import { readDataFile } from "@kyocho/core/validation";
import type { Assessment } from "@kyocho/core";
import type { AssessmentAuditEntry } from "@kyocho/core/audit";
import { createCouncilGraph } from "@kyocho/council";
import { createReferenceCouncil, loadReferencePolicy, referenceExperts } from "@kyocho/reference-council";
import { MemoryAuditSink, startTestModelServer, type RecordedRequest, type TestModelServer } from "@kyocho/testing";
import { runCliAsync } from "../helpers/run-cli-async.js";

// `kyocho ask` only prints: the executive summary and the audit line are written by the council's run itself,
// so a developer calling `graph.invoke` gets exactly what the command prints.
const CASE_FILE = "examples/cases/acquisition-finance.yaml";
const dir = mkdtempSync(join(tmpdir(), "kyocho-graph-run-"));

/** The summary endpoint writes a grounded summary that states whatever decision it is sent. */
function summaryReply(request: RecordedRequest) {
  const data = String(request.body.messages.at(-1).content);
  const decision = /"decision":\s*"([a-z_]+)"/.exec(data)?.[1] ?? "unknown";
  return { json: { executiveSummary: `The decision is ${decision}; see the findings for the reasons.` } };
}

/** Per-expert run times differ between any two runs; everything else must not. */
function withoutLatencies(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLatencies);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "latencyMs")
      .map(([k, v]) => [k, withoutLatencies(v)]),
  );
}

describe("kyocho ask prints the graph's run", () => {
  let server: TestModelServer;
  let rawConfig: Record<string, unknown>;
  let configFile: string;
  const auditFile = join(dir, "audit.jsonl");
  beforeAll(async () => {
    server = await startTestModelServer({ models: ["kyocho-test-model"], replies: { summary: summaryReply } });
    // A summary model only: the experts stay deterministic, so the two runs can be compared field by field.
    rawConfig = {
      models: { summary: { baseURL: server.baseURL, model: "kyocho-test-model", reasoning: false } },
      summary: { enabled: true },
      audit: { path: auditFile },
    };
    configFile = join(dir, "models.json");
    writeFileSync(configFile, JSON.stringify(rawConfig));
  });
  afterAll(() => server.close());

  it("graph.invoke with a summary model and an audit sink gives what `kyocho ask --json` prints, and audits the same assessment", async () => {
    const r = await runCliAsync(["ask", "--case", CASE_FILE, "--config", configFile, "--json", "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as Assessment;

    const policy = loadReferencePolicy();
    const c = createReferenceCouncil({ policy }).parseCase(readDataFile(CASE_FILE, "case file"), `case file ${CASE_FILE}`);
    // The case fixes its own asOf, so both runs date the assessment the same day.
    expect(c.asOf).toBeDefined();
    const audit = new MemoryAuditSink();
    const models = createModelRegistry(parseModelConfig(rawConfig), { audit, experts: referenceExperts.map((e) => e.name) });
    const graph = createCouncilGraph({ experts: referenceExperts, policy, summary: models.forSummary(), audit });
    const { assessment } = await graph.invoke({ case: c }, { recursionLimit: 10_000 });

    expect(assessment?.executiveSummary?.text).toBe(`The decision is ${assessment?.decision}; see the findings for the reasons.`);
    expect(withoutLatencies(assessment)).toEqual(withoutLatencies(printed));

    // The run's own audit trail: the summary's model call, then the assessment's line, last.
    expect(audit.entries.map((e) => e.kind)).toEqual(["model_call", "assessment"]);
    const line = audit.ofKind("assessment")[0]!;
    expect(line).toMatchObject({ assessmentId: printed.id, decision: printed.decision, executiveSummary: { model: "kyocho-test-model" } });
    const cliLines = readFileSync(auditFile, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { kind: string });
    const cliLine = cliLines.find((l): l is AssessmentAuditEntry => l.kind === "assessment");
    // The audit log keeps no text without `audit.includeText`; the rest of the line is the graph's.
    expect({ ...cliLine, time: "" }).toEqual({ ...line, time: "", text: undefined });
  });
});
