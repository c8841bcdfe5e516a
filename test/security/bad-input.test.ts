import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify as toYaml } from "yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AssessmentSchema, KyochoError, UserInputError } from "@kyocho/core";
import { createModelRegistry, parseModelConfig } from "@kyocho/models";
import { readDataFile } from "@kyocho/core/validation";
import { REFERENCE_POLICY_PATH } from "@kyocho/reference-council";
import { batchKey, parseBatchLine, type BatchLineContext } from "@kyocho/batch";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { main } from "../../packages/cli/src/main.js";
import { REPO_ROOT } from "../helpers/run-cli.js";
import { EXAMPLE_CASE } from "../queue/helpers/batch-files.js";

// Property-based: fast-check generates malformed and extreme case files, policy files, config files and
// batch lines, and the real CLI runs each (in this process, for speed): every run ends in a valid assessment
// or exit code 2 with one line naming the file and the field — never exit 1, a crash, a hang or a stack trace.
const dir = mkdtempSync(join(tmpdir(), "kyocho-bad-input-"));
// A fixed seed keeps CI reproducible; KYOCHO_FC_SEED explores others (fast-check prints the seed of any failure).
const SEED = Number(process.env.KYOCHO_FC_SEED ?? 20261129);
let fileNumber = 0;
const file = (ext: string, text: string | Uint8Array) => {
  const path = join(dir, `f${++fileNumber}.${ext}`);
  writeFileSync(path, text);
  return path;
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `kyocho <args>` in this process, capturing its output; fails on a hang. */
async function kyocho(args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const before = process.exitCode;
  process.exitCode = undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      main(["node", "kyocho", ...args]),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`kyocho ${args.join(" ")} hung`)), 10_000))),
    ]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    clearTimeout(timer);
    process.exitCode = before;
    out.mockRestore();
    err.mockRestore();
  }
}

/** The outcome every bad input must have: a valid assessment, or exit 2 with one line naming `source` and no stack. */
function expectAssessmentOrBadInput(run: Run, source: RegExp): void {
  expect([0, 2], run.stderr).toContain(run.code);
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
  if (run.code === 0) {
    AssessmentSchema.parse(JSON.parse(run.stdout));
  } else {
    const lines = run.stderr.trim().split("\n");
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(source);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

// `main` runs here, in the test's process and from the repository root, where a stored `ask` would write
// .kyocho/kyocho.db: these runs keep nothing, as spawned ones do (test/helpers/cli-env.ts).
const storeSetting = process.env.KYOCHO_STORE;
beforeAll(() => {
  process.env.KYOCHO_STORE = "off";
});
afterAll(() => {
  if (storeSetting === undefined) delete process.env.KYOCHO_STORE;
  else process.env.KYOCHO_STORE = storeSetting;
});

// Values that break things: wrong types, edges of numbers, huge and empty strings, control characters, prototypes.
const nasty = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1e308,
    -1e308,
    2 ** 53 + 1,
    5e-324,
    0.5,
    "",
    " ",
    "NaN",
    "Infinity",
    "-1",
    "USD",
    "usd",
    "JP",
    "JPN",
    "__proto__",
    "constructor",
    "\u001b[2J",
    "\u202egnp.exe",
    "\u0000",
    "行\n改",
    "a".repeat(20_000),
    [],
    {},
    [[[]]],
    { __proto__: { polluted: true } },
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);

type Json = unknown;
/** Every path to a value inside `value` (object keys and array indexes). */
function paths(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...at, i])));
  if (value && typeof value === "object") return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...at, k])));
  return here;
}

type Mutation = { kind: "set" | "delete" | "add"; pick: number; key: string; value: unknown };
const mutation = fc.record({
  kind: fc.constantFrom("set", "set", "delete", "add"),
  pick: fc.nat(),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("amount", "__proto__", "x\ny")),
  value: nasty,
}) as fc.Arbitrary<Mutation>;

