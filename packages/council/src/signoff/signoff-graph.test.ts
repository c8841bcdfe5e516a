import { MemorySaver } from "@langchain/langgraph";
import { Command } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { defineExpert } from "@kyocho/expert-kit";
import { parsePolicy, type Case, type Severity } from "@kyocho/core";
import { MemoryAuditSink } from "@kyocho/testing";
import { createCouncil } from "../council.js";
import type { CouncilEvent } from "../council-events.js";
import { SignoffRefusedError } from "./signoff-refused-error.js";

const policy = parsePolicy({
  id: "signoff-test",
  name: "Sign-off test policy",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" }, vetoes: ["T-VETO"] },
  signoff: {
    currency: "JPY",
    roles: ["branch_manager", "credit_department", "credit_committee"],
    authorities: [
      { role: "branch_manager", upToAmount: 1e9, upToDecision: "approve_with_conditions", upToRating: "high" },
      { role: "credit_department", upToAmount: 1e10, upToRating: "high" },
      { role: "credit_committee", signatures: 2 },
    ],
  },
});

/** One expert that reports one finding of the given severity and rule id, counting its runs. */
function probe(runs: { count: number }, severity: Severity, ruleId = "T-1") {
  return defineExpert({
    name: "probe",
    description: "test expert",
    keywords: ["probe"],
    isRequired: () => true,
    dependsOn: () => [],
    run: async () => {
      runs.count++;
      return {
        findings: [{ ruleId, severity, title: ruleId, message: "seen", metrics: {}, citations: [], condition: "quarterly covenant test" }],
        metrics: {},
      };
    },
  });
}

const facility = (amount: number) => ({ type: "term_loan", amount, currency: "JPY", tenorYears: 5, rate: 0.02, amortization: "bullet" });
const dealOf = (amount: number) =>
  ({
    id: "deal",
    asOf: "2026-11-30",
    bank: { baseCurrency: "JPY", homeCountry: "JP" },
    borrower: { name: "Acme", country: "JP" },
    facility: facility(amount),
  }) as unknown as Case;
const at = "2026-11-30T10:00:00Z";
const threadOf = (id: string) => ({ configurable: { thread_id: id } });

