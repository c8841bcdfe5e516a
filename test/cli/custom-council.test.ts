import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";

// Tier: *.test.ts — the built CLI with a council module of the user's own (examples/councils/real-estate.ts: the
// reference four plus a real-estate expert, under the reference policy with a section for it).
const COUNCIL = join(REPO_ROOT, "examples/councils/real-estate.ts");
const CASE = join(REPO_ROOT, "examples/councils/office-tower.yaml");
const dir = mkdtempSync(join(tmpdir(), "kyocho-council-"));
const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;

describe("--council MODULE", () => {
  it("ask runs the module's fifth expert under the module's policy", () => {
    const r = runCli(["ask", "--council", COUNCIL, "--case", CASE, "--json", "-q"]);
    expect(r.code, r.stderr).toBe(0);
    const a = json(r.stdout);
    expect(a.experts.map((e: { name: string }) => e.name).sort()).toEqual(["legal", "lending", "real-estate"]);
    expect(a.findings.find((f: { ruleId: string }) => f.ruleId === "RE-VACANCY")).toMatchObject({
      expert: "real-estate",
      severity: "medium",
      message: "vacancy 22.0%",
    });
    expect(a.policy.id).toBe("reference-v2-real-estate");
  });

  it("plan and experts see the same council; the case schema knows the module's section", () => {
    const plan = runCli(["plan", "--council", COUNCIL, "--case", CASE, "--json"]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(json(plan.stdout).tasks.find((t: { expert: string }) => t.expert === "real-estate")).toMatchObject({ role: "required" });
    const experts = runCli(["experts", "--council", COUNCIL, "--json"]);
    expect(experts.code, experts.stderr).toBe(0);
    expect(JSON.stringify(json(experts.stdout))).toContain("real-estate");
    // Without the module, the same case is refused: `property` is no section of the reference council.
    const without = runCli(["ask", "--case", CASE, "-q"]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/property: unknown key/);
  });

  it.each([
    ["a missing module", () => join(dir, "nope.mjs"), /--council .*nope\.mjs: file not found/],
    ["a module without a council", () => write("empty.mjs", "export const nothing = 1;\n"), /--council .*empty\.mjs: exports no council/],
    ["a module with no experts", () => write("none.mjs", "export default { experts: [] };\n"), /--council .*none\.mjs: experts: must list at least one expert/],
    [
      "a module that throws",
      () => write("throws.mjs", "throw new Error('no database here');\n"),
      /--council .*throws\.mjs: the module failed to load: no database here/,
    ],
  ])("%s is exit 2, one line naming the module", (_name, module, message) => {
    const r = runCli(["ask", "--council", module(), "q"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
