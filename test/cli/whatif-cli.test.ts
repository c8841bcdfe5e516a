import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-whatif-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An example policy with one line replaced: a broken candidate. */
function broken(name: string, from: string, to: string): string {
  const text = readFileSync(join(REPO_ROOT, "examples/policies", `${name}.yaml`), "utf8");
  expect(text).toContain(from);
  const path = join(dir, `broken-${name}.yaml`);
  writeFileSync(path, text.replace(from, to));
  return path;
}

describe("kyocho whatif", () => {
  it("refuses a policy that fails validation with the field path, exit 2, before reading any case or writing anything", () => {
    const html = join(dir, "refused", "whatif.html");
    // The batch file does not exist: had anything been read before the policy was checked, the error would name it.
    const missing = join(dir, "no-such-batch.jsonl");
    const wrongType = runCli([
      "whatif",
      "--policy",
      broken("higher-hedge-minimum", "minHedgeRatio: 0.8", "minHedgeRatio: most"),
      "--batch",
      missing,
      "--html",
      html,
    ]);
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr.trim().split("\n")).toHaveLength(1);
    expect(wrongType.stderr).toContain("experts.fx.rules.FX-HEDGE.minHedgeRatio");
    // An invariant of Reference Policy v2 (the sanctioned list is never empty), in the baseline this time.
    const emptyList = broken("new-sanctioned-jurisdiction", "sanctionedJurisdictions: [CU, IR, KP, SY, PH]", "sanctionedJurisdictions: []");
    const invariant = runCli(["whatif", "--policy", "examples/policies/tighter-leverage.yaml", "--baseline", emptyList, "--batch", missing, "--html", html]);
    expect(invariant.code).toBe(2);
    expect(invariant.stderr).toContain("experts.legal.sanctionedJurisdictions");
    expect(existsSync(join(dir, "refused"))).toBe(false);
  });

  it("the new user's command: names the deals that change, and writes a self-contained HTML report linking each one's two assessments", () => {
    const html = join(dir, "out", "whatif.html");
    const changed = join(dir, "out", "changed.jsonl");
    const r = runCli(["whatif", "--policy", "examples/policies/tighter-leverage.yaml", "--cases", "examples/cases", "--html", html, "--changed", changed]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("LEN-LEV medium tier: above 4 → above 2");
    expect(r.stdout).toContain("refinancing-term-out: approve → approve with conditions");
    expect(r.stdout).toContain("LEN-LEV 2.1 now above 2 → medium");
    expect(r.stdout).toContain("no model was consulted");
    const page = readFileSync(html, "utf8");
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(page).toContain('<table class="heat">');
    const links = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual([
      "whatif.cases/00001-refinancing-term-out.before.html",
      "whatif.cases/00001-refinancing-term-out.after.html",
      "whatif.cases/00002-usd-loan-usd-earner.before.html",
      "whatif.cases/00002-usd-loan-usd-earner.after.html",
    ]);
    for (const link of links) expect(existsSync(join(dir, "out", link))).toBe(true);
    // The two assessments are the two policies': each report's footer names its policy's SHA-256.
    const before = readFileSync(join(dir, "out", links[0]!), "utf8");
    const after = readFileSync(join(dir, "out", links[1]!), "utf8");
    expect(before).toMatch(/Policy reference-v2, SHA-256 [0-9a-f]{64}/);
    expect(after).toMatch(/Policy tighter-leverage, SHA-256 [0-9a-f]{64}/);
    expect(readdirSync(join(dir, "out", "whatif.cases"))).toHaveLength(4);
    // --changed: every changed case as a JSON line, as the run found it.
    const lines = readFileSync(changed, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; after: { decision: string } });
    expect(lines.map((l) => [l.id, l.after.decision])).toEqual([
      ["refinancing-term-out", "approve_with_conditions"],
      ["usd-loan-usd-earner", "approve_with_conditions"],
    ]);
  });

  it("gives the same result on worker threads as in one thread", () => {
    const cases = readdirSync(join(REPO_ROOT, "examples/cases")).filter((f) => f.endsWith(".yaml"));
    const lines = cases.map((f) => JSON.stringify({ id: f, caseFile: join(REPO_ROOT, "examples/cases", f) }));
    lines.splice(5, 0, "{not json");
    const batch = join(dir, "book.jsonl");
    writeFileSync(batch, `${lines.join("\n")}\n`);
    const run = (workers: string) => {
      const r = runCli(["whatif", "--policy", "examples/policies/new-sanctioned-jurisdiction.yaml", "--batch", batch, "--json", "--workers", workers]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { cases: number; errors: number; decisionChanged: number };
    };
    const one = run("1");
    const two = run("2");
    expect(two).toEqual(one);
    expect(one.cases).toBe(cases.length);
    expect(one.errors).toBe(1);
    expect(one.decisionChanged).toBe(1);
  });
});

describe("kyocho whatif --store", () => {
  it("narrows the cases to those the store has assessed (by the case's SHA-256); with no cases given it says why it cannot", () => {
    const env = { KYOCHO_STORE: join(dir, "store.db") };
    const ask = runCli(["ask", "--case", "examples/cases/pep-without-edd.yaml", "--json", "--quiet"], { env });
    expect(ask.code, ask.stderr).toBe(0);
    const policy = "examples/policies/new-sanctioned-jurisdiction.yaml";
    const r = runCli(["whatif", "--policy", policy, "--cases", "examples/cases", "--store", "--json", "-q"], { env });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { cases: number; decisionChanged: number; changed: Array<{ id: string }> };
    expect(summary.cases).toBe(1);
    expect(summary.changed.map((c) => c.id)).toEqual(["pep-without-edd"]);
    const refused = runCli(["whatif", "--policy", policy, "--store"], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("the store keeps each case's SHA-256, not the case");
  });
});

describe("kyocho policy diff", () => {
  it("prints what changed in words, from the two validated policies", () => {
    const r = runCli(["policy", "diff", "councils/reference/policies/reference-v2.yaml", "examples/policies/new-sanctioned-jurisdiction.yaml"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("- legal: sanctioned jurisdictions + PH\n");
    const json = runCli(["policy", "diff", "reference", "examples/policies/tighter-leverage.yaml", "--json"]);
    expect(JSON.parse(json.stdout)).toContainEqual({
      path: "experts.lending.rules.LEN-LEV.tiers",
      ruleId: "LEN-LEV",
      text: "LEN-LEV high tier: above 6 → above 5.5",
    });
  });
});
