import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput, type LocalizedText } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { english, japaneseForm, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema } from "../legal-policy.js";
import { caseParties } from "../parties.js";
import { applyAntiSocialForcesRule } from "./anti-social-forces.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-ASF"];
const dataGap = (fields: string[], message: LocalizedText): ExpertFinding => {
  const ja = japaneseForm({ en: "Data gap", ja: "データ不足" }, message);
  return { ruleId: "DATA-GAP", severity: "medium", title: "Data gap", message: english(message), metrics: {}, citations: [], fields, ...(ja ? { ja } : {}) };
};
const run = (caseInput: CaseInput, requiredFor: readonly string[] = reference.antiSocialCheck.requiredFor) =>
  applyAntiSocialForcesRule({ parties: caseParties(parseCase({ asOf: "2026-11-30", ...caseInput })), requiredFor, rule, dataGap });
const checked = (result: "clear" | "hit", checkedOn?: string) => ({ antiSocialCheck: { result, ...(checkedOn ? { checkedOn } : {}) } });

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("LEG-ASF (反社)", () => {
  it("reads the reference policy: requiredFor [JP], LEG-ASF critical", () => {
    expect(reference.antiSocialCheck.requiredFor).toEqual(["JP"]);
    expect(rule.severity).toBe("critical");
  });

  it("is a critical veto for a check that is a hit, naming the check field", () => {
    const out = run({ counterparties: [{ name: "Kanto Kogyo", country: "JP", role: "seller", ...checked("hit", "2026-11-01") }] });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-ASF",
      severity: "critical",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Anti-social forces (LEG-ASF)" }],
      fields: ["counterparties[0].antiSocialCheck"],
      metrics: { antiSocialHits: 1, antiSocialChecksMissing: 0 },
      source: "rule",
    });
    expect(out.findings[0]?.message).toBe("Kanto Kogyo (seller, JP): anti-social-forces check hit (checked 2026-11-01).");
  });

  it("is a hit in any country, with or without a date", () => {
    const out = run({ borrower: { name: "Acme", country: "US", ...checked("hit") } });
    expect(out.findings[0]).toMatchObject({ ruleId: "LEG-ASF", fields: ["borrower.antiSocialCheck"] });
    expect(out.findings[0]?.message).toBe("Acme (borrower, US): anti-social-forces check hit.");
  });

  it("passes a JP party with a clear check", () => {
    const out = run({ borrower: { name: "Acme", country: "JP", ...checked("clear", "2026-11-01") } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ antiSocialHits: 0, antiSocialChecksMissing: 0 });
  });

  it("is a DATA-GAP naming <path>.antiSocialCheck for a JP party without a check", () => {
    const out = run({
      borrower: { name: "Acme", country: "JP", ...checked("clear", "2026-11-01") },
      counterparties: [{ name: "Osaka KK", country: "JP", role: "guarantor" }],
      group: { members: [{ name: "Acme Holdings", country: "JP" }] },
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["counterparties[0].antiSocialCheck", "group.members[0].antiSocialCheck"] });
    expect(out.findings[0]?.message).toBe(
      "No anti-social-forces check (反社チェック) on file — Osaka KK (guarantor, JP) and Acme Holdings (group member, JP); required for parties in JP.",
    );
    expect(out.metrics).toEqual({ antiSocialHits: 0, antiSocialChecksMissing: 2 });
  });

  it("asks nothing of a US party without a check", () => {
    const out = run({ borrower: { name: "Acme", country: "US" }, counterparties: [{ name: "T", country: "DE", role: "target" }] });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ antiSocialHits: 0, antiSocialChecksMissing: 0 });
  });

  it("asks for a check from a party given JP as one of two countries", () => {
    const out = run({ borrower: { name: "Acme", country: "US" }, counterparties: [{ name: "Acme", country: "JP", role: "borrower" }] });
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["borrower.antiSocialCheck"] });
  });

  it("takes requiredFor from the policy, not a built-in list", () => {
    const input: CaseInput = { borrower: { name: "Acme", country: "US" }, counterparties: [{ name: "Osaka KK", country: "JP", role: "guarantor" }] };
    expect(run(input, ["US"]).findings[0]?.fields).toEqual(["borrower.antiSocialCheck"]);
    expect(run(input, []).findings).toEqual([]);
  });

  it("reports the veto and the gap side by side", () => {
    const out = run({ borrower: { name: "Acme", country: "JP" }, counterparties: [{ name: "X", country: "SG", role: "other", ...checked("hit") }] });
    expect(out.findings.map((f) => [f.ruleId, f.fields])).toEqual([
      ["LEG-ASF", ["counterparties[0].antiSocialCheck"]],
      ["DATA-GAP", ["borrower.antiSocialCheck"]],
    ]);
    expect(out.metrics).toEqual({ antiSocialHits: 1, antiSocialChecksMissing: 1 });
  });

  it("keeps a hit on either entry of a borrower listed twice", () => {
    const out = run({
      borrower: { name: "Acme", country: "JP", ...checked("clear", "2026-11-29") },
      counterparties: [{ name: "Acme", country: "JP", role: "borrower", ...checked("hit", "2024-01-01") }],
    });
    expect(out.findings.map((f) => [f.ruleId, f.fields])).toEqual([["LEG-ASF", ["counterparties[0].antiSocialCheck"]]]);
  });
});

describe("LEG-ASF in Japanese", () => {
  it("names the same parties and check dates", () => {
    const out = run({
      counterparties: [
        { name: "Kanto Kogyo", country: "JP", role: "seller", ...checked("hit", "2026-11-01") },
        { name: "Osaka Shoji", country: "JP", role: "other", ...checked("hit") },
      ],
    });
    const f = out.findings[0];
    expect(f?.ja).toEqual({
      title: "反社会的勢力",
      message: "Kanto Kogyo（売り手、JP）：反社会的勢力に該当（確認日 2026-11-01）；Osaka Shoji（その他、JP）：反社会的勢力に該当。",
      condition: japanese(rule.condition),
    });
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
    expect(numbers(f?.ja?.message)).toEqual(["01", "11", "2026"]);
  });

  it("asks for the missing 反社チェック in Japanese, naming the countries that require it", () => {
    const out = run({ borrower: { name: "Tokyo KK", country: "JP" }, group: { members: [{ name: "Parent KK", country: "JP" }] } }, ["JP", "KR"]);
    const gap = out.findings.find((f) => f.ruleId === "DATA-GAP");
    expect(gap?.ja).toEqual({
      title: "データ不足",
      message: "反社チェックの記録がありません：Tokyo KK（借り手、JP）、Parent KK（グループ会社、JP）。JP、KRの当事者には反社チェックが必要です。",
    });
  });
});
