import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestModelServer, type FaultKind, type TestModelServer } from "@kyocho/testing";
import { startKyocho } from "../queue/helpers/kyocho-process.js";
import {
  approvesOnIncompleteEvidence,
  assessmentsById,
  atLeastEscalate,
  batchFigures,
  essence,
  isApproval,
  printFigures,
  readRecords,
  writeCaseBatch,
} from "./helpers/figures.js";

// 200 assessments over the example deals, every expert and the executive summary on a model endpoint that
// fails 30% of its calls at random (seeded): 500s, 429s, hangs, malformed JSON, a broken body, answers that
// break the schema, answers that invent numbers. Run as an operator runs it: `kyocho batch --config`.
const ITEMS = 200;
const FAULT_RATE = 0.3;
const SEED = 20261129;
const API_KEY = "sk-kyocho-fault-test-4f1c2d9e8b7a6c5d";
const dir = mkdtempSync(join(tmpdir(), "kyocho-model-faults-"));
let server: TestModelServer;

beforeAll(async () => {
  server = await startTestModelServer({ models: ["qwen3-fault-test"], apiKey: API_KEY, faults: { rate: FAULT_RATE, seed: SEED } });
});
afterAll(() => server.close());

interface AuditLine {
  kind: string;
  assessmentId?: string;
  caller?: string;
  purpose?: string;
  attempt?: number;
  outcome?: string;
  status?: number;
  expert?: string;
  time: string;
}

