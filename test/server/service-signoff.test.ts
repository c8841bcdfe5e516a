import { afterEach, describe, expect, it } from "vitest";
import { exampleCase, json, serviceFixture, type ServiceFixture } from "../helpers/service-fixture.js";

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

interface Signed {
  id: string;
  signoff: { status: string; required: { role: string }; signatures: Array<{ name: string; role: string }> };
}

async function awaitingAssessment(f: ServiceFixture): Promise<Signed> {
  const r = await f.request("/v1/assessments", { ...json({ case: exampleCase("acquisition-finance") }), token: "analyst" });
  const a = (await r.json()) as Signed;
  expect(a.signoff.status).toBe("awaiting_signoff");
  return a;
}

describe("kyocho serve: sign-off", () => {
  it("signs as the token's subject, never a name from the body; the record gets the signature", async () => {
    fixture = await serviceFixture();
    const a = await awaitingAssessment(fixture);
    const withName = await fixture.request(`/v1/assessments/${a.id}/signoff`, {
      ...json({ role: a.signoff.required.role, decision: "decline", reason: "leverage", name: "someone-else" }),
      token: "approver",
    });
    // A body that tries to name the signer is refused outright (422), not silently ignored.
    expect(withName.status).toBe(422);
    const r = await fixture.request(`/v1/assessments/${a.id}/signoff`, {
      ...json({ role: a.signoff.required.role, decision: "decline", reason: "leverage" }),
      token: "approver",
    });
    expect(r.status).toBe(200);
    const signed = (await r.json()) as Signed;
    expect(signed.signoff.signatures.map((s) => s.name)).toEqual(["sato"]);
    const record = (await (await fixture.request(`/v1/assessments/${a.id}`, { token: "analyst" })).json()) as {
      status: string;
      signoffs: Array<{ signer: string }>;
    };
    expect(record.signoffs.map((s) => s.signer)).toEqual(["sato"]);
    expect(record.status).toBe(signed.signoff.status);
  });

  it("403s a token without approver:<role>, an analyst, and an admin (operating the service is not credit authority)", async () => {
    fixture = await serviceFixture();
    const a = await awaitingAssessment(fixture);
    const analyst = await fixture.request(`/v1/assessments/${a.id}/signoff`, {
      ...json({ role: a.signoff.required.role, decision: "approve" }),
      token: "analyst",
    });
    expect(analyst.status).toBe(403);
    const otherRole = await fixture.request(`/v1/assessments/${a.id}/signoff`, { ...json({ role: "branch_manager", decision: "approve" }), token: "approver" });
    expect(otherRole.status).toBe(403);
    expect(((await otherRole.json()) as { detail: string }).detail).toBe("needs the role approver:branch_manager");
    const admin = await fixture.request(`/v1/assessments/${a.id}/signoff`, { ...json({ role: a.signoff.required.role, decision: "approve" }), token: "admin" });
    expect(admin.status).toBe(403);
    expect(await fixture.store.signoffs(a.id)).toEqual([]);
  });

  it("409s what the sign-off rules refuse — the requester signing, the same signer twice — with the rule in detail", async () => {
    fixture = await serviceFixture();
    const a = await awaitingAssessment(fixture);
    const role = a.signoff.required.role;
    // `ito` asked (analyst token) and also holds approver:credit_committee: four eyes refuses.
    const requester = await fixture.request(`/v1/assessments/${a.id}/signoff`, { ...json({ role, decision: "decline", reason: "r" }), token: "committee" });
    expect(requester.status).toBe(409);
    expect(((await requester.json()) as { detail: string }).detail).toMatch(/request/i);
    const first = await fixture.request(`/v1/assessments/${a.id}/signoff`, {
      ...json({ role, decision: "return", reason: "KYC of the target" }),
      token: "approver",
    });
    expect(first.status).toBe(200);
    const twice = await fixture.request(`/v1/assessments/${a.id}/signoff`, { ...json({ role, decision: "return", reason: "again" }), token: "approver" });
    expect(twice.status).toBe(409);
    expect(await fixture.store.signoffs(a.id)).toHaveLength(1);
  });

  it("404s the sign-off of an unknown assessment", async () => {
    fixture = await serviceFixture();
    const r = await fixture.request("/v1/assessments/a-00000000000000000000/signoff", {
      ...json({ role: "credit_committee", decision: "approve" }),
      token: "approver",
    });
    expect(r.status).toBe(404);
  });
});
