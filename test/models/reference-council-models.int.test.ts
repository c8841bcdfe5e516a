import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assessmentAuditEntry } from "@kyocho/core/audit";
import { AssessmentSchema, InProcessExecutor } from "@kyocho/core";
import { AuditLog, createModelRegistry, loadModelConfig, summariseWithModel } from "@kyocho/models";
import { readDataFile } from "@kyocho/core/validation";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import { expertAnswer, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/run-cli.js";

// Tier: *.int.test.ts — the reference council against the local OpenAI-compatible test endpoint.
let server: TestModelServer;
beforeAll(async () => {
  server = await startTestModelServer({ models: ["Qwen/Qwen3-32B"], apiKey: "vllm-key-0123456789" });
});
afterAll(() => server.close());

describe("the reference council with on-premises expert models", () => {
  it("adds grounded model findings, drops an ungrounded answer, keeps the deterministic rating and decision, and audits it all", async () => {
    const deterministicCouncil = createReferenceCouncil();
    const c = deterministicCouncil.parseCase(readDataFile(join(REPO_ROOT, "examples/cases/acquisition-finance.yaml"), "case file"));
    const deterministic = await deterministicCouncil.assess({ case: c });

    // Grounded answers state the case's v2 figures (acquisition-finance.yaml): the borrower is net long USD
    // JPY 18.16bn, the swap on the loan buys USD and widens it to JPY 25.36bn open (0% hedged), and a 20% move
    // costs JPY 5.07bn, 28% of CFADS; DSCR 1.43x falls to 1.03x under that stress; net leverage 2.75x.
    server
      .script("fx", {
        json: expertAnswer({
          narrative: "The net long USD position of JPY 18.16bn is 0% hedged; the stress loss of JPY 5.07bn is 28% of CFADS.",
          findings: [
            {
              severity: "medium",
              title: "Open position over a long tenor",
              message: "JPY 25.36bn of USD stays open for 7 years: the swap on the loan adds to the position.",
            },
          ],
        }),
      })
      .script("lending", {
        think: "DSCR 1.43x, stressed 1.03x…",
        json: expertAnswer({ narrative: "DSCR of 1.43x falls to 1.03x under the FX stress; net leverage 2.75x." }),
      })
      // A figure in none of the data legal was shown (not 37%: the case's USD cost share of 38% is one unit away).
      .respond("legal", {
        json: expertAnswer({ findings: [{ severity: "high", title: "Sanctions", message: "There is a 83% chance the seller is sanctioned." }] }),
      })
      .script("summary", {
        json: { executiveSummary: "Rating high, decision escalate: the USD position is 0% hedged against the 50% minimum, and KYC is pending for the target." },
      });

    const env = {
      KYOCHO_MODEL_BASE_URL: server.baseURL,
      KYOCHO_MODEL_NAME: "Qwen/Qwen3-32B",
      KYOCHO_MODEL_REASONING: "false",
      KYOCHO_MODEL_API_KEY: "vllm-key-0123456789",
    };
    // What an entry point does: config → audit log → registry → executor → council; then the summary and the assessment's audit line.
    const loaded = loadModelConfig({ env })!;
    const config = { ...loaded, summary: { enabled: true } };
    const audit = new AuditLog({ path: join(mkdtempSync(join(tmpdir(), "kyocho-audit-")), "audit-{date}.jsonl"), env });
    const models = createModelRegistry(config, { env, audit, experts: referenceExperts.map((e) => e.name) });
    const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models }) });
    let assessment = await council.assess({ case: c });
    assessment = await summariseWithModel(assessment, models.forSummary()!, { audit: models.audit });
    audit.write(assessmentAuditEntry(assessment));
    AssessmentSchema.parse(assessment);

    // The deterministic merge decides; the model adds findings and prose.
    expect([assessment.rating, assessment.decision, assessment.incomplete]).toEqual([deterministic.rating, deterministic.decision, deterministic.incomplete]);
    expect(assessment.findings.filter((f) => f.source === "rule")).toEqual(deterministic.findings);
    expect(assessment.findings.filter((f) => f.source === "model").map((f) => [f.expert, f.ruleId, f.severity])).toEqual([["fx", "FX-MODEL-1", "medium"]]);
    const use = Object.fromEntries(assessment.experts.map((e) => [e.name, e.modelUse]));
    expect(use.fx).toMatchObject({ outcome: "accepted", model: "Qwen/Qwen3-32B", host: server.host, reasoning: false, findingsAdded: 1 });
    expect(use.lending).toMatchObject({ outcome: "accepted", narrative: "DSCR of 1.43x falls to 1.03x under the FX stress; net leverage 2.75x." });
    expect(use.legal).toMatchObject({ outcome: "fallback", reason: 'ungrounded answer after a retry: "83%" in findings[0].message' });
    expect(assessment.executiveSummary).toMatchObject({ model: "Qwen/Qwen3-32B", host: server.host, reasoning: false });

    // On the wire: non-thinking mode, the served model name, the key as a bearer token.
    const bodies = server.requests.filter((r) => r.path === "/v1/chat/completions");
    expect(bodies.map((r) => r.caller).sort()).toEqual(["fx", "legal", "legal", "lending", "summary"]);
    for (const r of bodies) {
      expect(r.body).toMatchObject({ model: "Qwen/Qwen3-32B", chat_template_kwargs: { enable_thinking: false } });
      expect(r.headers.authorization).toBe("Bearer vllm-key-0123456789");
    }
    // fx ran before lending, and lending's model saw fx's result.
    expect(server.completionsFor("lending")[0]!.body.messages[1].content).toContain('<data name="dependencies">');

    const text = readFileSync(audit.pathFor(new Date()), "utf8");
    expect(text).not.toContain("vllm-key-0123456789");
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const count = (kind: string) => lines.filter((l) => l.kind === kind).length;
    expect([count("model_call"), count("expert_answer"), count("assessment")]).toEqual([5, 3, 1]);
    expect(lines.at(-1)).toMatchObject({ kind: "assessment", assessmentId: assessment.id, rating: "high", decision: "escalate", findings: { model: 1 } });
  });
});
