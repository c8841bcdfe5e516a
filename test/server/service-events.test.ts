import type { ExpertExecutor } from "@kyocho/core";
import { afterEach, describe, expect, it } from "vitest";
import { exampleCase, json, readEvents, serviceFixture, type ServiceFixture } from "../helpers/service-fixture.js";

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** An executor that holds `expert`'s sub-task until released, and says when it got there. */
function gatedOn(expert: string) {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  const wrap = (inner: ExpertExecutor): ExpertExecutor => ({
    kind: "gated",
    execute: async (request, options) => {
      if (request.task.expert === expert) {
        reached();
        await gate;
      }
      return inner.execute(request, options);
    },
  });
  return { wrap, release, arrived };
}

const ids = (events: Array<{ id: number }>) => events.map((e) => e.id);

describe("kyocho serve: assessment events", () => {
  it("replays every event to a late subscriber, planned … end in order, numbered from 1", async () => {
    fixture = await serviceFixture();
    const done = await fixture.request("/v1/assessments", { ...json({ case: exampleCase("acquisition-finance") }), token: "analyst" });
    expect(done.status).toBe(200);
    const { id } = (await done.json()) as { id: string };
    const { events } = await readEvents(await fixture.request(`/v1/assessments/${id}/events`, { token: "analyst" }));
    expect(events[0]!.event).toBe("planned");
    expect(events.at(-2)).toMatchObject({ event: "awaiting_signoff", data: { status: "awaiting_signoff" } });
    expect(events.at(-1)).toMatchObject({ event: "end", data: { status: "awaiting_signoff" } });
    expect(ids(events)).toEqual(events.map((_, i) => i + 1));
    const planned = events[0]!.data.plan.tasks.map((t: { expert: string }) => t.expert).sort();
    const finished = events
      .filter((e) => e.event === "expert_finished")
      .map((e) => e.data.expert)
      .sort();
    expect(finished).toEqual(planned);
    expect(events.findIndex((e) => e.event === "merged")).toBeGreaterThan(events.findLastIndex((e) => e.event === "expert_finished"));

    // Last-Event-ID resumes after that event.
    const resumed = await readEvents(await fixture.request(`/v1/assessments/${id}/events`, { token: "analyst", headers: { "last-event-id": "3" } }));
    expect(resumed.events).toEqual(events.slice(3));
  });

  it("gives a subscriber who comes mid-run the earlier events, then the live ones, then end", async () => {
    const gated = gatedOn("lending");
    fixture = await serviceFixture({ executor: gated.wrap });
    const accepted = await fixture.request("/v1/assessments", {
      ...json({ case: exampleCase("acquisition-finance") }, { prefer: "respond-async" }),
      token: "analyst",
    });
    expect(accepted.status).toBe(202);
    const { id, status, location } = (await accepted.json()) as { id: string; status: string; location: string };
    expect(status).toBe("running");
    expect(accepted.headers.get("location")).toBe(location);
    await gated.arrived;
    // The run holds at lending: what happened so far is replayed, and the stream stays open.
    const stream = await readEvents(await fixture.request(`/v1/assessments/${id}/events`, { token: "analyst" }), (seen) =>
      seen.some((e) => e.event === "expert_started" && e.data.expert === "lending"),
    );
    const early = [...stream.events];
    expect(early[0]!.event).toBe("planned");
    expect(early.some((e) => e.event === "expert_finished" && e.data.expert === "lending")).toBe(false);
    gated.release();
    const live = await stream.rest();
    expect(live.some((e) => e.event === "expert_finished" && e.data.expert === "lending")).toBe(true);
    expect(live.at(-1)).toMatchObject({ event: "end" });
    expect(ids([...early, ...live])).toEqual([...early, ...live].map((_, i) => i + 1));
    // A second POST of the same case while... after it ran: the same id, nothing run again.
    const again = await fixture.request("/v1/assessments", { ...json({ case: exampleCase("acquisition-finance") }), token: "analyst" });
    expect(((await again.json()) as { id: string }).id).toBe(id);
  });

  it("sends keep-alive comments on a stream while the run is quiet, and the events still arrive whole", async () => {
    const gated = gatedOn("lending");
    fixture = await serviceFixture({ executor: gated.wrap, sseKeepAliveMs: 5 });
    const accepted = await fixture.request("/v1/assessments", {
      ...json({ case: exampleCase("acquisition-finance") }, { prefer: "respond-async" }),
      token: "analyst",
    });
    const { id } = (await accepted.json()) as { id: string };
    await gated.arrived;
    const response = await fixture.request(`/v1/assessments/${id}/events`, { token: "analyst" });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while ((text.match(/^: keep-alive$/gm) ?? []).length < 2) text += decoder.decode((await reader.read()).value, { stream: true });
    gated.release();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const events = [...text.matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe("planned");
    expect(events.at(-1)).toBe("end");
    expect(events).toContain("merged");
  });

  it("joins a second POST of the same case to the run in flight: one run, one event log, one record, the same assessment", async () => {
    const gated = gatedOn("lending");
    let lendingRuns = 0;
    fixture = await serviceFixture({
      executor: (inner) => {
        const g = gated.wrap(inner);
        return { kind: "counting", execute: (r, o) => ((lendingRuns += r.task.expert === "lending" ? 1 : 0), g.execute(r, o)) };
      },
    });
    const body = { case: exampleCase("acquisition-finance") };
    const first = fixture.request("/v1/assessments", { ...json(body), token: "analyst" });
    await gated.arrived;
    // The second request is answered while the first run holds at lending: it must join that run.
    const second = await fixture.request("/v1/assessments", { ...json(body, { prefer: "respond-async" }), token: "analyst" });
    expect(second.status).toBe(202);
    const { id } = (await second.json()) as { id: string };
    const stream = await readEvents(await fixture.request(`/v1/assessments/${id}/events`, { token: "analyst" }), (seen) => seen.length > 0);
    gated.release();
    const events = [...stream.events, ...(await stream.rest())];
    expect(events[0]!.event).toBe("planned");
    expect(events.filter((e) => e.event === "expert_finished" && e.data.expert === "lending")).toHaveLength(1);
    const a = await first;
    expect(a.status).toBe(200);
    expect(((await a.json()) as { id: string }).id).toBe(id);
    expect(lendingRuns).toBe(1);
    expect(await fixture.store.list()).toHaveLength(1);
  });

  it("rebuilds the events of an assessment the service does not hold in memory (after a restart) from the store, signatures included", async () => {
    fixture = await serviceFixture();
    const done = await fixture.request("/v1/assessments", { ...json({ case: exampleCase("acquisition-finance") }), token: "analyst" });
    const assessment = (await done.json()) as { id: string; signoff: { required: { role: string } } };
    const live = await readEvents(await fixture.request(`/v1/assessments/${assessment.id}/events`, { token: "analyst" }));
    const role = assessment.signoff.required.role;
    const signed = await fixture.request(`/v1/assessments/${assessment.id}/signoff`, {
      ...json({ role, decision: "decline", reason: "too much leverage for the committee" }),
      token: "approver",
    });
    expect(signed.status).toBe(200);
    const after = ((await signed.json()) as { signoff: { status: string } }).signoff.status;
    expect((await fixture.store.get(assessment.id))?.status).toBe(after);
    // The same service, after the sign-off: the signature is among the events.
    const same = await readEvents(await fixture.request(`/v1/assessments/${assessment.id}/events`, { token: "analyst" }));
    expect(same.events.at(-2)).toMatchObject({ event: "signed", data: { status: after, signatures: 1 } });
    fixture.restart();
    const { events } = await readEvents(await fixture.request(`/v1/assessments/${assessment.id}/events`, { token: "analyst" }));
    const kinds = (list: Array<{ event: string }>) => [...new Set(list.map((e) => e.event))];
    // The stored assessment cannot tell facts apart from answers: expert_facts is the one event it leaves out.
    expect(kinds(events)).toEqual([...kinds(live.events).filter((k) => k !== "expert_facts" && k !== "end"), "signed", "end"]);
    expect(events.at(-1)).toMatchObject({ event: "end", data: { status: after } });
    expect(events.at(-2)).toMatchObject({ event: "signed", data: { status: after, signatures: 1 } });
  });

  it("keeps a finished run's events in memory for eventRetentionMs, then rebuilds them from the store (memory stays bounded)", async () => {
    let now = new Date("2026-11-30T09:00:00Z");
    fixture = await serviceFixture({ eventRetentionMs: 60_000, now: () => now });
    const done = await fixture.request("/v1/assessments", { ...json({ case: exampleCase("acquisition-finance") }), token: "analyst" });
    const { id } = (await done.json()) as { id: string };
    const kinds = async () => (await readEvents(await fixture!.request(`/v1/assessments/${id}/events`, { token: "analyst" }))).events.map((e) => e.event);
    // Live log: the facts events are there (a stored assessment cannot tell them).
    now = new Date("2026-11-30T09:00:59Z");
    expect(await kinds()).toContain("expert_facts");
    now = new Date("2026-11-30T09:01:01Z");
    const rebuilt = await kinds();
    expect(rebuilt).not.toContain("expert_facts");
    expect(rebuilt[0]).toBe("planned");
    expect(rebuilt.at(-1)).toBe("end");
  });

  it("ends the stream at once, status running, for an assessment running elsewhere (no run in this process feeds it)", async () => {
    fixture = await serviceFixture();
    const { runningRecord } = await import("@kyocho/store");
    const c = fixture.council.parseCase(exampleCase("acquisition-finance"));
    const fixed = fixture.council.identify({ case: c });
    await fixture.store.save(
      runningRecord({ id: fixed.assessmentId, question: fixed.question, case: fixed.case, policy: fixture.council.policy, requestedBy: "ito" }),
    );
    const { events } = await readEvents(await fixture.request(`/v1/assessments/${fixed.assessmentId}/events`, { token: "analyst" }));
    expect(events).toEqual([{ id: 1, event: "end", data: { status: "running" } }]);
  });

  it("404s the events of an unknown assessment", async () => {
    fixture = await serviceFixture();
    const r = await fixture.request("/v1/assessments/a-00000000000000000000/events", { token: "analyst" });
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
  });
});
