import { fileURLToPath } from "node:url";
import { MemorySaver } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { loadCaseFile, type Assessment } from "@kyocho/core";
import { createCouncil } from "@kyocho/council";
import { MemoryAuditSink } from "@kyocho/testing";
import { resolveCouncil } from "../cli-context.js";
import { alreadySigned, type SignoffStore } from "../signoff-store.js";
import { signAssessment } from "./signoff.js";

const at = "2026-11-30T10:00:00Z";

/**
 * A store over one MemorySaver that counts what it was asked to record; its reservations are a
 * compare-and-set on the number of signatures, as the store's record is.
 */
function memoryStore() {
  const checkpointer = new MemorySaver();
  const recorded: Assessment[] = [];
  const reserved = new Map<string, string[]>();
  const store: SignoffStore = {
    checkpointer,
    reserveSignoff: async (before, after) => {
      await Promise.resolve(); // as a database would: the other signer runs meanwhile
      const taken = reserved.get(before.id) ?? [];
      if (taken.length !== (before.signoff?.signatures.length ?? 0)) throw alreadySigned(before.id);
      reserved.set(before.id, [...taken, after.signatures.at(-1)!.name]);
    },
    recordSignoff: async (a) => void recorded.push(a),
    close: async () => undefined,
  };
  return { checkpointer, recorded, reserved, open: async () => store };
}

describe("kyocho signoff against a store", () => {
  it("signs through the store's checkpointer and records each accepted signature once; a refused one records nothing", async () => {
    const resolved = await resolveCouncil({});
    const store = memoryStore();
    const c = loadCaseFile(fileURLToPath(new URL("../../../../examples/cases/acquisition-finance.yaml", import.meta.url)));
    const { id, signoff } = await createCouncil({ ...resolved, checkpointer: store.checkpointer }).assess({
      question: c.question,
      case: c,
      requestedBy: "tanaka",
    });
    expect(signoff).toMatchObject({ status: "awaiting_signoff", required: { role: "credit_committee", signatures: 2 } });

    const audit = new MemoryAuditSink();
    const sign = (request: Parameters<typeof signAssessment>[0]["request"]) => signAssessment({ id, request, council: resolved, openStore: store.open, audit });
    await expect(sign({ name: "sato", role: "credit_department", decision: "decline", at })).rejects.toMatchObject({
      code: "ROLE_NOT_AUTHORISED",
      exitCode: 2,
    });
    await expect(sign({ name: "Tanaka", role: "credit_committee", decision: "decline", at })).rejects.toMatchObject({ code: "REQUESTER_SIGNING" });
    await expect(sign({ name: "sato", role: "credit_committee", decision: "approve", at })).rejects.toMatchObject({ code: "REASON_REQUIRED" });
    expect(store.recorded).toEqual([]);
    expect(audit.entries).toEqual([]);

    const first = await sign({
      name: "sato",
      role: "credit_committee",
      decision: "approve_with_conditions",
      conditions: ["Sponsor equity before drawdown"],
      reason: "hedging programme agreed",
      at,
    });
    await expect(sign({ name: "SATO", role: "credit_committee", decision: "approve_with_conditions", reason: "again", at })).rejects.toMatchObject({
      code: "ALREADY_SIGNED",
    });
    const second = await sign({ name: "suzuki", role: "credit_committee", decision: "approve_with_conditions", reason: "concur", at });
    expect([first.signoff!.status, second.signoff!.status]).toEqual(["awaiting_signoff", "approved_with_conditions"]);
    expect(store.recorded.map((a) => a.signoff!.signatures.length)).toEqual([1, 2]);
    expect(second.signoff!.conditions).toContain("Sponsor equity before drawdown");
    expect(audit.ofKind("signoff").map((e) => `${e.signer.name}:${e.status}`)).toEqual(["sato:awaiting_signoff", "suzuki:approved_with_conditions"]);
  });

  it("of signers racing for the last signature, reserves it for one and resumes the thread only for that one", async () => {
    const resolved = await resolveCouncil({});
    const store = memoryStore();
    const c = loadCaseFile(fileURLToPath(new URL("../../../../examples/cases/acquisition-finance.yaml", import.meta.url)));
    const { id } = await createCouncil({ ...resolved, checkpointer: store.checkpointer }).assess({ question: c.question, case: c, requestedBy: "tanaka" });
    const sign = (name: string) =>
      signAssessment({ id, request: { name, role: "credit_committee", decision: "decline", at }, council: resolved, openStore: store.open });
    await sign("sato");

    const racers = ["suzuki", "ito", "kato", "yamada"];
    const results = await Promise.allSettled(racers.map(sign));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [racers[i]!] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "ALREADY_SIGNED", exitCode: 2 });
    expect(store.reserved.get(id)).toEqual(["sato", won[0]]);
    // The thread holds the same signatures as the reservations: no loser resumed it.
    const thread = await createCouncil({ ...resolved, checkpointer: store.checkpointer }).resume(id);
    expect(thread!.signoff!.signatures.map((s) => s.name)).toEqual(["sato", won[0]]);
    expect(thread!.signoff!.status).toBe("declined");
  });

  it("refuses an assessment the store does not hold", async () => {
    const store = memoryStore();
    await expect(
      signAssessment({
        id: "a-unknown",
        request: { name: "sato", role: "credit_committee", decision: "decline", at },
        council: await resolveCouncil({}),
        openStore: store.open,
      }),
    ).rejects.toMatchObject({ code: "UNKNOWN_ASSESSMENT", exitCode: 2 });
  });
});
