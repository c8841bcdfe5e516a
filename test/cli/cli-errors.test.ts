import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-cli-"));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A bad-input run: exit 2, exactly one line on stderr, no stack trace. */
function expectBadInput(args: string[], pattern: RegExp) {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r;
}

describe("kyocho CLI: bad input", () => {
  it("--case on a missing file", () => {
    expectBadInput(["ask", "--case", join(dir, "nope.json"), "q"], /case file .*nope\.json: file not found/);
  });

  it("invalid JSON", () => {
    expectBadInput(["ask", "--case", write("broken.json", '{ "borrower": '), "q"], /broken\.json: invalid JSON/);
  });

  it("invalid YAML names the line", () => {
    expectBadInput(["ask", "--case", write("broken.yaml", "borrower:\n  name: [unclosed\n"), "q"], /broken\.yaml: invalid YAML/);
  });

  it("an unknown top-level key names its path", () => {
    expectBadInput(["ask", "--case", write("unknown.json", JSON.stringify({ schemaVersion: 2, borower: {} })), "q"], /unknown\.json: borower: unknown key/);
  });

  it("a negative amount names its path", () => {
    const c = { schemaVersion: 2, facility: { type: "term_loan", amount: -5, currency: "USD", tenorYears: 5, rate: 0.05, amortization: "bullet" } };
    expectBadInput(["ask", "--case", write("negative.json", JSON.stringify(c)), "q"], /facility\.amount: .*>=\s?0/);
  });

  it("a hedge without a direction names its path", () => {
    const c = { schemaVersion: 2, fx: { hedges: [{ currency: "EUR", notional: 5, instrument: "forward" }] } };
    expectBadInput(["ask", "--case", write("hedge.json", JSON.stringify(c)), "q"], /fx\.hedges\[0\]\.direction: /);
  });

  it("a v1 case file names the command that converts it", () => {
    expectBadInput(
      ["ask", "--case", write("v1.json", JSON.stringify({ borrower: { name: "Acme", country: "JP" } })), "q"],
      /v1\.json: schemaVersion: missing: this is a v1 case file; convert it with kyocho migrate case .*v1\.json \[--out FILE\]/,
    );
  });

  it("a plan with a cycle", () => {
    const plan = {
      tasks: [
        { id: "fx", expert: "fx", question: "", dependsOn: ["lending"] },
        { id: "lending", expert: "lending", question: "", dependsOn: ["fx"] },
      ],
    };
    const c = { schemaVersion: 2, borrower: { name: "Acme", country: "JP" } };
    expectBadInput(
      ["ask", "--case", write("c.json", JSON.stringify(c)), "--plan", write("cyclic-plan.json", JSON.stringify(plan)), "q"],
      /plan: plan\.tasks\[0\]\.dependsOn: dependency cycle fx → lending → fx/,
    );
  });

  it("a plan naming an unknown expert", () => {
    const plan = { tasks: [{ id: "x", expert: "astrology", question: "" }] };
    expectBadInput(["ask", "q", "--plan", write("unknown-plan.json", JSON.stringify(plan))], /plan\.tasks\[0\]\.expert: unknown expert "astrology"/);
  });

  it("a bad policy file names the field path", () => {
    const policy = `id: p\nname: P\nmerge:\n  decisions: { low: approve, medium: approve, high: escalate, critical: decline }\nexperts:\n  lending:\n    rules: {}\n`;
    expectBadInput(["ask", "q", "--policy", write("bad-policy.yaml", policy)], /policy .*: experts\.lending\.rules\.LEN-LEV/);
  });

  it("a policy may not approve on incomplete evidence", () => {
    const policy = `id: p\nname: P\nmerge:\n  decisions: { low: approve, medium: approve, high: escalate, critical: decline }\n  incompleteFloor: approve\n`;
    expectBadInput(["ask", "q", "--policy", write("floor-policy.yaml", policy)], /merge\.incompleteFloor/);
  });

  it("an unknown option is a usage error (exit 2)", () => {
    const r = runCli(["ask", "--frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });

  it("an unknown planning mode names the option", () => {
    expectBadInput(["ask", "q", "--planning", "eager"], /--planning: "eager" is not a planning mode: use speculative or sequential/);
  });

  it("a model config with an unknown planning mode names the key", () => {
    expectBadInput(["ask", "q", "--config", write("planning.yaml", "planning: eager\n")], /planning\.yaml: planning: /);
  });

  it("no question and no case", () => {
    expectBadInput(["ask"], /give a question, a --case file, or both/);
  });
});

describe("kyocho CLI: help", () => {
  it.each([["--help"], ["ask", "--help"], ["plan", "--help"], ["experts", "--help"], ["schema", "--help"]])("%s exits 0 with usage", (...args) => {
    const r = runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: kyocho/);
  });
});