describe("sign-off in the council graph", () => {
  it("without a checkpointer, ends awaiting sign-off and names the authority (no interrupt)", async () => {
    const runs = { count: 0 };
    const assessment = await createCouncil({ experts: [probe(runs, "high")], policy }).assess({ question: "q", case: dealOf(5e9), requestedBy: "tanaka" });
    expect(assessment.decision).toBe("escalate");
    expect(assessment.signoff).toMatchObject({
      status: "awaiting_signoff",
      requestedBy: "tanaka",
      required: { role: "credit_department", signatures: 1, basis: { amount: 5e9, currency: "JPY", recommendation: "escalate", rating: "high" } },
    });
  });

  it("needs no sign-off for a case without a facility", async () => {
    const c = { ...dealOf(1), facility: undefined } as Case;
    const checkpointer = new MemorySaver();
    const council = createCouncil({ experts: [probe({ count: 0 }, "low")], policy, checkpointer });
    const assessment = await council.assess({ question: "q", case: c });
    expect(assessment.signoff).toBeUndefined();
    expect((await council.graph.getState(threadOf(assessment.id))).next).toEqual([]);
  });

  it("stops at the signoff interrupt, and two committee signatures make it final without running the experts again", async () => {
    const runs = { count: 0 };
    const audit = new MemoryAuditSink();
    const council = createCouncil({ experts: [probe(runs, "medium")], policy, audit, checkpointer: new MemorySaver() });
    const requested = await council.assess({ question: "q", case: dealOf(2e10), requestedBy: "tanaka" });
    expect(requested.signoff).toMatchObject({ status: "awaiting_signoff", required: { role: "credit_committee", signatures: 2 } });
    const waiting = await council.graph.getState(threadOf(requested.id));
    expect(waiting.next).toEqual(["signoff"]);
    expect(waiting.tasks[0]!.interrupts[0]!.value).toMatchObject({ assessmentId: requested.id, signoff: { status: "awaiting_signoff" } });

    const first = await council.signoff(requested.id, {
      name: "sato",
      role: "credit_committee",
      decision: "approve_with_conditions",
      conditions: ["parent guarantee"],
      at,
    });
    expect(first.signoff).toMatchObject({ status: "awaiting_signoff", signatures: [{ name: "sato" }] });
    expect((await council.graph.getState(threadOf(requested.id))).next).toEqual(["signoff"]);

    const events: CouncilEvent[] = [];
    for await (const chunk of await council.graph.stream(
      new Command({ resume: { name: "suzuki", role: "credit_committee", decision: "approve_with_conditions", at } }),
      { ...threadOf(requested.id), streamMode: "custom" },
    )) {
      events.push(chunk as CouncilEvent);
    }
    expect(events).toEqual([{ type: "signed", status: "approved_with_conditions", signatures: 2, required: 2 }]);
    const final = await council.graph.getState(threadOf(requested.id));
    expect(final.next).toEqual([]);
    const signoff = (final.values as { assessment: { signoff: unknown } }).assessment.signoff;
    expect(signoff).toMatchObject({
      status: "approved_with_conditions",
      conditions: ["quarterly covenant test", "parent guarantee"],
      signatures: [{ name: "sato" }, { name: "suzuki" }],
    });
    // Asked again, the thread's assessment is returned as it stands: nothing runs again, no signature is lost.
    const again = await council.assess({ question: "q", case: dealOf(2e10), requestedBy: "tanaka" });
    expect(again.signoff).toEqual(signoff);
    expect(runs.count).toBe(1);
    // The audit trail: the recommendation's line, then one line per signature, in order.
    expect(audit.entries.map((e) => e.kind)).toEqual(["assessment", "signoff", "signoff"]);
    expect(audit.ofKind("signoff").map((e) => [e.signer.name, e.decision, e.status, e.signatures.given, e.override])).toEqual([
      ["sato", "approve_with_conditions", "awaiting_signoff", 1, false],
      ["suzuki", "approve_with_conditions", "approved_with_conditions", 2, false],
    ]);
  });

  it("a refused sign-off leaves the checkpoint unchanged, through the council and through a raw resume", async () => {
    const audit = new MemoryAuditSink();
    const council = createCouncil({ experts: [probe({ count: 0 }, "high")], policy, audit, checkpointer: new MemorySaver() });
    const { id } = await council.assess({ question: "q", case: dealOf(2e10), requestedBy: "tanaka" });
    const before = await council.graph.getState(threadOf(id));

    await expect(council.signoff(id, { name: "sato", role: "credit_department", decision: "approve", reason: "r", at })).rejects.toThrow(SignoffRefusedError);
    await expect(council.signoff(id, { name: "tanaka", role: "credit_committee", decision: "decline", at })).rejects.toMatchObject({
      code: "REQUESTER_SIGNING",
    });
    const after = await council.graph.getState(threadOf(id));
    expect(after.config.configurable?.checkpoint_id).toBe(before.config.configurable?.checkpoint_id);
    expect(after.values).toEqual(before.values);

    // Resumed directly, the node applies the same rules: it stops again with the refusal, the checkpoint as it was.
    const refused = (await council.graph.invoke(new Command({ resume: { name: "sato", role: "branch_manager", decision: "decline", at } }), threadOf(id))) as {
      __interrupt__?: Array<{ value?: unknown }>;
    };
    expect(refused.__interrupt__?.[0]?.value).toMatchObject({
      refused: { code: "ROLE_NOT_AUTHORISED", message: expect.stringContaining("branch_manager may not sign") },
    });
    const raw = await council.graph.getState(threadOf(id));
    expect(raw.values).toEqual(before.values);
    expect(raw.config.configurable?.checkpoint_id).toBe(before.config.configurable?.checkpoint_id);

    expect(audit.ofKind("signoff")).toEqual([]);

    // And the thread still takes a valid signature afterwards.
    const approved = await council.signoff(id, { name: "sato", role: "credit_committee", decision: "approve", reason: "parent guarantee in place", at });
    expect(approved.signoff!.signatures).toHaveLength(1);
    expect(approved.signoff!.signatures[0]!.override).toBe(true);
    expect(audit.ofKind("signoff")[0]).toMatchObject({ override: true, recommendation: "escalate", text: { reason: "parent guarantee in place" } });
    const final = await council.signoff(id, { name: "suzuki", role: "credit_committee", decision: "approve", reason: "as sato", at });
    expect(final.signoff!.status).toBe("approved");
    expect((await council.graph.getState(threadOf(id))).next).toEqual([]);
  });

  it("refuses any approval of a vetoed assessment in the graph; a decline ends it", async () => {
    const council = createCouncil({ experts: [probe({ count: 0 }, "critical", "T-VETO")], policy, checkpointer: new MemorySaver() });
    const { id, vetoes } = await council.assess({ question: "q", case: dealOf(5e8), requestedBy: "tanaka" });
    expect(vetoes.map((v) => v.ruleId)).toEqual(["T-VETO"]);
    await expect(council.signoff(id, { name: "sato", role: "credit_committee", decision: "approve", reason: "r", at })).rejects.toMatchObject({
      code: "VETOED",
    });
    await council.signoff(id, { name: "sato", role: "credit_committee", decision: "decline", at });
    const declined = await council.signoff(id, { name: "suzuki", role: "credit_committee", decision: "decline", at });
    expect(declined.signoff!.status).toBe("declined");
    await expect(council.signoff(id, { name: "ito", role: "credit_committee", decision: "decline", at })).rejects.toMatchObject({ code: "SIGNOFF_FINAL" });
  });

  it("a return by one signer sends it back with the reason", async () => {
    const council = createCouncil({ experts: [probe({ count: 0 }, "medium")], policy, checkpointer: new MemorySaver() });
    const { id } = await council.assess({ question: "q", case: dealOf(2e10), requestedBy: "tanaka" });
    const returned = await council.signoff(id, {
      name: "sato",
      role: "credit_committee",
      decision: "return",
      reason: "collateral valuation is two years old",
      at,
    });
    expect(returned.signoff).toMatchObject({ status: "returned", returnedReason: "collateral valuation is two years old" });
  });
});
