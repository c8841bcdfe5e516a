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

  it("(3) the Japanese 与信稟議: requested, escalated, refused to the requester, two committee signatures, a Japanese report", () => {
    const r = runExample("ringi-ja.ts");
    expect(r.code, r.stderr).toBe(0);
    expectInOrder(r.stdout, [
      "【起案】田中 一郎",
      "【推奨】判定「上申」",
      "【決裁権限】与信委員会、署名 2 名（決裁待ち）",
      "【却下】田中 一郎",
      "【署名 1/2】佐藤 花子",
      "【署名 2/2】鈴木 次郎",
      "【決裁】条件付き承認",
    ]);
    const assessment = AssessmentSchema.parse(JSON.parse(readFileSync(join(r.out, "ringi-ja.json"), "utf8")));
    expect(assessment.decision).toBe("escalate");
    expect(assessment.signoff).toMatchObject({ status: "approved_with_conditions", required: { role: "credit_committee", signatures: 2 } });
    expect(assessment.signoff!.signatures.map((s) => [s.name, s.role, s.decision, s.conditions, s.override])).toEqual([
      ["佐藤 花子", "credit_committee", "approve_with_conditions", ["実行前に親会社保証を差し入れること"], true],
      ["鈴木 次郎", "credit_committee", "approve_with_conditions", ["担保不動産の鑑定評価を毎年更新すること"], true],
    ]);
    expect(assessment.signoff!.signatures.every((s) => s.reason)).toBe(true);
    expect(assessment.signoff!.conditions).toEqual(expect.arrayContaining(["実行前に親会社保証を差し入れること", "担保不動産の鑑定評価を毎年更新すること"]));
    const html = readFileSync(join(r.out, "ringi-ja.html"), "utf8");
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("株式会社さくら不動産");
    expect(html).toContain('<section id="signoff" data-status="approved_with_conditions"><h2>決裁: 条件付き承認</h2>');
    const md = readFileSync(join(r.out, "ringi-ja.md"), "utf8");
    expect(md.split("\n")[0]).toBe("# リスク審査: 上申 (リスク評価 高)");
    expect(md).toContain("## 決裁: 条件付き承認");
    expect(md).toContain("佐藤 花子（与信委員会）が推奨判定「上申」に反して条件付き承認。理由：親会社の保証により返済原資が補完される");
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
