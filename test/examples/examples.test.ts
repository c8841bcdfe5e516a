import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AssessmentSchema } from "@kyocho/core";
import { cliEnv } from "../helpers/cli-env.js";
import { expectInOrder } from "../helpers/in-order.js";
import { REPO_ROOT } from "../helpers/run-cli.js";

/** Runs an example workflow as its README says (`tsx examples/<file>.ts`), writing into a fresh folder. */
function runExample(file: string): { code: number | null; stdout: string; stderr: string; out: string } {
  const out = mkdtempSync(join(tmpdir(), "kyocho-example-"));
  const r = spawnSync(process.execPath, ["--import", "tsx", join("examples", file), "--out", out], {
    cwd: REPO_ROOT,
    env: cliEnv(),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out };
}

const size = (path: string) => statSync(path).size;

describe("the example workflows", () => {
  it("(1) cross-border acquisition finance: lending after fx, escalated, reports written", () => {
    const r = runExample("acquisition-finance.ts");
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(r.out, "acquisition-finance.html"), "utf8");
    expect(html).toContain('data-decision="escalate"');
    expect(size(join(r.out, "acquisition-finance.md"))).toBeGreaterThan(1000);
    const assessment = AssessmentSchema.parse(JSON.parse(readFileSync(join(r.out, "acquisition-finance.json"), "utf8")));
    expect(assessment.plan.tasks.find((t) => t.expert === "lending")?.dependsOn).toEqual(["fx"]);
    expectInOrder(r.stderr, ["✓ fx", "✓ lending"]);
  });

  it("(2) yen-funded USD bond underwriting: markets and legal, fx advising, approved with conditions", () => {
    const r = runExample("usd-bond-underwriting.ts");
    expect(r.code, r.stderr).toBe(0);
    // No borrower financials, so no currency mismatch to measure: fx is consulted for the question's words only.
    expect(r.stdout).toContain("plan: legal (required), fx (advisory), markets (required)");
    expect(r.stdout).toMatch(/INFO +DATA-NEEDED +fx /);
    expect(readFileSync(join(r.out, "usd-bond-underwriting.html"), "utf8")).toContain('data-decision="approve_with_conditions"');
  });

  it("(3) the Japanese 与信稟議: a Japanese report", () => {
    const r = runExample("ringi-ja.ts");
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(r.out, "ringi-ja.html"), "utf8");
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("株式会社さくら不動産");
    expect(readFileSync(join(r.out, "ringi-ja.md"), "utf8").split("\n")[0]).toBe("# リスク審査: 上申 (リスク評価 高)");
  });

  it("(5) a custom council with a fifth expert: its domain is in the report", () => {
    const r = runExample("custom-council.ts");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("RE-VACANCY");
    const html = readFileSync(join(r.out, "custom-council.html"), "utf8");
    expect(html).toContain('data-domain="real-estate"');
    expect(size(join(r.out, "custom-council.md"))).toBeGreaterThan(1000);
  });
});
