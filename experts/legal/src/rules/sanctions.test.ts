import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema } from "../legal-policy.js";
import { caseParties } from "../parties.js";
import { applySanctionsRule } from "./sanctions.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-SANC"];
const citation = { document: "legal/compliance-policy.md", section: "Sanctions screening (LEG-SANC)" };

const run = (caseInput: CaseInput, jurisdictions = reference.sanctionedJurisdictions) =>
  applySanctionsRule({ parties: caseParties(parseCase({ asOf: "2026-11-30", ...caseInput })), sanctionedJurisdictions: jurisdictions, rule });
const borrower = { name: "Acme Corp", country: "JP" };

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("LEG-SANC", () => {
  it("passes a clean set of parties", () => {
    const out = run({ borrower, counterparties: [{ name: "B", country: "US", role: "target" }] });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ partyCount: 2, sanctionedParties: 0 });
  });

  it.each(["CU", "IR", "KP", "SY"])("is a critical veto for a party in %s (reference list)", (country) => {
    const out = run({ borrower, counterparties: [{ name: "T", country, role: "target" }] });
    expect(out.findings).toHaveLength(1);
    const [f] = out.findings;
    expect(f).toMatchObject({ ruleId: "LEG-SANC", severity: "critical", citations: [citation], condition: english(rule.condition), source: "rule" });
    expect(f?.metrics).toEqual({ partyCount: 2, sanctionedParties: 1 });
    expect(f?.fields).toEqual(["counterparties[0].country"]);
    expect(f?.message).toBe(`T (target, ${country}): sanctioned jurisdiction ${country}.`);
  });

  it("starts its message with the party description (reports print it after 'Declined: sanctions veto —')", () => {
    const out = run({ borrower: { name: "Havana Sugar", country: "CU" } });
    expect(out.findings[0]?.message).toMatch(/^Havana Sugar \(borrower, CU\): /);
  });

  it("stops a party given two countries when either is sanctioned, naming the sanctioned entry's country field", () => {
    const out = run({ borrower: { name: "Acme Corp", country: "IR" }, counterparties: [{ name: "Acme Corp", country: "JP", role: "borrower" }] });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.fields).toEqual(["borrower.country"]);
    expect(out.findings[0]?.message).toBe("Acme Corp (borrower, IR/JP): sanctioned jurisdiction IR.");
    expect(out.metrics).toEqual({ partyCount: 1, sanctionedParties: 1 });
    // The other way round: the sanctioned country is on the counterparty entry.
    const reversed = run({ borrower, counterparties: [{ name: "ACME CORP", country: "IR", role: "borrower" }] });
    expect(reversed.findings[0]?.fields).toEqual(["counterparties[0].country"]);
  });

  it("is a hit for a screening hit in a non-sanctioned country, however old the screening", () => {
    const out = run({
      counterparties: [{ name: "Dubai Trading", country: "AE", role: "seller", screening: { result: "hit", screenedOn: "2020-01-01" } }],
    });
    expect(out.findings[0]).toMatchObject({ severity: "critical", fields: ["counterparties[0].screening"] });
    expect(out.findings[0]?.message).toBe("Dubai Trading (seller, AE): screening hit (screened 2020-01-01).");
  });

  it("reads the v1 flag sanctionsHit: true as a hit, naming the .sanctionsHit field", () => {
    const out = run({ counterparties: [{ name: "Dubai Trading", country: "AE", role: "seller", sanctionsHit: true }] });
    expect(out.findings[0]).toMatchObject({ ruleId: "LEG-SANC", severity: "critical", fields: ["counterparties[0].sanctionsHit"] });
    expect(out.findings[0]?.message).toBe("Dubai Trading (seller, AE): screening hit.");
  });

  it("is not a hit for sanctionsHit: false, a clear screening or a potential match (LEG-SANC-MATCH's business)", () => {
    expect(run({ counterparties: [{ name: "S", country: "AE", role: "seller", sanctionsHit: false }] }).findings).toEqual([]);
    expect(run({ counterparties: [{ name: "S", country: "AE", role: "seller", screening: { result: "clear", screenedOn: "2026-11-01" } }] }).findings).toEqual(
      [],
    );
    expect(
      run({ counterparties: [{ name: "S", country: "AE", role: "seller", screening: { result: "potential_match", screenedOn: "2026-11-01" } }] }).findings,
    ).toEqual([]);
  });

  it("screens group members", () => {
    const out = run({ borrower, group: { members: [{ name: "Damascus Holdings", country: "SY" }] } });
    expect(out.findings[0]).toMatchObject({ severity: "critical", fields: ["group.members[0].country"] });
    expect(out.findings[0]?.message).toBe("Damascus Holdings (group member, SY): sanctioned jurisdiction SY.");
  });

  it("reports one finding listing every sanctioned party, with both reasons where both apply", () => {
    const out = run({
      borrower: { name: "A", country: "IR" },
      counterparties: [
        { name: "B", country: "JP", role: "guarantor" },
        { name: "C", country: "SG", role: "seller", sanctionsHit: true },
        { name: "D", country: "KP", role: "other", screening: { result: "hit", screenedOn: "2026-11-01" } },
      ],
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.metrics).toEqual({ partyCount: 4, sanctionedParties: 3 });
    expect(out.findings[0]?.message).toBe(
      "A (borrower, IR): sanctioned jurisdiction IR, C (seller, SG): screening hit " +
        "and D (other, KP): sanctioned jurisdiction KP and screening hit (screened 2026-11-01).",
    );
    expect(out.findings[0]?.fields).toEqual(["borrower.country", "counterparties[1].sanctionsHit", "counterparties[2].country", "counterparties[2].screening"]);
  });

  it("follows the policy's list", () => {
    const ru = { borrower: { name: "R", country: "RU" } };
    expect(run(ru, ["RU"]).findings[0]?.severity).toBe("critical");
    expect(run({ borrower: { name: "I", country: "IR" } }, ["RU"]).findings).toEqual([]);
  });
});

