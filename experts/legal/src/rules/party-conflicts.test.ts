import { parseCase, type CaseInput } from "@kyocho/core";
import { dataFindings } from "@kyocho/expert-kit";
import { describe, expect, it } from "vitest";
import { caseParties } from "../parties.js";
import { applyPartyConflicts } from "./party-conflicts.js";

// The findings as every expert writes them, at the severities the reference policy gives data findings.
const { dataConflict } = dataFindings({ dataGapSeverity: "medium", dataConflictSeverity: "medium" });
const run = (caseInput: CaseInput) => applyPartyConflicts({ parties: caseParties(parseCase(caseInput)), dataConflict });

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("DATA-CONFLICT (a party given two countries)", () => {
  it("is one DATA-CONFLICT naming both country paths when the borrower is given two countries", () => {
    const out = run({ borrower: { name: "Acme", country: "JP" }, counterparties: [{ name: "Acme", country: "US", role: "borrower" }] });
    expect(out.findings).toEqual([
      dataConflict(["borrower.country", "counterparties[0].country"], {
        en: "Acme is given two countries: JP at borrower.country and US at counterparties[0].country; both are screened.",
        ja: "Acmeの所在国が記載箇所によって異なります：JP（borrower.country）、US（counterparties[0].country）。いずれの国についてもスクリーニングします。",
      }),
    ]);
    expect(out.metrics).toEqual({ partyConflicts: 1 });
  });

  it("treats a borrower name differing only in case as the same party, so its other country is a conflict", () => {
    const out = run({ borrower: { name: "Acme Corp", country: "JP" }, counterparties: [{ name: "ACME CORP", country: "SG", role: "borrower" }] });
    expect(out.findings.map((f) => f.fields)).toEqual([["borrower.country", "counterparties[0].country"]]);
  });

  it("treats a borrower name differing only in surrounding whitespace as the same party", () => {
    // Straight to caseParties: the case schema already trims names, this checks the comparison itself.
    const parties = caseParties({
      borrower: { name: "Acme Corp", country: "JP" },
      counterparties: [{ name: " acme corp  ", country: "SG", role: "borrower" }],
    } as never);
    expect(applyPartyConflicts({ parties, dataConflict }).metrics).toEqual({ partyConflicts: 1 });
  });

  it("is no conflict when both entries give the same country", () => {
    const out = run({ borrower: { name: "Acme", country: "JP" }, counterparties: [{ name: "acme", country: "JP", role: "borrower" }] });
    expect(out).toEqual({ findings: [], metrics: { partyConflicts: 0 }, notes: [] });
  });

  it("is no conflict for a differently named borrower counterparty: a separate party, not the same one", () => {
    const out = run({ borrower: { name: "Acme Corp", country: "JP" }, counterparties: [{ name: "Acme Holdings", country: "US", role: "borrower" }] });
    expect(out.findings).toEqual([]);
  });

  it("is no conflict for parties that are not the borrower listed twice", () => {
    const out = run({
      borrower: { name: "Acme", country: "JP" },
      counterparties: [{ name: "Acme", country: "US", role: "guarantor" }],
      group: { members: [{ name: "Acme", country: "SG" }] },
    });
    expect(out.findings).toEqual([]);
  });
});

describe("DATA-CONFLICT in Japanese", () => {
  it("gives the same countries and field paths", () => {
    const f = run({ borrower: { name: "Acme", country: "JP" }, counterparties: [{ name: "Acme", country: "US", role: "borrower" }] }).findings[0];
    expect(f?.ja).toEqual({
      title: "データの矛盾",
      message: "Acmeの所在国が記載箇所によって異なります：JP（borrower.country）、US（counterparties[0].country）。いずれの国についてもスクリーニングします。",
    });
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
  });
});
