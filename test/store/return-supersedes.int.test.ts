import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storeBackends } from "./helpers/store-backends.js";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";

// A returned 稟議 and its corrected re-ask on each back-end: `return` records the reason and the status `returned`;
// `ask --supersedes` starts a new assessment linked to the returned one, shown both ways, and is refused (exit 2,
// nothing written) when the link would be wrong.
const CASE_FILE = join(REPO_ROOT, "examples/cases/acquisition-finance.yaml");
const stores = storeBackends("supersedes");
const { dir } = stores;

/** The case with the target's KYC completed on `reviewedOn`: the correction the return asked for. */
function corrected(reviewedOn: string): string {
  const text = readFileSync(CASE_FILE, "utf8");
  const fixed = text.replace("kyc: { status: pending, riskRating: medium }", `kyc: { status: complete, reviewedOn: "${reviewedOn}", riskRating: medium }`);
  expect(fixed).not.toBe(text);
  const path = join(dir, `corrected-${reviewedOn}.yaml`);
  writeFileSync(path, fixed);
  return path;
}

const backends = stores.env;

afterAll(() => stores.drop());

describe.each(Object.entries(backends))("return and the corrected re-ask on %s", (_name, env) => {
  const ask = (caseFile: string, ...more: string[]) => runCli(["ask", "--case", caseFile, "--json", "--requested-by", "tanaka", ...more], { env });
  const show = (id: string) => JSON.parse(runCli(["show", id, "--json"], { env }).stdout) as Record<string, any>;
  const count = () => (JSON.parse(runCli(["history", "--json"], { env }).stdout) as unknown[]).length;
  let oldId = "";

  it("returns an assessment to the requester with the reason", () => {
    const asked = ask(CASE_FILE);
    expect(asked.code, asked.stderr).toBe(0);
    oldId = (JSON.parse(asked.stdout) as { id: string }).id;
    const returned = runCli(
      ["signoff", oldId, "--as", "suzuki", "--role", "credit_committee", "--decision", "return", "--reason", "KYC of the target is pending"],
      { env },
    );
    expect(returned.code, returned.stderr).toBe(0);
    const record = show(oldId);
    expect(record).toMatchObject({
      status: "returned",
      supersedes: null,
      supersededBy: null,
      signoffs: [{ signer: "suzuki", decision: "return", reason: "KYC of the target is pending" }],
      assessment: { signoff: { status: "returned", returnedReason: "KYC of the target is pending" } },
    });
    expect(runCli(["history", "--status", "returned", "--json"], { env }).stdout).toContain(oldId);
  });

  it("refuses a link that would be wrong, writing nothing", () => {
    const before = count();
    const awaiting = JSON.parse(ask(corrected("2026-11-19")).stdout) as { id: string };
    expect(count()).toBe(before + 1);
    const refusals = {
      unchanged: ask(CASE_FILE, "--supersedes", oldId),
      unknown: ask(corrected("2026-11-20"), "--supersedes", "a-00000000000000000000"),
      notReturned: ask(corrected("2026-11-20"), "--supersedes", awaiting.id),
      alreadyStored: ask(corrected("2026-11-19"), "--supersedes", oldId),
      noStore: ask(corrected("2026-11-20"), "--supersedes", oldId, "--no-store"),
    };
    expect(refusals.unchanged.stderr).toContain("correct the case");
    expect(refusals.unknown.stderr).toContain("no assessment a-00000000000000000000");
    expect(refusals.notReturned.stderr).toContain(`${awaiting.id} is awaiting_signoff: only a returned assessment can be superseded`);
    expect(refusals.alreadyStored.stderr).toContain(`already stored as ${awaiting.id}`);
    expect(refusals.noStore.stderr).toContain("needs a store");
    for (const r of Object.values(refusals)) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain("--supersedes");
    }
    expect(count()).toBe(before + 1);
    expect(show(oldId).supersededBy).toBeNull();
  });

  it("starts a new assessment on the corrected case, linked both ways, once", () => {
    const fixed = corrected("2026-11-20");
    const asked = ask(fixed, "--supersedes", oldId);
    expect(asked.code, asked.stderr).toBe(0);
    const newId = (JSON.parse(asked.stdout) as { id: string }).id;
    expect(newId).not.toBe(oldId);
    expect(asked.stderr).toContain(`stored assessment ${newId} (awaiting_signoff), superseding ${oldId}`);
    expect(show(newId)).toMatchObject({ supersedes: oldId, supersededBy: null, status: "awaiting_signoff", requestedBy: "tanaka" });
    expect(show(oldId)).toMatchObject({ supersededBy: newId, status: "returned" });

    const text = (id: string) => runCli(["show", id], { env }).stdout;
    expect(text(newId)).toContain(`supersedes ${oldId} (returned: KYC of the target is pending)`);
    expect(text(oldId)).toMatch(new RegExp(`superseded by ${newId} \\(awaiting_signoff\\), requested by tanaka`));

    // The same command again (after a crash, or twice) is no new link; a second, different correction is refused.
    const before = count();
    expect(ask(fixed, "--supersedes", oldId).code).toBe(0);
    const second = ask(corrected("2026-11-21"), "--supersedes", oldId);
    expect(second.code, second.stderr).toBe(2);
    expect(second.stderr).toContain(`${oldId} is already superseded by ${newId}`);
    expect(count()).toBe(before);
  });
});