describe("model faults: 30% of model calls fail at random", () => {
  it("every assessment is the deterministic one (never an approval on incomplete evidence), and the audit log accounts for every call", async () => {
    const input = join(dir, "questions.jsonl");
    const ids = writeCaseBatch(input, ITEMS, "m");

    // The undisturbed run: no model at all.
    const referenceOut = join(dir, "reference.jsonl");
    const plain = startKyocho(["batch", input, "--out", referenceOut, "-q"], { KYOCHO_CONFIG: "", KYOCHO_MODEL_BASE_URL: "" });
    expect(await plain.exited, plain.stderr()).toBe(0);
    const reference = assessmentsById(readRecords(referenceOut));
    expect(reference.size).toBe(ITEMS);

    const endpoint = {
      baseURL: server.baseURL,
      model: "qwen3-fault-test",
      apiKeyEnv: "KYOCHO_FAULT_TEST_KEY",
      timeoutMs: 1_000,
      maxRetries: 2,
      retryDelayMs: 20,
    };
    const auditPath = join(dir, "audit", "audit-{date}.jsonl");
    const config = join(dir, "models.json");
    writeFileSync(
      config,
      JSON.stringify({
        models: { experts: { lending: endpoint, legal: endpoint, fx: endpoint, markets: endpoint }, summary: endpoint },
        summary: { enabled: true },
        audit: { path: auditPath, includeText: false },
      }),
    );
    const output = join(dir, "answers.jsonl");
    const started = performance.now();
    const run = startKyocho(["batch", input, "--out", output, "--config", config, "-q", "--concurrency", "16"], { KYOCHO_FAULT_TEST_KEY: API_KEY });
    expect(await run.exited, run.stderr()).toBe(0);
    const seconds = (performance.now() - started) / 1000;

    const records = readRecords(output);
    const figures = batchFigures(ids, records, reference);
    const assessments = [...assessmentsById(records).values()];
    const calls = server.requests.filter((r) => r.path.endsWith("/chat/completions"));
    const faults = new Map<FaultKind, number>();
    for (const r of calls) if (r.fault) faults.set(r.fault, (faults.get(r.fault) ?? 0) + 1);
    const uses = assessments.flatMap((a) => a.experts.map((e) => e.modelUse).filter((u) => u !== undefined));
    const fallbacks = uses.filter((u) => u.outcome === "fallback").length;
    printFigures("model faults", figures, {
      "model calls": calls.length,
      "faults injected": [...faults.values()].reduce((a, b) => a + b, 0),
      ...Object.fromEntries([...faults].sort().map(([k, n]) => [k, n])),
      "expert answers used": uses.length - fallbacks,
      "fallbacks to the deterministic result": fallbacks,
      "experts failed": assessments.flatMap((a) => a.experts).filter((e) => e.status === "failed").length,
      seconds: seconds.toFixed(1),
    });

    expect(figures).toMatchObject({ items: ITEMS, lost: 0, duplicated: 0, errors: 0, differing: 0, wrongApprovals: 0 });
    // The faults happened, in about the share asked for, and of every kind.
    expect(faults.size).toBe(7);
    const injected = [...faults.values()].reduce((a, b) => a + b, 0);
    expect(injected / calls.length).toBeGreaterThan(0.2);
    expect(injected / calls.length).toBeLessThan(0.4);
    expect(fallbacks).toBeGreaterThan(0);
    expect(uses.length - fallbacks).toBeGreaterThan(0);

    for (const a of assessments) {
      // Complete, or incomplete and at least escalated; never an approval with a failed or timed-out expert.
      expect(!a.incomplete || atLeastEscalate(a.decision), a.id).toBe(true);
      expect(approvesOnIncompleteEvidence(a), a.id).toBe(false);
      for (const e of a.experts) if (e.modelUse?.outcome === "fallback") expect(e.modelUse.reason, `${a.id} ${e.name}`).toBeTruthy();
    }
    // Approvals happened (the example deals include approvable ones), each the same as without a model.
    const approvals = records.filter((r) => "assessment" in r && isApproval(r.assessment.decision));
    expect(approvals.length).toBeGreaterThan(0);
    for (const r of approvals) if ("assessment" in r) expect(essence(r.assessment)).toBe(essence(reference.get(r.id)!));

    // The audit log: one model_call line per request the endpoint received (same assessment, caller and
    // purpose), a non-ok line for every request that failed on the wire, one expert_answer line per expert
    // that consulted its model, one assessment line per assessment.
    const audit = readAudit(auditPath);
    const key = (assessmentId: string | undefined, caller: string | undefined, purpose: string | undefined) =>
      `${assessmentId ?? ""}|${caller ?? ""}|${purpose ?? ""}`;
    const sent = tally(calls.map((r) => key(header(r.headers["x-kyocho-assessment"]), r.caller, r.purpose)));
    const audited = tally(audit.filter((l) => l.kind === "model_call").map((l) => key(l.assessmentId, l.caller, l.purpose)));
    expect(audited).toEqual(sent);
    const wireFaults = calls.filter((r) => r.fault && ["http_500", "http_429", "hang", "broken_body"].includes(r.fault)).length;
    const failedCalls = audit.filter((l) => l.kind === "model_call" && l.outcome !== "ok");
    expect(failedCalls.length).toBe(wireFaults);
    expect(tally(failedCalls.map((l) => l.outcome!))).toEqual(
      tally(calls.filter((r) => r.fault && ["http_500", "http_429", "hang", "broken_body"].includes(r.fault)).map((r) => WIRE_OUTCOME[r.fault!]!)),
    );
    expect(audit.filter((l) => l.kind === "expert_answer")).toHaveLength(uses.length);
    expect(
      audit
        .filter((l) => l.kind === "assessment")
        .map((l) => l.assessmentId)
        .sort(),
    ).toEqual(assessments.map((a) => a.id).sort());

    // The key reached the endpoint and nothing else: not the audit log, the output or the logs.
    expect(calls.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
    for (const text of [readFileSync(output, "utf8"), auditText(auditPath), run.stderr(), run.stdout()]) expect(text).not.toContain(API_KEY);
  }, 180_000);
});

const WIRE_OUTCOME: Partial<Record<FaultKind, string>> = { http_500: "http_error", http_429: "http_error", hang: "timeout", broken_body: "bad_response" };

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys.sort()) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Every audit file the run wrote (one per UTC day), concatenated. */
function auditText(template: string): string {
  const folder = dirname(template);
  return readdirSync(folder)
    .sort()
    .map((f) => readFileSync(join(folder, f), "utf8"))
    .join("");
}

function readAudit(template: string): AuditLine[] {
  return auditText(template)
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as AuditLine);
}