/** Applies mutations to a deep copy of `base`, each at a path chosen among the ones the copy has at that moment. */
function mutate(base: Json, mutations: Mutation[], allowed: (path: Array<string | number>) => boolean = () => true): Json {
  let root = structuredClone(base);
  for (const m of mutations) {
    const candidates = paths(root).filter(allowed);
    const path = candidates[m.pick % candidates.length] ?? [];
    if (path.length === 0) {
      if (m.kind === "set") root = m.value;
      else if (m.kind === "add" && root && typeof root === "object" && !Array.isArray(root))
        Object.defineProperty(root, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const parent = path.slice(0, -1).reduce<any>((node, k) => node?.[k], root);
    const last = path.at(-1)!;
    if (!parent || typeof parent !== "object") continue;
    if (m.kind === "set") parent[last] = m.value;
    else if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (Array.isArray(target)) target.push(m.value);
      else if (target && typeof target === "object")
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

const exampleCases = ["acquisition-finance", "full-council", "markets-book", "ringi-ja", "sanctions-declined", "clean-domestic-term-loan"].map((name) =>
  readDataFile(join(REPO_ROOT, "examples/cases", `${name}.yaml`), "case file"),
);
const serialise = (value: unknown, format: "json" | "yaml") => (format === "json" ? (JSON.stringify(value) ?? "null") : toYaml(value));

describe("bad input: malformed and extreme files end in an assessment or exit 2, never a crash", () => {
  it("case files (JSON and YAML), mutated from the example deals", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...exampleCases),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("json" as const, "yaml" as const),
        async (base, mutations, format) => {
          const path = file(format, serialise(mutate(base, mutations), format));
          expectAssessmentOrBadInput(await kyocho(["ask", "--case", path, "--json", "-q"]), new RegExp(`^kyocho: case file ${path}: `));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it("case files that are not cases at all: any JSON value, binary garbage, broken syntax", async () => {
    const content = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        "{",
        "[",
        '{"borrower": ',
        "borrower:\n  - [",
        "a: &a [*a]",
        "\uFEFF{}",
        "",
        "---\n---\n",
        "!!js/function 'x'",
        `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(content, fc.constantFrom("json", "yaml"), async (text, ext) => {
        const path = file(ext, text);
        expectAssessmentOrBadInput(await kyocho(["ask", "--case", path, "--json", "-q", "Can we lend?"]), new RegExp(`^kyocho: case file ${path}: `));
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 60_000);

  it("policy files, mutated from the Reference Policy v1", async () => {
    const reference = readDataFile(REFERENCE_POLICY_PATH, "policy file");
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const path = file("yaml", toYaml(mutate(reference, mutations)));
        // A policy is checked as a file, then by each expert for its own section (named by the policy's id).
        expectAssessmentOrBadInput(
          await kyocho(["ask", "--policy", path, "--case", EXAMPLE_CASE, "--json", "-q"]),
          new RegExp(`^kyocho: (policy file ${path}|policy [^:]+): `),
        );
      }),
      { seed: SEED, numRuns: 100 },
    );
  }, 60_000);

  it("model config files, mutated from a valid one (models outside the test are unreachable: the experts fall back)", async () => {
    const valid = {
      models: { default: { baseURL: "http://127.0.0.1:1/v1", model: "m", timeoutMs: 300, maxRetries: 0 }, experts: { fx: { model: "fx-model" } } },
      allowedHosts: ["vllm.bank.internal"],
      audit: { enabled: false },
      summary: { enabled: false },
    };
    // The audit section stays off, so a mutation cannot make a run write an audit file into the repository.
    const notAudit = (path: Array<string | number>) => path[0] !== "audit";
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom("json" as const, "yaml" as const), async (mutations, format) => {
        const config = mutate(valid, mutations, notAudit) as Record<string, unknown>;
        if (config && typeof config === "object" && !Array.isArray(config)) config.audit = { enabled: false };
        const path = file(format, serialise(config, format));
        expectAssessmentOrBadInput(await kyocho(["ask", "--config", path, "--case", EXAMPLE_CASE, "--json", "-q"]), new RegExp(`^kyocho: config file ${path}`));
      }),
      { seed: SEED, numRuns: 100 },
    );
  }, 60_000);

  it("model configs of any shape are accepted or refused as user errors (parse and registry, in process)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ models: fc.jsonValue(), allowedHosts: fc.jsonValue(), allowExternal: fc.jsonValue() }, { requiredKeys: [] })),
        (raw) => {
          try {
            createModelRegistry(parseModelConfig(raw, { source: "config file c.json" }), { env: {} });
          } catch (error) {
            expect(error).toBeInstanceOf(UserInputError);
            expect((error as Error).message).toMatch(/^config file c\.json/);
            expect((error as Error).message).not.toContain("\n");
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("a model server down at start", () => {
  it("is a planner failure, not the command's: the embedded planner plans and the experts fall back", async () => {
    // No model name configured: the planner's would be asked of the server's /v1/models, which does not answer.
    const config = file("json", JSON.stringify({ models: { default: { baseURL: "http://127.0.0.1:1/v1", maxRetries: 0 } }, audit: { enabled: false } }));
    const run = await kyocho(["ask", "--config", config, "--case", EXAMPLE_CASE, "--json", "-q"]);
    expect(run.code, run.stderr).toBe(0);
    const assessment = AssessmentSchema.parse(JSON.parse(run.stdout));
    expect(assessment.plan.planner).toBe("embedded (fallback: model error)");
    expect(assessment.plan.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^the model planner failed \(model error: no model name configured and 127\.0\.0\.1:1\/…\/models did not name one .*\); the embedded planner's plan is used$/,
        ),
      ]),
    );
    expect(assessment.experts.every((e) => e.status === "ok" && e.modelUse?.outcome === "fallback")).toBe(true);
  });
});

describe("bad input: batch lines", () => {
  const council = createReferenceCouncil();
  const context: BatchLineContext = { baseDir: dir, parseCase: (raw, source) => council.parseCase(raw, source), loadCaseFile: () => council.parseCase({}) };
  const validLine = fc
    .record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.nat(50)), question: fc.constantFrom("Can we lend?", "円安の影響は？") })
    .map((l) => ({ ...l, caseFile: EXAMPLE_CASE }));
  const line = fc.oneof(
    validLine.map((l) => JSON.stringify(l)),
    fc.tuple(validLine, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([l, m]) => JSON.stringify(mutate(l, m)) ?? "null"),
    fc
      .tuple(fc.constantFrom(...exampleCases), fc.array(mutation, { maxLength: 2 }), fc.nat(30))
      .map(([c, m, id]) => JSON.stringify({ id, case: mutate(c, m) })),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      "",
      "   ",
      "{",
      '{"id": "only-id"}',
      '{"id": ""}',
      '{"id": -1, "question": "q"}',
      '{"id": 1.5}',
      `{"id": "${"i".repeat(300)}"}`,
      '{"id": "x", "qestion": "typo"}',
    ),
  );

  it("parseBatchLine turns any text into an item or an error, never a throw", () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 1, max: 1_000_000 }), (text, n) => {
        const parsed = parseBatchLine(text, n, context);
        if ("error" in parsed) {
          expect(parsed.error.message.startsWith(`line ${n}: `)).toBe(true);
          expect(parsed.error.message).not.toContain("\n");
        } else expect(typeof parsed.question).toBe("string");
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("kyocho batch over generated files: exit 0, every id once, each line an assessment or an error naming its line", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        const input = file("jsonl", lines.join("\n"));
        const output = join(dir, `out-${fileNumber}.jsonl`);
        const run = await kyocho(["batch", input, "--out", output, "-q"]);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
        // The ids the batch must account for: each non-blank line's own id, or its line number when it has none.
        const expected = new Set<string>();
        lines.forEach((text, i) => {
          if (!text.trim()) return;
          const parsed = parseBatchLine(text, i + 1, context);
          expected.add(batchKey(parsed.id));
        });
        const records = readFileSync(output, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { id: string | number; assessment?: unknown; error?: { code: string; message: string } });
        expect(records.map((r) => batchKey(r.id)).sort()).toEqual([...expected].sort());
        for (const r of records) {
          if (r.error) expect(r.error.message).toMatch(/^line \d+: /);
          else AssessmentSchema.parse(r.assessment);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 60_000);
});

describe("bad input: no internal error escapes as exit 1", () => {
  it("KyochoError is what a bad file raises, so the exit code is decided in one place", () => {
    // A sanity check on the contract the properties above rely on.
    expect(new UserInputError("x")).toBeInstanceOf(KyochoError);
    expect(new UserInputError("x").exitCode).toBe(2);
  });
});