describe("LEG-SANC in Japanese", () => {
  it("names the same parties, countries and dates, party first (reports print it after 謝絶：制裁による拒否（LEG-SANC）—)", () => {
    const out = run({
      borrower: { name: "A", country: "IR" },
      counterparties: [
        { name: "B", country: "JP", role: "guarantor" },
        { name: "C", country: "SG", role: "seller", sanctionsHit: true },
        { name: "D", country: "KP", role: "other", screening: { result: "hit", screenedOn: "2026-11-01" } },
      ],
    });
    const f = out.findings[0];
    expect(f?.ja).toEqual({
      title: "制裁",
      message:
        "A（借り手、IR）：制裁対象国・地域 IR；C（売り手、SG）：制裁リスト該当；D（その他、KP）：制裁対象国・地域 KP、制裁リスト該当（スクリーニング日 2026-11-01）。",
      condition: japanese(rule.condition),
    });
    // EN: 2026-11-01 → [01, 11, 2026]; the Japanese carries the same date.
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
    expect(numbers(f?.ja?.message)).toEqual(["01", "11", "2026"]);
  });

  it("names every sanctioned country of a party given two, in the English order", () => {
    const out = run({ borrower: { name: "Acme Corp", country: "IR" }, counterparties: [{ name: "Acme Corp", country: "SY", role: "borrower" }] });
    expect(out.findings[0]?.message).toBe("Acme Corp (borrower, IR/SY): sanctioned jurisdiction IR and SY.");
    expect(out.findings[0]?.ja?.message).toBe("Acme Corp（借り手、IR/SY）：制裁対象国・地域 IR・SY。");
  });

  it("writes a v1 hit with no date without a screening date", () => {
    const out = run({ counterparties: [{ name: "Dubai Trading", country: "AE", role: "seller", sanctionsHit: true }] });
    expect(out.findings[0]?.ja?.message).toBe("Dubai Trading（売り手、AE）：制裁リスト該当。");
  });
});
