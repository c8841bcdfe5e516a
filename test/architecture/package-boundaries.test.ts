import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv } from "../helpers/cli-env.js";
import { packagesIn, runCliListingModules } from "../helpers/module-log.js";
import { REPO_ROOT } from "../helpers/run-cli.js";

const RECORDER = new URL("../helpers/module-recorder.mjs", import.meta.url).href;

/** Runs an ES module snippet from the repository root (so `@kyocho/*` resolve to the built packages) and lists the modules it loaded. */
function runListingModules(source: string): { code: number | null; stdout: string; stderr: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "kyocho-boundaries-"));
  const log = join(dir, "modules.txt");
  const r = spawnSync(process.execPath, ["--import", RECORDER, "--input-type=module", "-e", source], {
    cwd: REPO_ROOT,
    env: cliEnv({ KYOCHO_MODULE_LOG: log }),
    encoding: "utf8",
    timeout: 60_000,
  });
  let text = "";
  try {
    text = readFileSync(log, "utf8");
  } catch {
    // No log: the recorder never ran; the caller's check on `modules` says so.
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules: [...new Set(text.split("\n").filter(Boolean))] };
}

/** Workspace folders (relative to the repository root) that `modules` were loaded from. */
function workspacesIn(modules: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const m of modules) {
    const path = m.startsWith("file:") ? new URL(m).pathname : m;
    const match = /^((?:packages|experts|councils)\/[^/]+)\//.exec(relative(REPO_ROOT, path));
    if (match) found.add(match[1]!);
  }
  return found;
}

// Records the paths the process reads through node:fs (knowledge bases are read with readdirSync/readFileSync).
const BUILD_A_GRAPH = `
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const read = [];
for (const name of ["readdirSync", "readFileSync"]) {
  const original = fs[name];
  fs[name] = (path, ...rest) => (read.push(String(path)), original(path, ...rest));
}
syncBuiltinESMExports();
const { createCouncilGraph } = await import("@kyocho/council");
const { defineExpert } = await import("@kyocho/expert-kit");
const { parsePolicy } = await import("@kyocho/core");
const esg = defineExpert({ name: "esg", description: "ESG screen", keywords: ["esg"], run: () => ({ findings: [] }) });
const policy = parsePolicy({ id: "p", name: "p", merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } }, experts: {} });
const graph = createCouncilGraph({ experts: [esg], policy });
const out = await graph.invoke({ question: "esg screen please" });
console.log(out.assessment.decision);
console.log(JSON.stringify(read.filter((path) => path.includes("knowledge"))));
`;

describe("what a package loads", () => {
  it("building and running a council graph loads no expert, reads no knowledge file and loads no queue", () => {
    const r = runListingModules(BUILD_A_GRAPH);
    expect(r.code, r.stderr).toBe(0);
    const [decision, knowledgeRead] = r.stdout.trim().split("\n");
    expect(decision).toMatch(/^(approve|approve_with_conditions|escalate|decline)$/);
    expect(JSON.parse(knowledgeRead!)).toEqual([]);
    const workspaces = workspacesIn(r.modules);
    expect(workspaces, "the module recorder saw no workspace package").toContain("packages/council");
    expect([...workspaces].filter((w) => w.startsWith("experts/") || w.startsWith("councils/") || w === "packages/queue")).toEqual([]);
    expect([...packagesIn(r.modules)].filter((p) => p === "bullmq" || p === "ioredis")).toEqual([]);
  });

  it("the reference council, by contrast, loads its four experts (the recorder sees them)", () => {
    const r = runListingModules(`import { referenceExperts } from "@kyocho/reference-council"; console.log(referenceExperts.length);`);
    expect(r.code, r.stderr).toBe(0);
    expect([...workspacesIn(r.modules)].filter((w) => w.startsWith("experts/")).sort()).toEqual([
      "experts/fx",
      "experts/legal",
      "experts/lending",
      "experts/markets",
    ]);
  });

  it("an in-process kyocho batch loads neither BullMQ nor ioredis", () => {
    const dir = mkdtempSync(join(tmpdir(), "kyocho-batch-modules-"));
    const input = join(dir, "in.jsonl");
    writeFileSync(input, `${JSON.stringify({ id: "one", question: "Is the FX hedge on the USD facility enough?" })}\n`);
    for (const env of [{}, { KYOCHO_NO_BUNDLE: "1" }]) {
      const r = runCliListingModules(["batch", input, "--out", join(dir, `out-${Object.keys(env).length}.jsonl`), "--quiet"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(
        r.modules.some((m) => /kyocho\.js$/.test(m)),
        "the module recorder did not run",
      ).toBe(true);
      expect([...packagesIn(r.modules)].filter((p) => p === "bullmq" || p === "ioredis")).toEqual([]);
    }
  });
});

/** Every import specifier in a TypeScript file. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)"([^"]+)"/g)].map((m) => m[1]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

const WORKSPACES = [
  ...readdirSync(join(REPO_ROOT, "packages")).map((p) => `packages/${p}`),
  ...readdirSync(join(REPO_ROOT, "experts")).map((p) => `experts/${p}`),
  ...readdirSync(join(REPO_ROOT, "councils")).map((p) => `councils/${p}`),
];

describe("package boundaries", () => {
  it("no package reaches into another's files: other packages are imported by name and public subpath only", () => {
    const offences: string[] = [];
    for (const workspace of WORKSPACES) {
      const root = join(REPO_ROOT, workspace);
      for (const file of sourceFiles(join(root, "src"))) {
        for (const spec of specifiers(readFileSync(file, "utf8"))) {
          const where = `${relative(REPO_ROOT, file)} imports ${spec}`;
          if (/^@kyocho\/[^/]+\/(src|dist)(\/|$)/.test(spec)) offences.push(where);
          if (spec.startsWith(".")) {
            const target = relative(root, join(file, "..", spec));
            // Tests may use the repository's shared test helpers; nothing else leaves its package.
            const toTestHelpers = file.endsWith(".test.ts") && relative(REPO_ROOT, join(file, "..", spec)).startsWith("test/helpers/");
            if (target.startsWith("..") && !toTestHelpers) offences.push(where);
          }
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("@kyocho/core's root index exports at most 60 names", async () => {
    const core = await import("../../packages/core/src/index.js");
    const text = readFileSync(join(REPO_ROOT, "packages/core/src/index.ts"), "utf8");
    const names = [...text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)].flatMap((m) =>
      m[2]!
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .map((n) => (m[1] ? `type ${n}` : n)),
    );
    expect(names.length).toBeLessThanOrEqual(60);
    // The values among them are what the module really exports (types leave no trace at run time), so the count read here is the real one.
    expect(Object.keys(core).length).toBe(names.filter((n) => !n.startsWith("type ")).length);
  });
});
