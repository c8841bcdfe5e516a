import { parseCase, type CaseInput } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { caseParties, describeParty, describePartyJa, type PartyRole } from "./parties.js";

const ASOF = "2026-11-30";
const parties = (input: CaseInput) => caseParties(parseCase({ asOf: ASOF, ...input }));
const borrower = { name: "Acme Corp", country: "JP" };

describe("caseParties", () => {
  it("is empty when the case names no party", () => {
    expect(parties({})).toEqual([]);
    expect(parties({ counterparties: [], group: { members: [] } })).toEqual([]);
  });

  it("always makes the borrower a party, with role borrower at path borrower", () => {
    expect(parties({ borrower })).toEqual([
      { name: "Acme Corp", role: "borrower", countries: ["JP"], entries: [{ path: "borrower", country: "JP" }], path: "borrower" },
    ]);
  });

  it("lists the borrower, then every other counterparty, then every group member, each with its own path", () => {
    const out = parties({
      borrower,
      counterparties: [
        { name: "Acme Corp", country: "JP", role: "borrower" },
        { name: "Target Inc", country: "US", role: "target" },
      ],
      group: {
        members: [
          { name: "Acme Holdings", country: "SG" },
          { name: "Acme Trading", country: "JP" },
        ],
      },
    });
    expect(out.map((p) => [p.path, p.role, p.name])).toEqual([
      ["borrower", "borrower", "Acme Corp"],
      ["counterparties[1]", "target", "Target Inc"],
      ["group.members[0]", "group", "Acme Holdings"],
      ["group.members[1]", "group", "Acme Trading"],
    ]);
  });

  it("makes group members parties with role group even without a borrower", () => {
    const out = parties({ group: { members: [{ name: "Parent KK", country: "JP", kyc: "complete" }] } });
    expect(out).toEqual([
      {
        name: "Parent KK",
        role: "group",
        countries: ["JP"],
        entries: [{ path: "group.members[0]", country: "JP" }],
        path: "group.members[0]",
        kyc: { status: "complete", path: "group.members[0].kyc" },
      },
    ]);
  });

  it("combines a borrower counterparty whose name differs from borrower.name only in case", () => {
    const out = parties({ borrower, counterparties: [{ name: "ACME corp", country: "JP", role: "borrower" }] });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      name: "Acme Corp",
      path: "borrower",
      countries: ["JP"],
      entries: [
        { path: "borrower", country: "JP" },
        { path: "counterparties[0]", country: "JP" },
      ],
    });
  });

  it("combines names that differ only in surrounding whitespace (trimmed before comparing)", () => {
    // Straight to caseParties: the case schema already trims names, this checks the comparison itself.
    const out = caseParties({
      borrower: { name: "Acme Corp", country: "JP" },
      counterparties: [{ name: "  acme CORP \t", country: "JP", role: "borrower" }],
    } as never);
    expect(out).toHaveLength(1);
    expect(out[0]?.entries.map((e) => e.path)).toEqual(["borrower", "counterparties[0]"]);
  });

  it("keeps a differently named borrower counterparty as a separate party (no guessing that two names are one company)", () => {
    const out = parties({ borrower, counterparties: [{ name: "Acme Holdings", country: "JP", role: "borrower", kyc: "pending" }] });
    expect(out.map((p) => [p.path, p.role, p.name])).toEqual([
      ["borrower", "borrower", "Acme Corp"],
      ["counterparties[0]", "borrower", "Acme Holdings"],
    ]);
    expect(out[0]?.kyc).toBeUndefined();
    expect(out[1]?.kyc).toEqual({ status: "pending", path: "counterparties[0].kyc" });
  });

  it("does not combine a same-name counterparty whose role is not borrower", () => {
    const out = parties({ borrower, counterparties: [{ name: "Acme Corp", country: "JP", role: "guarantor" }] });
    expect(out.map((p) => p.path)).toEqual(["borrower", "counterparties[0]"]);
  });

  it("gives a borrower listed twice with two countries both countries, in case order, and both entries", () => {
    const [p] = parties({ borrower: { name: "Acme Corp", country: "IR" }, counterparties: [{ name: "Acme Corp", country: "JP", role: "borrower" }] });
    expect(p?.countries).toEqual(["IR", "JP"]);
    expect(p?.entries).toEqual([
      { path: "borrower", country: "IR" },
      { path: "counterparties[0]", country: "JP" },
    ]);
  });

  it("normalises the evidence of one entry with its field paths", () => {
    const [a, b, c] = parties({
      borrower: {
        ...borrower,
        screening: { result: "clear", screenedOn: "2026-11-20", lists: ["OFAC SDN"] },
        kyc: { status: "complete", reviewedOn: "2026-06-01", riskRating: "low" },
        antiSocialCheck: { result: "clear", checkedOn: "2026-11-02" },
      },
      counterparties: [
        { name: "Seller", country: "AE", role: "seller", sanctionsHit: true, kyc: "failed" },
        { name: "Other", country: "SG", role: "other", sanctionsHit: false },
      ],
    });
    expect(a).toMatchObject({
      screening: { result: "clear", screenedOn: "2026-11-20", lists: ["OFAC SDN"], path: "borrower.screening" },
      kyc: { status: "complete", reviewedOn: "2026-06-01", riskRating: "low", path: "borrower.kyc" },
      antiSocialCheck: { result: "clear", checkedOn: "2026-11-02", path: "borrower.antiSocialCheck" },
    });
    // The v1 flag carries no date; the string form of kyc reads as { status }.
    expect(b?.screening).toEqual({ result: "hit", path: "counterparties[0].sanctionsHit" });
    expect(b?.kyc).toEqual({ status: "failed", path: "counterparties[0].kyc" });
    expect(c?.screening).toEqual({ result: "clear", path: "counterparties[1].sanctionsHit" });
    expect(c).not.toHaveProperty("kyc");
    expect(c).not.toHaveProperty("antiSocialCheck");
  });
});

