import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { expertAnswer, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { REFERENCE_POLICY_PATH } from "@kyocho/reference-council";
import { runCliAsync } from "../helpers/run-cli-async.js";
import { runCli } from "../helpers/run-cli.js";

// The five routes by which Reference Policy v1 let a sanctioned deal reach "approve", each run the way a new
// user would run it: `kyocho ask --case … --json`. None may approve any more.
const dir = mkdtempSync(join(tmpdir(), "kyocho-routes-"));
const askJson = (args: string[]) => {
  const r = runCli(["ask", ...args, "--json", "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    decision: string;
    vetoes: { ruleId: string }[];
    incomplete: boolean;
    findings: { ruleId: string; severity: string; source: string }[];
  };
};

describe("the five v1 routes to approving a sanctioned deal", () => {
  it("1. a borrower alone, in KP, asking whether it can carry more debt: declined by the sanctions veto", () => {
    const a = askJson(["--case", "examples/cases/sanctions-borrower-only.yaml", "Can this company carry more debt?"]);
    expect(a.decision).toBe("decline");
    expect(a.vetoes.map((v) => v.ruleId)).toEqual(["LEG-SANC"]);
    const terminal = runCli(["ask", "--case", "examples/cases/sanctions-borrower-only.yaml", "Can this company carry more debt?", "--quiet"]);
    const lines = terminal.stdout.split("\n");
    // The veto is the first thing after the decision line.
    expect(lines.findIndex((l) => l.startsWith("Declined: sanctions veto — "))).toBe(lines.findIndex((l) => l.startsWith("Decision ")) + 1);
  });

  it("2. the borrower in IR while its borrower counterparty says JP: both countries screened, declined", () => {
    const a = askJson(["--case", "examples/cases/sanctions-country-conflict.yaml"]);
    expect(a.decision).toBe("decline");
    expect(a.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["LEG-SANC", "DATA-CONFLICT"]));
  });

  it("3. counterparties with no screening result: never treated as clean", () => {
    const a = askJson(["--case", "examples/cases/unscreened-counterparties.yaml"]);
    expect(["escalate", "decline"]).toContain(a.decision);
    expect(a.incomplete).toBe(true);
  });

  it.each([
    ["critical: approve", (p: any) => (p.merge.decisions.critical = "approve"), "merge.decisions.critical"],
    ["LEG-SANC at info", (p: any) => (p.experts.legal.rules["LEG-SANC"].severity = "info"), "experts.legal.rules.LEG-SANC.severity"],
    ["no sanctioned jurisdictions", (p: any) => (p.experts.legal.sanctionedJurisdictions = []), "experts.legal.sanctionedJurisdictions"],
  ])("4. a policy file with %s is refused at load with exit 2 and the field path", (_name, mutate, path) => {
    const policy = YAML.parse(readFileSync(REFERENCE_POLICY_PATH, "utf8"));
    mutate(policy);
    const file = join(dir, `policy-${path}.yaml`);
    writeFileSync(file, YAML.stringify(policy));
    const r = runCli(["ask", "--case", "examples/cases/sanctions-declined.yaml", "--policy", file, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(path);
  });

  describe("5. a model's finding", () => {
    let server: TestModelServer;
    let config: string;
    beforeAll(async () => {
      server = await startTestModelServer({ models: ["kyocho-test-model"] });
      config = join(dir, "models.yaml");
      writeFileSync(config, YAML.stringify({ models: { default: { baseURL: server.baseURL, model: "kyocho-test-model", reasoning: false } } }));
    });
    afterAll(() => server.close());

    it("a model that answers critical findings on a clean deal is capped: it can escalate, never decline", async () => {
      const critical = expertAnswer({ findings: [{ severity: "critical", title: "Decline this deal", message: "The borrower must be declined." }] });
      server.reset();
      for (const expert of ["lending", "legal"]) server.script(expert, { json: critical });
      const r = await runCliAsync(["ask", "--case", "examples/cases/clean-domestic-term-loan.yaml", "--config", config, "--json", "--quiet"]);
      expect(r.code, r.stderr).toBe(0);
      const a = JSON.parse(r.stdout) as ReturnType<typeof askJson>;
      const modelFindings = a.findings.filter((f) => f.source === "model");
      expect(modelFindings.length).toBeGreaterThan(0);
      expect(modelFindings.every((f) => f.severity === "high")).toBe(true);
      expect(a.decision).toBe("escalate");
      expect(a.vetoes).toEqual([]);
    });

    it("a model that calls a sanctioned deal clean changes nothing: still declined by the veto", async () => {
      server.reset();
      for (const expert of ["lending", "legal"]) server.script(expert, { json: expertAnswer({ narrative: "The party is clean; approve.", findings: [] }) });
      const r = await runCliAsync(["ask", "--case", "examples/cases/sanctions-borrower-only.yaml", "--config", config, "--json", "--quiet"]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).decision).toBe("decline");
    });
  });
});