describe("caseParties: the borrower listed twice, evidence combined conservatively", () => {
  const twice = (own: object, other: object) => {
    const out = parties({
      borrower: { ...borrower, ...own },
      counterparties: [{ ...borrower, role: "borrower", ...other }],
    });
    expect(out).toHaveLength(1);
    return out[0]!;
  };
  const screened = (result: string, screenedOn: string) => ({ screening: { result, screenedOn } });
  const checked = (result: string, checkedOn?: string) => ({ antiSocialCheck: { result, ...(checkedOn ? { checkedOn } : {}) } });

  it("keeps a sanctions hit on either entry, however old, over a newer clear screening", () => {
    expect(twice(screened("clear", "2026-11-29"), screened("hit", "2026-01-01")).screening).toEqual({
      result: "hit",
      screenedOn: "2026-01-01",
      path: "counterparties[0].screening",
    });
    expect(twice(screened("hit", "2026-01-01"), screened("clear", "2026-11-29")).screening).toEqual({
      result: "hit",
      screenedOn: "2026-01-01",
      path: "borrower.screening",
    });
    expect(twice({ sanctionsHit: true }, screened("clear", "2026-11-29")).screening).toEqual({ result: "hit", path: "borrower.sanctionsHit" });
  });

  it("otherwise takes the most recent dated screening, whichever entry carries it", () => {
    expect(twice(screened("clear", "2026-10-01"), screened("potential_match", "2026-11-20")).screening).toMatchObject({
      result: "potential_match",
      path: "counterparties[0].screening",
    });
    expect(twice(screened("potential_match", "2026-10-01"), screened("clear", "2026-11-20")).screening).toMatchObject({
      result: "clear",
      path: "counterparties[0].screening",
    });
    expect(twice(screened("clear", "2026-11-20"), screened("potential_match", "2026-10-01")).screening).toMatchObject({
      result: "clear",
      path: "borrower.screening",
    });
  });

  it("counts an undated screening (the v1 flag) as the oldest", () => {
    expect(twice({ sanctionsHit: false }, screened("potential_match", "2020-01-01")).screening).toMatchObject({
      result: "potential_match",
      path: "counterparties[0].screening",
    });
    expect(twice(screened("clear", "2020-01-01"), { sanctionsHit: false }).screening).toMatchObject({ result: "clear", path: "borrower.screening" });
  });

  it("takes the one screening there is when only one entry has it", () => {
    expect(twice({}, screened("clear", "2026-11-20")).screening).toMatchObject({ path: "counterparties[0].screening" });
    expect(twice(screened("clear", "2026-11-20"), {}).screening).toMatchObject({ path: "borrower.screening" });
    expect(twice({}, {}).screening).toBeUndefined();
  });

  it("keeps an anti-social-forces hit on either entry, otherwise the most recent dated check (undated as oldest)", () => {
    expect(twice(checked("clear", "2026-11-29"), checked("hit", "2025-01-01")).antiSocialCheck).toEqual({
      result: "hit",
      checkedOn: "2025-01-01",
      path: "counterparties[0].antiSocialCheck",
    });
    expect(twice(checked("hit"), checked("clear", "2026-11-29")).antiSocialCheck).toEqual({ result: "hit", path: "borrower.antiSocialCheck" });
    expect(twice(checked("clear", "2026-10-01"), checked("clear", "2026-11-01")).antiSocialCheck).toMatchObject({
      checkedOn: "2026-11-01",
      path: "counterparties[0].antiSocialCheck",
    });
    expect(twice(checked("clear", "2026-10-01"), checked("clear")).antiSocialCheck).toMatchObject({
      checkedOn: "2026-10-01",
      path: "borrower.antiSocialCheck",
    });
  });

  it("takes the worse KYC status: failed > pending > complete", () => {
    expect(twice({ kyc: "complete" }, { kyc: "pending" }).kyc).toEqual({ status: "pending", path: "counterparties[0].kyc" });
    expect(twice({ kyc: "pending" }, { kyc: "complete" }).kyc).toEqual({ status: "pending", path: "borrower.kyc" });
    expect(twice({ kyc: "failed" }, { kyc: "pending" }).kyc).toEqual({ status: "failed", path: "borrower.kyc" });
    expect(twice({ kyc: "complete" }, { kyc: "failed" }).kyc).toEqual({ status: "failed", path: "counterparties[0].kyc" });
  });

  it("takes the KYC record there is when only one entry has one", () => {
    expect(twice({}, { kyc: "complete" }).kyc).toEqual({ status: "complete", path: "counterparties[0].kyc" });
    expect(twice({ kyc: "pending" }, {}).kyc).toEqual({ status: "pending", path: "borrower.kyc" });
  });

  it("makes the party a PEP when either KYC record says pep", () => {
    expect(twice({ kyc: { status: "complete", pep: true } }, { kyc: "pending" }).kyc).toEqual({
      status: "pending",
      pep: true,
      eddComplete: false,
      path: "counterparties[0].kyc",
    });
    expect(twice({ kyc: { status: "pending" } }, { kyc: { status: "complete", pep: true, eddComplete: true } }).kyc).toMatchObject({
      status: "pending",
      pep: true,
      path: "borrower.kyc",
    });
    expect(twice({ kyc: "complete" }, { kyc: "complete" }).kyc?.pep).toBeUndefined();
  });
});

describe("describeParty", () => {
  it("names the party with its role and country", () => {
    expect(describeParty({ name: "Acme", role: "borrower", countries: ["US"] })).toBe("Acme (borrower, US)");
  });
  it("names every country of a party given two", () => {
    expect(describeParty({ name: "Acme", role: "borrower", countries: ["IR", "JP"] })).toBe("Acme (borrower, IR/JP)");
  });
  it("calls a member of the borrower's group a group member", () => {
    expect(describeParty({ name: "Parent KK", role: "group", countries: ["JP"] })).toBe("Parent KK (group member, JP)");
  });
});

describe("describePartyJa", () => {
  it("names the party with its role in Japanese and its country, as describeParty does in English", () => {
    expect(describePartyJa({ name: "東雲興産株式会社", role: "guarantor", countries: ["JP"] })).toBe("東雲興産株式会社（保証人、JP）");
  });
  it.each<[PartyRole, string]>([
    ["borrower", "借り手"],
    ["guarantor", "保証人"],
    ["target", "買収対象"],
    ["seller", "売り手"],
    ["other", "その他"],
    ["group", "グループ会社"],
  ])("calls the role %s %s", (role, ja) => {
    expect(describePartyJa({ name: "Acme", role, countries: ["US"] })).toBe(`Acme（${ja}、US）`);
  });
  it("names every country of a party given two, in the English order", () => {
    expect(describePartyJa({ name: "Acme", role: "borrower", countries: ["IR", "JP"] })).toBe("Acme（借り手、IR/JP）");
  });
});

describe("combined evidence of the borrower listed twice: EDD", () => {
  it("counts enhanced due diligence recorded on either entry", () => {
    const [borrower] = caseParties(
      parseCase({
        asOf: "2026-11-30",
        borrower: { name: "Acme", country: "JP", kyc: { status: "complete", reviewedOn: "2026-11-01", pep: true, eddComplete: true } },
        counterparties: [{ name: "acme", country: "JP", role: "borrower", kyc: { status: "pending", reviewedOn: "2026-11-20" } }],
      }),
    );
    expect(borrower!.kyc).toMatchObject({ status: "pending", pep: true, eddComplete: true });
  });
});
